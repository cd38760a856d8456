// Pure: the repository's aggregates → each dashboard metric as {summary, columns, rows}. The definitions
// are written out in docs/metrics.md; this file is their one implementation.
import type { DayTotals, QueueDay } from '../storage/ports.js';
import type { CsvValue } from './csv.js';
import { byDay, DURATION_BUCKETS, histogramOf, rate, type DurationStats } from './metric-math.js';

export interface MetricRange {
  from: number;
  to: number;
  offsetMs: number;
}

export interface MetricResult {
  metric: string;
  summary: Record<string, number | null>;
  columns: string[];
  rows: Array<Record<string, CsvValue>>;
}

const sum = <T>(rows: readonly T[], pick: (row: T) => number) =>
  rows.reduce((total, row) => total + pick(row), 0);

/** The sum of each field over the rows. */
function totalsOf<K extends string>(rows: ReadonlyArray<Record<K, number>>, fields: readonly K[]) {
  return Object.fromEntries(fields.map((f) => [f, sum(rows, (r) => r[f])])) as Record<K, number>;
}

/** Per local day of the range, these fields of the day totals (every day present), and their sums. */
function daily<K extends string>(
  range: MetricRange,
  days: ReadonlyArray<{ dayStart: number } & Record<K, number>>,
  fields: readonly K[],
) {
  const rows = byDay(days, fields, range.from, range.to, range.offsetMs);
  return { rows, totals: totalsOf(rows, fields) };
}

export function volumeMetric(range: MetricRange, days: DayTotals[]): MetricResult {
  const fields = ['conversations', 'customer', 'bot', 'agent', 'system'] as const;
  const rows = daily(range, days, fields).rows.map((d) => ({
    day: d.day,
    conversations: d.conversations,
    messages: d.customer + d.bot + d.agent + d.system,
    customerMessages: d.customer,
    botMessages: d.bot,
    agentMessages: d.agent,
    systemMessages: d.system,
  }));
  const counts = [
    'conversations',
    'messages',
    'customerMessages',
    'botMessages',
    'agentMessages',
    'systemMessages',
  ] as const;
  return { metric: 'volume', summary: totalsOf(rows, counts), columns: ['day', ...counts], rows };
}

/** Hits per entry, most hit first; an entry counts under its current category (null once deleted). */
export function kbEntriesMetric(
  hits: Array<{ entryId: string; hits: number }>,
  catalogue: ReadonlyMap<string, { title: string; category: string | null }>,
): MetricResult {
  const total = sum(hits, (h) => h.hits);
  const rows = [...hits]
    .sort((a, b) => b.hits - a.hits || a.entryId.localeCompare(b.entryId))
    .map((h) => {
      const entry = catalogue.get(h.entryId);
      return {
        entryId: h.entryId,
        title: entry?.title ?? null,
        category: entry?.category ?? null,
        hits: h.hits,
        share: rate(h.hits, total),
      };
    });
  return {
    metric: 'kb-entries',
    summary: { answers: total, entries: rows.length },
    columns: ['entryId', 'title', 'category', 'hits', 'share'],
    rows,
  };
}

export function kbCategoriesMetric(entries: MetricResult): MetricResult {
  const byCategory = new Map<string | null, number>();
  for (const row of entries.rows) {
    const category = row.category as string | null;
    byCategory.set(category, (byCategory.get(category) ?? 0) + (row.hits as number));
  }
  const total = entries.summary.answers ?? 0;
  const rows = [...byCategory]
    .map(([category, hits]) => ({ category, hits, share: rate(hits, total) }))
    .sort((a, b) => b.hits - a.hits || String(a.category).localeCompare(String(b.category)));
  return {
    metric: 'kb-categories',
    summary: { answers: total, categories: rows.length },
    columns: ['category', 'hits', 'share'],
    rows,
  };
}

export function selfServiceMetric(range: MetricRange, days: DayTotals[]): MetricResult {
  const { rows, totals } = daily(range, days, ['engaged', 'settled', 'selfServed'] as const);
  const { engaged, settled, selfServed } = totals;
  return {
    metric: 'self-service',
    summary: { engaged, settled, pending: engaged - settled, selfServed, rate: rate(selfServed, settled) },
    columns: ['day', 'engaged', 'settled', 'selfServed', 'rate'],
    rows: rows.map((d) => ({ ...d, rate: rate(d.selfServed, d.settled) })),
  };
}

export function handoffsMetric(
  days: DayTotals[],
  reasons: Array<{ reason: string; conversations: number }>,
): MetricResult {
  const { engaged, handedOff } = totalsOf(days, ['engaged', 'handedOff'] as const);
  const rows = [...reasons]
    .sort((a, b) => b.conversations - a.conversations || a.reason.localeCompare(b.reason))
    .map((r) => ({
      reason: r.reason,
      conversations: r.conversations,
      rate: rate(r.conversations, engaged),
      share: rate(r.conversations, handedOff),
    }));
  return {
    metric: 'handoffs',
    summary: { engaged, handedOff, rate: rate(handedOff, engaged) },
    columns: ['reason', 'conversations', 'rate', 'share'],
    rows,
  };
}

