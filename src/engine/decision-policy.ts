// The explicit decision step (Rasa's FallbackClassifier as one pure function): calibrated confidence
// of the top entry decides "answer"; otherwise, if the right entry is probably among the 2–3 best,
// ask back; otherwise hand off. Thresholds come from threshold-selection, never from test data.
import { calibrate, type Calibrator } from './calibrator.js';
import type { DecisionKind, DecisionThresholds, EngineReason } from './types.js';

export interface Calibrators {
  /** P(top entry is the right one). */
  answer: Calibrator;
  /** P(the right entry is among the clarify candidates). */
  clarify: Calibrator;
}

/** A rival joins the clarify candidates when its probability is at least this share of the top's. */
const CANDIDATE_RATIO = 0.25;
const MAX_CANDIDATES = 3;

/** How many of the best entries a clarification offers (2 or 3), from their probabilities. */
export function candidateCount(topProbs: number[]): number {
  let n = Math.min(2, topProbs.length);
  while (n < Math.min(MAX_CANDIDATES, topProbs.length) && topProbs[n] >= CANDIDATE_RATIO * topProbs[0]) n++;
  return n;
}

export interface PolicyOutcome {
  decision: DecisionKind;
  reason: EngineReason;
  confidence: number;
  /** Number of top entries offered when clarifying (0 otherwise). */
  offered: number;
}

export function applyPolicy(
  signals: number[],
  topProbs: number[],
  calibrators: Calibrators,
  thresholds: DecisionThresholds,
): PolicyOutcome {
  const confidence = calibrate(calibrators.answer, signals);
  if (confidence >= thresholds.answer)
    return { decision: 'answer', reason: 'confident', confidence, offered: 0 };
  const offered = candidateCount(topProbs);
  const covered = calibrate(calibrators.clarify, signals);
  if (offered >= 2 && covered >= thresholds.clarify)
    return { decision: 'clarify', reason: 'ambiguous', confidence, offered };
  // Far below the clarify bar the question is most likely not covered at all; near it, merely unclear.
  const reason = covered < thresholds.clarify / 2 ? 'out-of-scope' : 'low-confidence';
  return { decision: 'handoff', reason, confidence, offered: 0 };
}

/**
 * How close a message must be to one of the KB's "must not answer" examples (cosine over all the
 * features of both, negative-index.ts) before that example can overrule the bot: at 0.5 the two share
 * most of their informative wording, not merely a word or two.
 */
export const NEGATIVE_MATCH_FLOOR = 0.5;

/**
 * The business's "must not answer" examples say what the bot must leave to a person. An answer or a
 * clarification gives way to a handoff when the message is closer to one of them than to every example
 * question of the entry it would get (the calibrated thresholds alone learn from them only on average).
 */
export function refusedByNegative(
  outcome: PolicyOutcome,
  nearestNegative: number,
  nearestExample: number,
): PolicyOutcome {
  if (outcome.decision === 'handoff') return outcome;
  if (nearestNegative < NEGATIVE_MATCH_FLOOR || nearestNegative <= nearestExample) return outcome;
  // The confidence that the entry is right cannot exceed the evidence against it.
  const confidence = Math.max(0, Math.min(outcome.confidence, 1 - nearestNegative));
  return { decision: 'handoff', reason: 'out-of-scope', confidence, offered: 0 };
}
