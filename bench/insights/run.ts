// npm run bench:insights [-- --conversations 50000 --messages 1000000 --runs 7 --database-url URL
//                           --skip-sqlite --skip-postgres --no-write
//                           --sqlite-dir DIR --pg-schema NAME]
// Fills a fresh SQLite file (temp folder) and a fresh PostgreSQL schema (dropped afterwards) with the
// generator — or, with --sqlite-dir / --pg-schema, reuses a store that `npm run gen:data` filled (kept) —
// then times every dashboard query through the server's own adapter and services over the last 7, 30
// and 90 days, and writes the figures into BENCHMARKS.md under "## Insights at scale".
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fillStore, type FillResult } from './fill-store.js';
import { analyze, openDatabase } from './open-database.js';
import { measureQueries, storeFigures } from './measure.js';
import { writeInsightsSection, type StoreResult } from './report.js';

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
    'sqlite-dir': { type: 'string' },
    'pg-schema': { type: 'string' },
  },
});
const runs = Number(values.runs);
const log = (line: string) => process.stdout.write(line + '\n');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function benchOne(kind: 'sqlite' | 'postgres'): Promise<StoreResult> {
  const reused = kind === 'sqlite' ? values['sqlite-dir'] : values['pg-schema'];
  const dataDir = values['sqlite-dir'] ?? mkdtempSync(join(tmpdir(), 'zhida-bench-insights-'));
  const pgSchema = values['pg-schema'] ?? `zhida_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = kind === 'postgres' ? values['database-url'] : undefined;
  const now = Date.now();
  try {
    let fill: FillResult | null = null;
    if (reused === undefined) {
      log(`${kind}: generating ${values.conversations} conversations / ${values.messages} messages …`);
      const opened = await openDatabase({ databaseUrl, dataDir, pgSchema });
      try {
        fill = await fillStore(
          opened.db,
          opened.kind,
          {
            conversations: Number(values.conversations),
            messages: Number(values.messages),
            days: 90,
            now,
            seed: 1,
          },
          log,
        );
        await analyze(opened.db, opened.kind);
      } finally {
        await opened.db.destroy();
      }
      log(`${kind}: filled in ${fill.seconds.toFixed(1)} s`);
    } else log(`${kind}: reusing the store filled by gen:data (${reused})`);
    const loadAtStart = load();
    const store = { databaseUrl, dataDir, pgSchema };
    const rows = await measureQueries(store, now, runs, log);
    const figures = await storeFigures(store);
    return { kind, fill, ...figures, rows, load: `${loadAtStart} → ${load()}` };
  } finally {
    if (values['sqlite-dir'] === undefined) rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres' && values['pg-schema'] === undefined) await dropSchema(pgSchema);
  }
}

async function dropSchema(schema: string): Promise<void> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: values['database-url'] });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

function print(r: StoreResult): void {
  log(`\n${r.kind} (${r.messages} messages, ${r.sizeMb.toFixed(0)} MB, load average ${r.load})`);
  for (const row of r.rows) {
    const cell = (v: number) => v.toFixed(1).padStart(7);
    log(
      `  ${row.query.padEnd(26)} ${row.range.padEnd(5)} first ${cell(row.first)} ms  p50 ${cell(row.p50)} ms  max ${cell(row.max)} ms`,
    );
  }
}

const results: StoreResult[] = [];
for (const kind of ['sqlite', 'postgres'] as const) {
  if (values[`skip-${kind}`]) continue;
  results.push(await benchOne(kind));
  print(results[results.length - 1]);
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
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
