// Customer sentiment from the handoff policy's own anger lexicon (one lexicon: what makes the bot hand
// off is also what the profile calls angry), plus the trend over a customer's conversations.
import { angerIntensity } from '../domain/handoff-intent.js';
import { normalizeText } from '../engine/index.js';

/** 0 calm, 1 frustrated, 2 or more angry (see handoff-intent.ts). */
export function messageAnger(text: string): number {
  return angerIntensity(normalizeText(text));
}

export type SentimentTrend = 'improving' | 'worsening' | 'steady' | 'unknown';

/**
 * Compares the latest conversation's highest anger with the mean of the earlier ones (oldest first in
 * `angerByConversation`): lower is improving, higher is worsening. One conversation has no trend.
 */
export function sentimentTrend(angerByConversation: number[]): SentimentTrend {
  if (angerByConversation.length < 2) return 'unknown';
  const latest = angerByConversation[angerByConversation.length - 1];
  const earlier = angerByConversation.slice(0, -1);
  const mean = earlier.reduce((a, b) => a + b, 0) / earlier.length;
  if (latest < mean - 0.25) return 'improving';
  if (latest > mean + 0.25) return 'worsening';
  return 'steady';
}
