// Writes the "## Insights at scale" section of BENCHMARKS.md, replacing only that section (others write
// theirs), from the figures of one `npm run bench:insights` run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { FillResult } from './fill-store.js';
import { LEARNING_PAGE_QUERY } from './measure.js';
import { DASHBOARD_TOPIC_QUESTIONS, MAX_TOPIC_QUESTIONS } from '../../src/services/learning-topics.js';

export interface BenchRow {
  query: string;
  range: string;
  /** The first run in the process: statements not yet prepared, nothing cached. */
  first: number;
  p50: number;
  max: number;
}

export interface StoreResult {
  kind: 'sqlite' | 'postgres';
  /** null: a store filled earlier by `npm run gen:data` was reused. */
  fill: FillResult | null;
  conversations: number;
  messages: number;
  handoffs: number;
  ratings: number;
  /** Unanswered questions (all open: nothing resolves them in a generated store). */
  unanswered: number;
  sizeMb: number;
  rows: BenchRow[];
  /** 1/5/15-minute load averages when the queries started → when they ended. */
  load: string;
}

export interface BenchReport {
  command: string;
  machine: string;
  runs: number;
  results: StoreResult[];
}

const HEADING = '## Insights at scale';
const LIMIT_MS = 300;
const ms = (v: number) => v.toFixed(1);

export function insightsSection(report: BenchReport): string {
  const [first] = report.results;
  const fillTime = (f: FillResult | null) =>
    f
      ? `${f.seconds.toFixed(0)} s (${f.phases.generate.toFixed(0)} / ${f.phases.insert.toFixed(0)} / ${f.phases.project.toFixed(0)})`
      : 'reused (gen:data)';
  const lines = [
    HEADING,
    '',
    `Every dashboard query (\`GET /api/admin/insights/{metric}\`, the KPI summary, and the customer`,
    "search/profile) timed through the server's own adapters and services on a store filled by",
    '`npm run gen:data` (which ends with ANALYZE, and on PostgreSQL VACUUM ANALYZE, as autovacuum would',
    'soon after a bulk load). Each query: its first run in the process (`first`: statements not prepared yet,',
    `nothing cached), then ${report.runs} timed runs (p50 and max, milliseconds). The summary is timed with`,
    'its 60 s cache off, so that every run computes every tile; `summary, cached` is the same request',
    'answered from the cache. Queries read the global rollups (per hour and channel; KB hits and response',
    'times also per UTC day), the conversations active in the last 24 h, and the handoffs and ratings',
    'through covering/time indexes; counts are summed up in the database, durations come back one a row',
    'and are sorted in the server — never the messages table',
    '(docs/metrics.md, "How the figures are kept fast").',
    '',
    '`clusters` is the "top unanswered clusters" chart (`GET /api/admin/insights/clusters`): the newest',
    `${DASHBOARD_TOPIC_QUESTIONS} open unanswered questions of the range, clustered on demand (average linkage) — every`,
    'run by a fresh service, so none is answered from the topics cache; `clusters, cached` is the same',
    `request answered from that cache. \`${LEARNING_PAGE_QUERY}\` is the admin's learning page (all open`,
    `questions, the newest ${MAX_TOPIC_QUESTIONS}), shown for comparison: not a dashboard query. Before any timing the`,
    "KB's phrasings are tokenized once, as a server does at startup when it trains the engine, so the",
    "tokenizer's one-time start is not counted in the clusters' `first`; the clustering code's own first",
    'run in the process is (PostgreSQL is measured after SQLite in the same process, so with both stores',
    "only SQLite's first clusters run carries it).",
    '',
    '```',
    report.command,
    '```',
    '',
    `Machine: ${report.machine}.`,
    '',
    '| store | conversations | messages | handoffs | ratings | open unanswered questions | fill time (generate / insert / project) | size | load average (1/5/15 min) at start → end |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
    ...report.results.map(
      (r) =>
        `| ${r.kind} | ${r.conversations} | ${r.messages} | ${r.handoffs} | ${r.ratings} | ${r.unanswered} | ${fillTime(r.fill)} | ${r.sizeMb.toFixed(0)} MB | ${r.load} |`,
    ),
    '',
    `| query | range | ${report.results.map((r) => `${r.kind} first | ${r.kind} p50 | ${r.kind} max`).join(' | ')} |`,
    `| --- | --- | ${report.results.map(() => '---: | ---: | ---:').join(' | ')} |`,
  ];
  for (let i = 0; i < (first?.rows.length ?? 0); i++) {
    const row = first.rows[i];
    lines.push(
      `| ${row.query} | ${row.range} | ${report.results.map((r) => `${ms(r.rows[i].first)} | ${ms(r.rows[i].p50)} | ${ms(r.rows[i].max)}`).join(' | ')} |`,
    );
  }
  const worst = (pick: (row: BenchRow) => boolean) =>
    Math.max(
      ...report.results.flatMap((r) => r.rows.filter(pick).map((row) => Math.max(row.first, row.max))),
    );
  const isSummary = (row: BenchRow) => row.query.startsWith('summary (');
  const single = worst((row) => !isSummary(row) && row.query !== LEARNING_PAGE_QUERY);
  const clusters = worst((row) => row.query === 'clusters');
  const summary = worst(isSummary);
  const verdict = (v: number) =>
    v < LIMIT_MS ? `under the ${LIMIT_MS} ms target` : `over the ${LIMIT_MS} ms target`;
  lines.push(
    '',
    `Slowest run (first or timed) of a one-metric or customer query: ${ms(single)} ms — ${verdict(single)}. ` +
      `Slowest run of the uncached summary, which computes every tile in one request: ${ms(summary)} ms — ${verdict(summary)}. ` +
      `Slowest uncached run of the clusters chart (included in the first figure): ${ms(clusters)} ms.`,
    '',
  );
  return lines.join('\n');
}

/** Replaces the section (up to the next "## " heading) or appends it. */
export async function writeInsightsSection(file: string, report: BenchReport): Promise<void> {
  const section = insightsSection(report);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(`${HEADING}\n`);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + HEADING.length);
  const end = next < 0 ? text.length : next + 1;
  writeFileSync(file, `${text.slice(0, start)}${section}${next < 0 ? '' : '\n'}${text.slice(end)}`);
}
