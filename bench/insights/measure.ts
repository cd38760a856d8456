// Times every dashboard query through the server's own adapter and services: the first run of each (a
// cold statement, nothing cached) and then `runs` more (p50 and max). The KPI summary is timed with its
// cache off (every run computes every tile), then once more as the server answers it within its cache.
// The "top unanswered clusters" chart is timed as its route computes it (the newest
// DASHBOARD_TOPIC_QUESTIONS open questions of the range), with a fresh service for every run so that
// none is answered from the topics cache; then from that cache; and, for comparison, the learning page's
// list (all open questions, up to MAX_TOPIC_QUESTIONS), which is not a dashboard query. Before any
// timing, the KB's phrasings are tokenized once, as a server does at startup when it trains the engine
// (src/engine/train-model.ts): the tokenizer's one-time start (~0.3 s) is not a request's.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { extractFeatures } from '../../src/engine/features.js';
import { normalizeText } from '../../src/engine/index.js';
import { clustersMetric } from '../../src/insights/cluster-metric.js';
import { createCustomerProfiles } from '../../src/insights/customer-profiles.js';
import { createInsightMetrics, METRICS } from '../../src/insights/insight-metrics.js';
import { createInsightProjector } from '../../src/insights/insight-projector.js';
import { percentile } from '../../src/insights/metric-math.js';
import { createLearningTopics, DASHBOARD_TOPIC_QUESTIONS } from '../../src/services/learning-topics.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { openPostgres } from '../../src/storage/postgres-storage.js';
import { openSqlite } from '../../src/storage/sqlite-storage.js';
import type { BenchRow } from './report.js';

export interface StoreLocation {
  databaseUrl?: string;
  dataDir: string;
  pgSchema: string;
}

const RANGES = [7, 30, 90];
/** The learning page's topic list: not a dashboard query (the report leaves it out of the verdict). */
export const LEARNING_PAGE_QUERY = 'learning page topics (all open)';
const noKb = (): never => {
  throw new Error('no KB writes in the benchmark');
};
const DAY_MS = 86_400_000;

async function timeQuery(runs: number, work: () => Promise<unknown>) {
  let t = performance.now();
  await work();
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return { first, p50: percentile(times, 50) ?? 0, max: Math.max(...times) };
}

export async function measureQueries(
  store: StoreLocation,
  now: number,
  runs: number,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const storage = await openStorage(store);
  const rows: BenchRow[] = [];
  const time = async (query: string, range: string, work: () => Promise<unknown>) => {
    rows.push({ query, range, ...(await timeQuery(runs, work)) });
  };
  try {
    const projector = createInsightProjector(storage, (err) => log(String(err)));
    const deps = { storage, clock: () => now, projector };
    const metrics = createInsightMetrics({ ...deps, summaryCacheMs: 0 });
    const cached = createInsightMetrics(deps);
    const profiles = createCustomerProfiles(deps);
    // No KB writes here: the topic actions are never called.
    const learningTopics = () =>
      createLearningTopics(deps, { create: noKb, update: noKb, setNegatives: noKb }, null);
    const cachedTopics = learningTopics();
    for (const entry of await storage.kb.listEntries())
      for (const q of entry.questions) extractFeatures(normalizeText(q));
    /** GET /api/admin/insights/clusters (src/http/insight-routes.ts), limit 20. */
    const clusters = async (
      topics: ReturnType<typeof learningTopics>,
      query: { from: string; to: string },
    ) => {
      const { range } = metrics.scope(query);
      const list = await topics.topics({
        minSize: 1,
        limit: 20,
        tzOffsetMinutes: range.offsetMs / 60_000,
        scope: { from: range.from, to: range.to, channel: range.channel },
        sample: DASHBOARD_TOPIC_QUESTIONS,
      });
      return clustersMetric(list.openQuestions, list.topics);
    };
    for (const days of RANGES) {
      const query = { from: new Date(now - days * DAY_MS).toISOString(), to: new Date(now).toISOString() };
      for (const name of METRICS) await time(name, `${days} d`, () => metrics.metric(name, query));
      await time('clusters', `${days} d`, () => clusters(learningTopics(), query));
      await clusters(cachedTopics, query);
      await time('clusters, cached', `${days} d`, () => clusters(cachedTopics, query));
      await time('summary (all tiles)', `${days} d`, () => metrics.summary(query));
      await cached.summary(query);
      await time('summary, cached', `${days} d`, () => cached.summary(query));
    }
    await time(LEARNING_PAGE_QUERY, '-', () =>
      learningTopics().topics({ minSize: 2, limit: 50, tzOffsetMinutes: 480 }),
    );
    const [top] = await profiles.search('', 1);
    await time('customers search (all)', '-', () => profiles.search('', 50));
    await time('customers search "u-12"', '-', () => profiles.search('u-12', 50));
    await time('customer profile', '-', () => profiles.profile(top.key));
  } finally {
    await storage.close();
  }
  return rows;
}

/** What the store holds, and its size on disk. */
export async function storeFigures(store: StoreLocation) {
  const db = store.databaseUrl
    ? await openPostgres(store.databaseUrl, store.pgSchema)
    : openSqlite(store.dataDir);
  try {
    const count = async (
      table: 'conversations' | 'messages' | 'handoffs' | 'ratings' | 'unanswered_questions',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const sizeMb = store.databaseUrl
      ? Number(
          (
            await sql<{
              bytes: string;
            }>`select coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0) as bytes
               from pg_tables where schemaname = ${store.pgSchema}`.execute(db)
          ).rows[0].bytes,
        ) / 1e6
      : statSync(join(store.dataDir, 'zhida.db')).size / 1e6;
    return {
      conversations: await count('conversations'),
      messages: await count('messages'),
      handoffs: await count('handoffs'),
      ratings: await count('ratings'),
      unanswered: await count('unanswered_questions'),
      sizeMb,
    };
  } finally {
    await db.destroy();
  }
}
