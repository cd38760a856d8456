// "The customer rephrased right after an answer" (pure). A bot answer that did not help is usually
// followed at once by the same question in other words, or by a question the engine again maps to the
// same entry. Precisely, the answered question Q counts as unanswered (reason 'rephrase') when:
//   1. the follow-up F is the very next customer message after the bot's answer, in the same conversation
//      and while the bot still speaks (it got a bot reply of its own);
//   2. F came within REPHRASE_WINDOW_MS of the answer; and
//   3. F is similar in tokens to Q (featureSimilarity ≥ REPHRASE_SIMILARITY), or the engine's top entry
//      for F is the entry just answered while it considered F in scope (reason 'confident'/'ambiguous').
// The similarity threshold was measured by `npm run bench:clusters` on pairs of validation questions:
// same intent (a rephrase) against different intents (a new question); figures in BENCHMARKS.md.
import { extractFeatures } from '../engine/features.js';
import { normalizeText } from '../engine/index.js';

/** Long enough to read an answer and type the question again; longer gaps are usually a new topic. */
export const REPHRASE_WINDOW_MS = 120_000;
export const REPHRASE_SIMILARITY = 0.3;

/**
 * Cosine similarity of the engine's features of two texts (words, word bigrams and character n-grams,
 * binary weights: two short messages have no corpus for idf).
 */
export function featureSimilarity(a: string, b: string): number {
  const fa = extractFeatures(normalizeText(a)).counts;
  const fb = extractFeatures(normalizeText(b)).counts;
  if (fa.size === 0 || fb.size === 0) return 0;
  let shared = 0;
  for (const key of fa.keys()) if (fb.has(key)) shared++;
  return shared / Math.sqrt(fa.size * fb.size);
}

export interface RephraseCandidate {
  question: string;
  answeredEntryId: string;
  answeredAt: number;
  followUp: string;
  followUpAt: number;
  /** The engine's top entry for the follow-up, and why it decided as it did. */
  followUpTop: string | null;
  followUpEngineReason: string | null;
}

export interface Rephrase {
  similarity: number;
  sameTop: boolean;
}

/** The evidence when the follow-up is a rephrase of the answered question; null when it is not. */
export function detectRephrase(c: RephraseCandidate): Rephrase | null {
  const gap = c.followUpAt - c.answeredAt;
  if (gap < 0 || gap > REPHRASE_WINDOW_MS) return null;
  const similarity = featureSimilarity(c.question, c.followUp);
  const inScope = c.followUpEngineReason === 'confident' || c.followUpEngineReason === 'ambiguous';
  const sameTop = inScope && c.followUpTop === c.answeredEntryId;
  if (similarity < REPHRASE_SIMILARITY && !sameTop) return null;
  return { similarity: Math.round(similarity * 1000) / 1000, sameTop };
}
