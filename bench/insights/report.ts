// Writes the "## Insights at scale" section of BENCHMARKS.md, replacing only that section (others write
// theirs), from the figures of one `npm run bench:insights` run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { FillResult } from './fill-store.js';

export interface BenchRow {
  query: string;
  range: string;
  p50: number;
  max: number;
}

export interface BenchReport {
  command: string;
  machine: string;
  runs: number;
  results: Array<{ kind: 'sqlite' | 'postgres'; fill: FillResult; sizeMb: number; rows: BenchRow[] }>;
}

const HEADING = '## Insights at scale';
const LIMIT_MS = 300;
const ms = (v: number) => v.toFixed(1);

export function insightsSection(report: BenchReport): string {
  const [first] = report.results;
  const lines = [
    HEADING,
    '',
    `Every dashboard query (\`GET /api/admin/insights/{metric}\`, the KPI summary, and the customer`,
    "search/profile) timed through the server's own adapters and services on a store filled by",
    '`npm run gen:data`. Each query: one warm-up run, then ' +
      `${report.runs} timed runs (p50 and max, milliseconds).`,
    'Queries read the global rollups of migration 0006 (per hour and channel; KB hits also per UTC day), the',
    'conversations active in the last 24 h, and the handoffs and ratings through covering/time indexes —',
    'never the messages table (docs/metrics.md, "How the figures are kept fast").',
    '',
    '```',
    report.command,
    '```',
    '',
    `Machine: ${report.machine}.`,
    '',
    '| store | conversations | messages | handoffs | ratings | fill time (generate / insert / project) | size |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    ...report.results.map(
      (r) =>
        `| ${r.kind} | ${r.fill.conversations} | ${r.fill.messages} | ${r.fill.handoffs} | ${r.fill.ratings} | ` +
        `${r.fill.seconds.toFixed(0)} s (${r.fill.phases.generate.toFixed(0)} / ${r.fill.phases.insert.toFixed(0)} / ${r.fill.phases.project.toFixed(0)}) | ${r.sizeMb.toFixed(0)} MB |`,
    ),
    '',
    `| query | range | ${report.results.map((r) => `${r.kind} p50 | ${r.kind} max`).join(' | ')} |`,
    `| --- | --- | ${report.results.map(() => '---: | ---:').join(' | ')} |`,
  ];
  for (let i = 0; i < (first?.rows.length ?? 0); i++) {
    const row = first.rows[i];
    lines.push(
      `| ${row.query} | ${row.range} | ${report.results.map((r) => `${ms(r.rows[i].p50)} | ${ms(r.rows[i].max)}`).join(' | ')} |`,
    );
  }
  const worstOf = (pick: (row: BenchRow) => boolean) =>
    Math.max(...report.results.flatMap((r) => r.rows.filter(pick).map((row) => row.max)));
  const isSummary = (row: BenchRow) => row.query.startsWith('summary');
  const single = worstOf((row) => !isSummary(row));
  const summary = worstOf(isSummary);
  const verdict = (worst: number) =>
    worst < LIMIT_MS ? `under the ${LIMIT_MS} ms target` : `over the ${LIMIT_MS} ms target`;
  lines.push(
    '',
    `Slowest single run of a one-metric query (and of the customer queries): ${ms(single)} ms — ${verdict(single)}. ` +
      `Slowest run of the summary, which computes every metric in one request: ${ms(summary)} ms — ${verdict(summary)}.`,
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
