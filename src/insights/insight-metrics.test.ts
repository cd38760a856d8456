// The KPI summary's cache: the same filters within SUMMARY_CACHE_MS get the same answer without a second
// computation; other filters, a later time or a failed computation compute again.
import { describe, expect, it } from 'vitest';
import type { InsightRepository, Storage } from '../storage/ports.js';
import type { InsightProjector } from './insight-projector.js';
import { createInsightMetrics, SUMMARY_CACHE_MS } from './insight-metrics.js';

function setUp() {
  const reads: string[] = [];
  let fail = false;
  const insights: Partial<InsightRepository> = {
    async dayTotals(filter) {
      reads.push(`${filter.from}|${filter.channel ?? ''}`);
      if (fail) throw new Error('database down');
      return [];
    },
    entryHits: async () => [],
    entryCatalogue: async () => new Map(),
    handoffReasons: async () => [],
    responseTimes: async () => ({ first: { values: [] }, agent: { values: [] } }),
    queueDays: async () => [],
    queueDurations: async () => ({ values: [] }),
    ratingCounts: async () => [],
  };
  let now = Date.UTC(2026, 0, 10);
  const metrics = createInsightMetrics({
    storage: { insights } as unknown as Pick<Storage, 'insights'>,
    clock: () => now,
    projector: { flush: async () => {} } as unknown as InsightProjector,
  });
  return {
    metrics,
    reads,
    later: (ms: number) => (now += ms),
    failing: (value: boolean) => (fail = value),
  };
}

describe('KPI summary cache', () => {
  it('answers the same filters from the cache for SUMMARY_CACHE_MS, then computes again', async () => {
    const { metrics, reads, later } = setUp();
    const query = { from: '2026-01-01', to: '2026-01-09' };
    const [a, b] = await Promise.all([metrics.summary(query), metrics.summary(query)]);
    expect(b).toBe(a);
    expect(reads).toHaveLength(1);
    later(SUMMARY_CACHE_MS - 1);
    await metrics.summary(query);
    expect(reads).toHaveLength(1);
    await metrics.summary({ ...query, channel: 'app' });
    expect(reads).toHaveLength(2);
    later(1);
    await metrics.summary(query);
    expect(reads).toHaveLength(3);
  });

  it('does not keep a failure', async () => {
    const { metrics, reads, failing } = setUp();
    failing(true);
    await expect(metrics.summary({})).rejects.toThrow('database down');
    failing(false);
    await expect(metrics.summary({})).resolves.toMatchObject({ tiles: { conversations: 0 } });
    expect(reads).toHaveLength(2);
  });
});
