// `npm run bench:engine [-- --data DIR --sets clinc150,banking77 --systems zhida,nlpjs]`
// Zhida's answer engine against NLP.js on the public splits (and the demo KB suite), each system/set
// in its own child process so that peak memory is its own. Metrics come from eval-command's
// summarize(): exactly what `zhida eval` reports.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateCases, summarize, type EvalSummary, type Prediction } from '../../src/cli/eval-command.js';
import { loadSet, SET_NAMES, type SetName } from './datasets.js';
import { predictNlpJs, trainNlpJs } from './nlpjs-baseline.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SYSTEMS = ['zhida', 'nlpjs'] as const;
type System = (typeof SYSTEMS)[number];

interface Result {
  system: System;
  set: SetName;
  split: string;
  summary: EvalSummary;
  peakMemoryMb: number;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function runOne(system: System, name: SetName, dataDir: string): Promise<Result | null> {
  const set = loadSet(name, dataDir, repoDir);
  if (!set) return null;
  let summary: EvalSummary;
  if (system === 'zhida') {
    summary = evaluateCases(set.kb, set.cases).summary;
  } else {
    const t0 = performance.now();
    const manager = await trainNlpJs(set);
    const trainingSeconds = (performance.now() - t0) / 1000;
    const latencies: number[] = [];
    const predictions: Prediction[] = [];
    for (const c of set.cases) {
      const start = performance.now();
      predictions.push(await predictNlpJs(manager, set, c));
      latencies.push(performance.now() - start);
    }
    summary = summarize(predictions, trainingSeconds, latencies);
  }
  // maxRSS is in kilobytes: the whole child process's peak, data loading included.
  return {
    system,
    set: name,
    split: set.split,
    summary,
    peakMemoryMb: process.resourceUsage().maxRSS / 1024,
  };
}

const pct = (v: number | null): string => (v === null ? '–' : (v * 100).toFixed(1));

function table(results: Result[]): string {
  const head =
    '| set | system | cases | in-scope acc % | OOS recall % | wrong-answer % | clarify % | clarify hit % | top-1 % | train s | p50 ms | p99 ms | peak MB |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const rows = results.map((r) => {
    const s = r.summary;
    return `| ${r.set} | ${r.system === 'zhida' ? 'Zhida' : 'NLP.js 4'} | ${s.cases} | ${pct(s.inScopeAccuracy)} | ${pct(s.outOfScopeRecall)} | ${pct(s.wrongAnswerRate)} | ${pct(s.clarifyRate)} | ${pct(s.clarifyHit)} | ${pct(s.top1Accuracy)} | ${s.trainingSeconds.toFixed(2)} | ${s.latencyP50Ms.toFixed(3)} | ${s.latencyP99Ms.toFixed(3)} | ${r.peakMemoryMb.toFixed(0)} |`;
  });
  return [head, ...rows].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const dataDir = path.resolve(
    option(argv, 'data') ?? process.env.ZHIDA_BENCH_DATA ?? path.join(repoDir, '../shared/data'),
  );
  const one = option(argv, 'one');
  if (one) {
    const [system, set] = one.split(':') as [System, SetName];
    const result = await runOne(system, set, dataDir);
    process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  }
  const sets = (option(argv, 'sets')?.split(',') ?? [...SET_NAMES]) as SetName[];
  const systems = (option(argv, 'systems')?.split(',') ?? [...SYSTEMS]) as System[];
  const results: Result[] = [];
  for (const set of sets) {
    for (const system of systems) {
      process.stderr.write(`${set} / ${system} …\n`);
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, process.argv[1], '--one', `${system}:${set}`, '--data', dataDir],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      const line = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{')) {
        process.stderr.write(`  failed: ${child.stderr.slice(-2000)}\n`);
        continue;
      }
      const result = JSON.parse(line) as Result | null;
      if (result) results.push(result);
      else process.stderr.write(`  skipped: ${set} not found\n`);
    }
  }
  process.stdout.write(`data: ${dataDir}\n\n${table(results)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
