// Pure: the repository's aggregates → each dashboard metric as {summary, columns, rows}. The definitions
// are written out in docs/metrics.md; this file is their one implementation.
import type { HandoffFact, HourTotals, StartTotals } from '../storage/ports.js';
import type { CsvValue } from './csv.js';
import {
  byDay,
  dayKey,
  daysInRange,
  DURATION_BUCKETS,
  histogram,
  mean,
  percentile,
  rate,
} from './metric-math.js';

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

export function volumeMetric(range: MetricRange, hours: HourTotals[], starts: StartTotals[]): MetricResult {
  const messages = byDay(
    hours,
    ['customer', 'bot', 'agent', 'system'] as const,
    range.from,
    range.to,
    range.offsetMs,
  );
  const conversations = byDay(starts, ['conversations'] as const, range.from, range.to, range.offsetMs);
  const rows = messages.map((m, i) => ({
    day: m.day,
    conversations: conversations[i].conversations,
    messages: m.customer + m.bot + m.agent + m.system,
    customerMessages: m.customer,
    botMessages: m.bot,
    agentMessages: m.agent,
    systemMessages: m.system,
  }));
  return {
    metric: 'volume',
    summary: {
      conversations: sum(rows, (r) => r.conversations),
      messages: sum(rows, (r) => r.messages),
      customerMessages: sum(rows, (r) => r.customerMessages),
      botMessages: sum(rows, (r) => r.botMessages),
      agentMessages: sum(rows, (r) => r.agentMessages),
      systemMessages: sum(rows, (r) => r.systemMessages),
    },
    columns: [
      'day',
      'conversations',
      'messages',
      'customerMessages',
      'botMessages',
      'agentMessages',
      'systemMessages',
    ],
    rows,
  };
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

export function selfServiceMetric(range: MetricRange, starts: StartTotals[]): MetricResult {
  const days = byDay(
    starts,
    ['engaged', 'settled', 'selfServed'] as const,
    range.from,
    range.to,
    range.offsetMs,
  );
  const rows = days.map((d) => ({ ...d, rate: rate(d.selfServed, d.settled) }));
  const settled = sum(starts, (s) => s.settled);
  const selfServed = sum(starts, (s) => s.selfServed);
  const engaged = sum(starts, (s) => s.engaged);
  return {
    metric: 'self-service',
    summary: { engaged, settled, pending: engaged - settled, selfServed, rate: rate(selfServed, settled) },
    columns: ['day', 'engaged', 'settled', 'selfServed', 'rate'],
    rows,
  };
}

export function handoffsMetric(
  starts: StartTotals[],
  reasons: Array<{ reason: string; conversations: number }>,
): MetricResult {
  const engaged = sum(starts, (s) => s.engaged);
  const handedOff = sum(starts, (s) => s.handedOff);
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

export function clarifyMetric(range: MetricRange, hours: HourTotals[]): MetricResult {
  const days = byDay(
    hours,
    ['answers', 'clarifies', 'handoffs'] as const,
    range.from,
    range.to,
    range.offsetMs,
  );
  const rows = days.map((d) => {
    const decisions = d.answers + d.clarifies + d.handoffs;
    return {
      day: d.day,
      decisions,
      answers: d.answers,
      clarifies: d.clarifies,
      handoffs: d.handoffs,
      clarifyRate: rate(d.clarifies, decisions),
    };
  });
  const answers = sum(rows, (r) => r.answers);
  const clarifies = sum(rows, (r) => r.clarifies);
  const handoffs = sum(rows, (r) => r.handoffs);
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
    rows,
  };
}

const durationSummary = (prefix: string, values: number[]) => ({
  [`${prefix}Count`]: values.length,
  [`${prefix}P50Ms`]: percentile(values, 50),
  [`${prefix}P90Ms`]: percentile(values, 90),
  [`${prefix}AverageMs`]: mean(values),
});

export function firstResponseMetric(times: { first: number[]; agent: number[] }): MetricResult {
  const first = histogram(times.first);
  const agent = histogram(times.agent);
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

export function queueWaitMetric(handoffs: HandoffFact[]): MetricResult {
  const waits = handoffs
    .filter((h) => h.assignedAt !== null)
    .map((h) => (h.assignedAt as number) - h.queuedAt);
  const counts = histogram(waits);
  return {
    metric: 'queue-wait',
    summary: {
      handoffs: handoffs.length,
      assigned: waits.length,
      waiting: handoffs.filter((h) => h.assignedAt === null && h.endedAt === null).length,
      p50Ms: percentile(waits, 50),
      p90Ms: percentile(waits, 90),
      averageMs: mean(waits),
      maxMs: waits.length === 0 ? null : Math.max(...waits),
    },
    columns: ['bucket', 'handoffs'],
    rows: DURATION_BUCKETS.map((b, i) => ({ bucket: b.label, handoffs: counts[i] })),
  };
}

export function abandonmentMetric(range: MetricRange, handoffs: HandoffFact[]): MetricResult {
  const days = new Map(
    daysInRange(range.from, range.to, range.offsetMs).map((d) => [d, { decided: 0, abandoned: 0 }]),
  );
  const abandonedAfter: number[] = [];
  let decided = 0;
  for (const h of handoffs) {
    // Decided: the wait is over, with an agent or without one. Still waiting counts neither way.
    if (h.assignedAt === null && h.endedAt === null) continue;
    decided += 1;
    const day = days.get(dayKey(h.queuedAt, range.offsetMs));
    if (day) day.decided += 1;
    if (h.outcome === 'abandoned') {
      if (day) day.abandoned += 1;
      abandonedAfter.push((h.endedAt ?? h.queuedAt) - h.queuedAt);
    }
  }
  const rows = [...days].map(([day, d]) => ({
    day,
    decided: d.decided,
    abandoned: d.abandoned,
    rate: rate(d.abandoned, d.decided),
  }));
  return {
    metric: 'abandonment',
    summary: {
      handoffs: handoffs.length,
      decided,
      abandoned: abandonedAfter.length,
      rate: rate(abandonedAfter.length, decided),
      abandonedAfterP50Ms: percentile(abandonedAfter, 50),
    },
    columns: ['day', 'decided', 'abandoned', 'rate'],
    rows,
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

export function careMetric(range: MetricRange, starts: StartTotals[]): MetricResult {
  const days = byDay(starts, ['conversations', 'care'] as const, range.from, range.to, range.offsetMs);
  const rows = days.map((d) => ({ ...d, share: rate(d.care, d.conversations) }));
  const conversations = sum(starts, (s) => s.conversations);
  const care = sum(starts, (s) => s.care);
  return {
    metric: 'care',
    summary: { conversations, care, share: rate(care, conversations) },
    columns: ['day', 'conversations', 'care', 'share'],
    rows,
  };
}
