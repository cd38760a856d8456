// Pure: the learning loop's topics (clusters of the questions the bot could not answer) as a dashboard
// metric, so that the "top unanswered clusters" chart reads like every other card: summary, rows, CSV.
import type { TopicSummary } from '../learning/topic-summary.js';
import type { MetricResult } from './metric-builders.js';

/** `openQuestions`: unanswered questions still open in the range, clustered or not. */
export function clustersMetric(openQuestions: number, topics: readonly TopicSummary[]): MetricResult {
  return {
    metric: 'clusters',
    summary: { openQuestions, clusters: topics.length },
    columns: ['example', 'size', 'conversations', 'nearestEntry', 'lastAt'],
    rows: topics.map((t) => ({
      example: t.examples[0] ?? t.id,
      size: t.size,
      conversations: t.conversations,
      nearestEntry: t.nearestEntry?.title ?? null,
      lastAt: new Date(t.lastAt).toISOString(),
    })),
  };
}
