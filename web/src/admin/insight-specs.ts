// What each dashboard card shows: its metric, chart, series and headline figures (definitions in
// docs/metrics.md; the short version is in the messages).
import type { AdminKey } from './messages.js';

export type Figure = 'int' | 'pct' | 'ms' | 'num';

export interface CardSpec {
  /** The insights metric (GET /api/admin/insights/{metric}), or the learning loop's clusters. */
  metric: string;
  title: AdminKey;
  definition: AdminKey;
  kind: 'line' | 'bar' | 'hbar';
  /** The column naming each row (x axis, or y for horizontal bars). */
  category: string;
  series: Array<{ column: string; label: AdminKey }>;
  percent?: boolean;
  summary: Array<{ key: string; label: AdminKey; figure: Figure }>;
  /** Show at most this many rows (the biggest, as the server sorts them). */
  limit?: number;
  wide?: boolean;
}

export const CARDS: CardSpec[] = [
  {
    metric: 'volume',
    title: 'metric.volume',
    definition: 'def.volume',
    kind: 'line',
    category: 'day',
    series: [
      { column: 'conversations', label: 'col.conversations' },
      { column: 'messages', label: 'col.messages' },
    ],
    summary: [
      { key: 'conversations', label: 'col.conversations', figure: 'int' },
      { key: 'messages', label: 'col.messages', figure: 'int' },
    ],
    wide: true,
  },
  {
    metric: 'kb-categories',
    title: 'metric.kb-categories',
    definition: 'def.kb-categories',
    kind: 'hbar',
    category: 'category',
    series: [{ column: 'hits', label: 'col.hits' }],
    summary: [{ key: 'answers', label: 'col.answers', figure: 'int' }],
    limit: 12,
  },
  {
    metric: 'kb-entries',
    title: 'metric.kb-entries',
    definition: 'def.kb-entries',
    kind: 'hbar',
    category: 'title',
    series: [{ column: 'hits', label: 'col.hits' }],
    summary: [{ key: 'entries', label: 'col.entries', figure: 'int' }],
    limit: 10,
  },
  {
    metric: 'clusters',
    title: 'metric.clusters',
    definition: 'def.clusters',
    kind: 'hbar',
    category: 'example',
    series: [{ column: 'size', label: 'col.questions' }],
    summary: [
      { key: 'openQuestions', label: 'col.openQuestions', figure: 'int' },
      { key: 'clusters', label: 'col.clusters', figure: 'int' },
    ],
    limit: 10,
  },
  {
    metric: 'self-service',
    title: 'metric.self-service',
    definition: 'def.self-service',
    kind: 'line',
    category: 'day',
    series: [{ column: 'rate', label: 'col.rate' }],
    percent: true,
    summary: [
      { key: 'rate', label: 'col.rate', figure: 'pct' },
      { key: 'settled', label: 'col.settled', figure: 'int' },
      { key: 'pending', label: 'col.pending', figure: 'int' },
    ],
  },
  {
    metric: 'handoffs',
    title: 'metric.handoffs',
    definition: 'def.handoffs',
    kind: 'hbar',
    category: 'reason',
    series: [{ column: 'rate', label: 'col.rate' }],
    percent: true,
    summary: [
      { key: 'rate', label: 'col.handoffRate', figure: 'pct' },
      { key: 'handedOff', label: 'col.handedOff', figure: 'int' },
    ],
  },
  {
    metric: 'clarify',
    title: 'metric.clarify',
    definition: 'def.clarify',
    kind: 'line',
    category: 'day',
    series: [{ column: 'clarifyRate', label: 'col.clarifyRate' }],
    percent: true,
    summary: [
      { key: 'clarifyRate', label: 'col.clarifyRate', figure: 'pct' },
      { key: 'answerRate', label: 'col.answerRate', figure: 'pct' },
      { key: 'decisions', label: 'col.decisions', figure: 'int' },
    ],
  },
  {
    metric: 'first-response',
    title: 'metric.first-response',
    definition: 'def.first-response',
    kind: 'bar',
    category: 'bucket',
    series: [
      { column: 'firstResponses', label: 'col.firstResponses' },
      { column: 'agentResponses', label: 'col.agentResponses' },
    ],
    summary: [
      { key: 'firstP50Ms', label: 'col.firstP50', figure: 'ms' },
      { key: 'agentP50Ms', label: 'col.agentP50', figure: 'ms' },
      { key: 'agentP90Ms', label: 'col.agentP90', figure: 'ms' },
    ],
  },
  {
    metric: 'queue-wait',
    title: 'metric.queue-wait',
    definition: 'def.queue-wait',
    kind: 'bar',
    category: 'bucket',
    series: [{ column: 'handoffs', label: 'col.handoffs' }],
    summary: [
      { key: 'p50Ms', label: 'col.p50', figure: 'ms' },
      { key: 'p90Ms', label: 'col.p90', figure: 'ms' },
      { key: 'waiting', label: 'col.waiting', figure: 'int' },
    ],
  },
  {
    metric: 'abandonment',
    title: 'metric.abandonment',
    definition: 'def.abandonment',
    kind: 'bar',
    category: 'day',
    series: [
      { column: 'decided', label: 'col.decided' },
      { column: 'abandoned', label: 'col.abandoned' },
    ],
    summary: [
      { key: 'rate', label: 'col.abandonRate', figure: 'pct' },
      { key: 'abandonedAfterP50Ms', label: 'col.abandonAfter', figure: 'ms' },
    ],
  },
  {
    metric: 'csat',
    title: 'metric.csat',
    definition: 'def.csat',
    kind: 'bar',
    category: 'score',
    series: [{ column: 'count', label: 'col.ratings' }],
    summary: [
      { key: 'average', label: 'col.average', figure: 'num' },
      { key: 'satisfiedShare', label: 'col.satisfied', figure: 'pct' },
      { key: 'count', label: 'col.ratings', figure: 'int' },
    ],
  },
  {
    metric: 'care',
    title: 'metric.care',
    definition: 'def.care',
    kind: 'line',
    category: 'day',
    series: [{ column: 'share', label: 'col.careShare' }],
    percent: true,
    summary: [
      { key: 'share', label: 'col.careShare', figure: 'pct' },
      { key: 'care', label: 'col.careConversations', figure: 'int' },
    ],
  },
];