export function clarifyMetric(range: MetricRange, days: DayTotals[]): MetricResult {
  const { rows, totals } = daily(range, days, ['answers', 'clarifies', 'handoffs'] as const);
  const { answers, clarifies, handoffs } = totals;
  const decisions = answers + clarifies + handoffs;
  return {
    metric: 'clarify',
    summary: {
      decisions,
      answers,
      clarifies,
      handoffs,
      clarifyRate: rate(clarifies, decisions),
      answerRate: rate(answers, decisions),
      handoffDecisionRate: rate(handoffs, decisions),
    },
    columns: ['day', 'decisions', 'answers', 'clarifies', 'handoffs', 'clarifyRate'],
    rows: rows.map((d) => {
      const dayDecisions = d.answers + d.clarifies + d.handoffs;
      return {
        day: d.day,
        decisions: dayDecisions,
        answers: d.answers,
        clarifies: d.clarifies,
        handoffs: d.handoffs,
        clarifyRate: rate(d.clarifies, dayDecisions),
      };
    }),
  };
}

/** `${prefix}Count`, `P50Ms`, `P90Ms`, `AverageMs` of durations computed with DURATION_SPEC. */
const durationSummary = (prefix: string, d: DurationStats) => ({
  [`${prefix}Count`]: d.count,
  [`${prefix}P50Ms`]: d.percentiles[0],
  [`${prefix}P90Ms`]: d.percentiles[1],
  [`${prefix}AverageMs`]: rate(d.sumMs, d.count),
});

export function firstResponseMetric(times: { first: DurationStats; agent: DurationStats }): MetricResult {
  const first = histogramOf(times.first.below);
  const agent = histogramOf(times.agent.below);
  return {
    metric: 'first-response',
    summary: { ...durationSummary('first', times.first), ...durationSummary('agent', times.agent) },
    columns: ['bucket', 'firstResponses', 'agentResponses'],
    rows: DURATION_BUCKETS.map((b, i) => ({
      bucket: b.label,
      firstResponses: first[i],
      agentResponses: agent[i],
    })),
  };
}

export function queueWaitMetric(days: QueueDay[], waits: DurationStats): MetricResult {
  const { handoffs, waiting } = totalsOf(days, ['handoffs', 'waiting'] as const);
  const counts = histogramOf(waits.below);
  return {
    metric: 'queue-wait',
    summary: {
      handoffs,
      assigned: waits.count,
      waiting,
      p50Ms: waits.percentiles[0],
      p90Ms: waits.percentiles[1],
      averageMs: rate(waits.sumMs, waits.count),
      maxMs: waits.maxMs,
    },
    columns: ['bucket', 'handoffs'],
    rows: DURATION_BUCKETS.map((b, i) => ({ bucket: b.label, handoffs: counts[i] })),
  };
}

export function abandonmentMetric(
  range: MetricRange,
  days: QueueDay[],
  abandonedAfter: DurationStats,
): MetricResult {
  // Decided: the wait is over, with an agent or without one. Still waiting counts neither way.
  const { rows, totals } = daily(range, days, ['decided', 'abandoned'] as const);
  return {
    metric: 'abandonment',
    summary: {
      handoffs: sum(days, (d) => d.handoffs),
      decided: totals.decided,
      abandoned: totals.abandoned,
      rate: rate(totals.abandoned, totals.decided),
      abandonedAfterP50Ms: abandonedAfter.percentiles[0],
    },
    columns: ['day', 'decided', 'abandoned', 'rate'],
    rows: rows.map((d) => ({ ...d, rate: rate(d.abandoned, d.decided) })),
  };
}

export function csatMetric(counts: Array<{ score: number; count: number }>): MetricResult {
  const byScore = new Map(counts.map((c) => [c.score, c.count]));
  const count = sum(counts, (c) => c.count);
  const total = sum(counts, (c) => c.score * c.count);
  const rows = [1, 2, 3, 4, 5].map((score) => ({
    score,
    count: byScore.get(score) ?? 0,
    share: rate(byScore.get(score) ?? 0, count),
  }));
  const satisfied = (byScore.get(4) ?? 0) + (byScore.get(5) ?? 0);
  return {
    metric: 'csat',
    summary: { count, average: rate(total, count), satisfiedShare: rate(satisfied, count) },
    columns: ['score', 'count', 'share'],
    rows,
  };
}

export function careMetric(range: MetricRange, days: DayTotals[]): MetricResult {
  const { rows, totals } = daily(range, days, ['conversations', 'care'] as const);
  return {
    metric: 'care',
    summary: { ...totals, share: rate(totals.care, totals.conversations) },
    columns: ['day', 'conversations', 'care', 'share'],
    rows: rows.map((d) => ({ ...d, share: rate(d.care, d.conversations) })),
  };
}
