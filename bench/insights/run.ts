// npm run bench:insights [-- --conversations 50000 --messages 1000000 --runs 7 --database-url URL
//                           --skip-sqlite --skip-postgres --no-write]
// Fills a fresh SQLite file (temp folder) and a fresh PostgreSQL schema (dropped afterwards) with the
// generator, then times every dashboard query through the server's own adapter and services over the
// last 7, 30 and 90 days, and writes p50/max per query into BENCHMARKS.md under "## Insights at scale".
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createCustomerProfiles } from '../../src/insights/customer-profiles.js';
import { createInsightMetrics, METRICS } from '../../src/insights/insight-metrics.js';
import { createInsightProjector } from '../../src/insights/insight-projector.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { percentile } from '../../src/insights/metric-math.js';
import { fillStore, type FillResult } from './fill-store.js';
import { analyze, openDatabase } from './open-database.js';
import { writeInsightsSection, type BenchRow } from './report.js';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '50000' },
    messages: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    'database-url': {
      type: 'string',
      default: process.env.ZHIDA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    'skip-sqlite': { type: 'boolean', default: false },
    'skip-postgres': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const conversations = Number(values.conversations);
const messages = Number(values.messages);
const runs = Number(values.runs);
const RANGES = [7, 30, 90];
const DAY_MS = 86_400_000;
const log = (line: string) => process.stdout.write(line + '\n');

interface DbResult {
  kind: 'sqlite' | 'postgres';
  fill: FillResult;
  sizeMb: number;
  rows: BenchRow[];
}

async function timeQuery(work: () => Promise<unknown>): Promise<{ p50: number; max: number }> {
  await work(); // warm-up: the first run pays for parsing and cold pages
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50) ?? 0, max: Math.max(...times) };
}

async function benchOne(kind: 'sqlite' | 'postgres'): Promise<DbResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhida-bench-insights-'));
  const pgSchema = `zhida_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = kind === 'postgres' ? values['database-url'] : undefined;
  const now = Date.now();
  try {
    log(`${kind}: generating ${conversations} conversations / ${messages} messages …`);
    const opened = await openDatabase({ databaseUrl, dataDir, pgSchema });
    let fill: FillResult;
    try {
      fill = await fillStore(
        opened.db,
        opened.kind,
        { conversations, messages, days: 90, now, seed: 1 },
        log,
      );
      await analyze(opened.db);
    } finally {
      await opened.db.destroy();
    }
    log(`${kind}: filled in ${fill.seconds.toFixed(1)} s`);

    // Queries run through the server's own adapter, connection settings and services.
    const storage = await openStorage({ databaseUrl, dataDir, pgSchema });
    const rows: BenchRow[] = [];
    let sizeMb = 0;
    try {
      const projector = createInsightProjector(storage, (err) => log(String(err)));
      const metrics = createInsightMetrics({ storage, clock: () => now, projector });
      const profiles = createCustomerProfiles({ storage, clock: () => now, projector });
      for (const days of RANGES) {
        const query = { from: new Date(now - days * DAY_MS).toISOString(), to: new Date(now).toISOString() };
        for (const name of METRICS)
          rows.push({
            query: name,
            range: `${days} d`,
            ...(await timeQuery(() => metrics.metric(name, query))),
          });
        rows.push({
          query: 'summary (all tiles)',
          range: `${days} d`,
          ...(await timeQuery(() => metrics.summary(query))),
        });
      }
      const [top] = await profiles.search('', 1);
      rows.push({
        query: 'customers search (all)',
        range: '-',
        ...(await timeQuery(() => profiles.search('', 50))),
      });
      rows.push({
        query: 'customers search "u-12"',
        range: '-',
        ...(await timeQuery(() => profiles.search('u-12', 50))),
      });
      rows.push({
        query: 'customer profile',
        range: '-',
        ...(await timeQuery(() => profiles.profile(top.key))),
      });
      sizeMb =
        kind === 'sqlite'
          ? statSync(join(dataDir, 'zhida.db')).size / 1e6
          : await pgSize(databaseUrl as string, pgSchema);
    } finally {
      await storage.close();
    }
    return { kind, fill, sizeMb, rows };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') await dropSchema(values['database-url'], pgSchema);
  }
}

async function pgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const pgSize = (url: string, schema: string) =>
  pgClient(url, async (c) => {
    const { rows } = await c.query(
      `select coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0) as bytes
         from pg_tables where schemaname = $1`,
      [schema],
    );
    return Number(rows[0].bytes) / 1e6;
  });

const dropSchema = (url: string, schema: string) =>
  pgClient(url, (c) => c.query(`drop schema if exists "${schema}" cascade`));

function print(r: DbResult): void {
  log(`\n${r.kind} (${r.fill.messages} messages, ${r.sizeMb.toFixed(0)} MB)`);
  for (const row of r.rows) {
    log(
      `  ${row.query.padEnd(26)} ${row.range.padEnd(5)} p50 ${row.p50.toFixed(1).padStart(7)} ms  max ${row.max.toFixed(1).padStart(7)} ms`,
    );
  }
}

const loadBefore = loadavg()[0];
const results: DbResult[] = [];
for (const kind of ['sqlite', 'postgres'] as const) {
  if (values[`skip-${kind}`]) continue;
  results.push(await benchOne(kind));
  print(results[results.length - 1]);
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadBefore.toFixed(1)} at start / ${loadavg()[0].toFixed(1)} at end`;
if (!values['no-write']) {
  const args = process.argv.slice(2).join(' ');
  await writeInsightsSection('BENCHMARKS.md', {
    command: `npm run bench:insights${args ? ` -- ${args}` : ''}`,
    machine,
    runs,
    results,
  });
  log('\nwrote BENCHMARKS.md § Insights at scale');
}
