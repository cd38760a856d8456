// The dashboard's metrics: reads the aggregates through the port, after bringing the projections up to
// date, and hands them to the pure builders.
import { AppError } from '../errors.js';
import type { InsightFilter, Storage } from '../storage/ports.js';
import {
  abandonmentMetric,
  careMetric,
  clarifyMetric,
  csatMetric,
  firstResponseMetric,
  handoffsMetric,
  kbCategoriesMetric,
  kbEntriesMetric,
  queueWaitMetric,
  selfServiceMetric,
  volumeMetric,
  type MetricResult,
} from './metric-builders.js';
import { DAY_MS } from './conversation-projection.js';
import { durationStats } from './metric-math.js';
import type { InsightProjector } from './insight-projector.js';
import { parseInsightRange, type InsightQuery, type InsightRange } from './insight-range.js';

export const METRICS = [
  'volume',
  'kb-categories',
  'kb-entries',
  'self-service',
  'handoffs',
  'clarify',
  'first-response',
  'queue-wait',
  'abandonment',
  'csat',
  'care',
] as const;
export type MetricName = (typeof METRICS)[number];

export interface MetricResponse extends MetricResult {
  range: { from: string; to: string; utcOffset: number; channel: string | null };
}

/** How long a KPI summary is served again for the same filters (it may be this much behind). */
export const SUMMARY_CACHE_MS = 60_000;
const SUMMARY_CACHE_ENTRIES = 100;

export function createInsightMetrics(deps: {
  storage: Pick<Storage, 'insights'>;
  clock: () => number;
  projector: InsightProjector;
  /** 0 turns the summary's cache off (the benchmark times the uncached path). */
  summaryCacheMs?: number;
}) {
  const { insights } = deps.storage;
  const cacheMs = deps.summaryCacheMs ?? SUMMARY_CACHE_MS;

  /** The aggregates of one range, each read at most once however many metrics need it (the summary). */
  function reader(range: InsightRange) {
    const filter: InsightFilter = { from: range.from, to: range.to, channel: range.channel };
    // Self-service needs 24 quiet hours before a conversation counts either way.
    const settledBefore = deps.clock() - DAY_MS;
    const once = <T>(read: () => Promise<T>) => {
      let result: Promise<T> | undefined;
      return () => (result ??= read());
    };
    return {
      days: once(() => insights.dayTotals(filter, range.offsetMs, settledBefore)),
      hits: once(() => Promise.all([insights.entryHits(filter), insights.entryCatalogue()])),
      reasons: once(() => insights.handoffReasons(filter)),
      times: once(async () => {
        const { first, agent } = await insights.responseTimes(filter);
        return { first: durationStats(first), agent: durationStats(agent) };
      }),
      queue: once(() => insights.queueDays(filter, range.offsetMs)),
      waits: once(async () => durationStats(await insights.queueDurations(filter, 'wait'))),
      abandoned: once(async () => durationStats(await insights.queueDurations(filter, 'abandoned'))),
      ratings: once(() => insights.ratingCounts(filter)),
    };
  }

  async function compute(
    name: MetricName,
    range: InsightRange,
    read: ReturnType<typeof reader>,
  ): Promise<MetricResult> {
    switch (name) {
      case 'volume':
        return volumeMetric(range, await read.days());
      case 'kb-entries':
      case 'kb-categories': {
        const entries = kbEntriesMetric(...(await read.hits()));
        return name === 'kb-entries' ? entries : kbCategoriesMetric(entries);
      }
      case 'self-service':
        return selfServiceMetric(range, await read.days());
      case 'handoffs':
        return handoffsMetric(await read.days(), await read.reasons());
      case 'clarify':
        return clarifyMetric(range, await read.days());
      case 'first-response':
        return firstResponseMetric(await read.times());
      case 'queue-wait':
        return queueWaitMetric(await read.queue(), await read.waits());
      case 'abandonment':
        return abandonmentMetric(range, await read.queue(), await read.abandoned());
      case 'csat':
        return csatMetric(await read.ratings());
      case 'care':
        return careMetric(range, await read.days());
    }
  }

  const rangeView = (range: InsightRange) => ({
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    utcOffset: range.offsetMs / 60_000,
    channel: range.channel ?? null,
  });

  /** The range a query names (defaults filled in) and how responses show it. */
  function scope(query: InsightQuery) {
    const range = parseInsightRange(query, deps.clock());
    return { range, view: rangeView(range) };
  }

  async function metric(name: string, query: InsightQuery): Promise<MetricResponse> {
    if (!(METRICS as readonly string[]).includes(name))
      throw new AppError('NOT_FOUND', `no metric "${name}"; known: ${METRICS.join(', ')}`);
    const range = parseInsightRange(query, deps.clock());
    await deps.projector.flush();
    return { range: rangeView(range), ...(await compute(name as MetricName, range, reader(range))) };
  }

  /** The KPI tiles: the headline figure of every metric over one range. */
  async function tiles(range: InsightRange) {
    await deps.projector.flush();
    const read = reader(range);
    // Side by side: PostgreSQL runs them on several pooled connections (SQLite queues them on its one);
    // each aggregate is read once, whichever metric asks first.
    const names = METRICS.filter((name) => name !== 'kb-categories');
    const computed = await Promise.all(names.map((name) => compute(name, range, read)));
    const results = new Map<MetricName, MetricResult>(names.map((name, i) => [name, computed[i]]));
    const s = (name: MetricName, key: string) => results.get(name)?.summary[key] ?? null;
    const top = results.get('kb-entries')?.rows[0];
    return {
      range: rangeView(range),
      tiles: {
        conversations: s('volume', 'conversations'),
        messages: s('volume', 'messages'),
        selfServiceRate: s('self-service', 'rate'),
        handoffRate: s('handoffs', 'rate'),
        clarifyRate: s('clarify', 'clarifyRate'),
        firstResponseP50Ms: s('first-response', 'firstP50Ms'),
        agentResponseP50Ms: s('first-response', 'agentP50Ms'),
        queueWaitP50Ms: s('queue-wait', 'p50Ms'),
        queueWaitP90Ms: s('queue-wait', 'p90Ms'),
        abandonmentRate: s('abandonment', 'rate'),
        csatAverage: s('csat', 'average'),
        csatCount: s('csat', 'count'),
        careShare: s('care', 'share'),
        kbAnswers: s('kb-entries', 'answers'),
      },
      topEntry: top
        ? { entryId: String(top.entryId), title: top.title as string | null, hits: Number(top.hits) }
        : null,
    };
  }

  // Dashboards ask for the same tiles again and again (every reload, every admin): the same filters
  // within SUMMARY_CACHE_MS get the same answer, and simultaneous requests share one computation.
  const cache = new Map<string, { at: number; result: ReturnType<typeof tiles> }>();

  function summary(query: InsightQuery) {
    const range = parseInsightRange(query, deps.clock());
    if (cacheMs <= 0) return tiles(range);
    const now = deps.clock();
    const key = `${range.from}|${range.to}|${range.offsetMs}|${range.channel ?? ''}`;
    const hit = cache.get(key);
    if (hit && now - hit.at < cacheMs) return hit.result;
    for (const [k, entry] of cache) if (now - entry.at >= cacheMs) cache.delete(k);
    if (cache.size >= SUMMARY_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    const result = tiles(range);
    cache.set(key, { at: now, result });
    // A failure is not kept: the next request tries again.
    result.catch(() => cache.delete(key));
    return result;
  }

  return { metric, summary, scope };
}

export type InsightMetrics = ReturnType<typeof createInsightMetrics>;
