// Times every dashboard query through the server's own adapter and services: the first run of each (a
// cold statement, nothing cached) and then `runs` more (p50 and max). The KPI summary is timed with its
// cache off (every run computes every tile), then once more as the server answers it within its cache.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createCustomerProfiles } from '../../src/insights/customer-profiles.js';
import { createInsightMetrics, METRICS } from '../../src/insights/insight-metrics.js';
import { createInsightProjector } from '../../src/insights/insight-projector.js';
import { percentile } from '../../src/insights/metric-math.js';
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
    for (const days of RANGES) {
      const query = { from: new Date(now - days * DAY_MS).toISOString(), to: new Date(now).toISOString() };
      for (const name of METRICS) await time(name, `${days} d`, () => metrics.metric(name, query));
      await time('summary (all tiles)', `${days} d`, () => metrics.summary(query));
      await cached.summary(query);
      await time('summary, cached', `${days} d`, () => cached.summary(query));
    }
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
    const count = async (table: 'conversations' | 'messages' | 'handoffs' | 'ratings') =>
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
      sizeMb,
    };
  } finally {
    await db.destroy();
  }
}
