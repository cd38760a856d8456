// `npx tsx bench/engine/cost.ts [set...]`: the engine's CPU cost, which the machine's other work does
// not inflate the way it inflates wall time — training CPU seconds, per-question CPU p50/p99 (after one
// warm-up pass over the cases), and the wall figures next to them with the load average.
import { loadavg } from 'node:os';
import path from 'node:path';
import { percentile } from '../../src/cli/eval-command.js';
import { trainModel } from '../../src/engine/index.js';
import { loadSet, SET_NAMES, type SetName } from './datasets.js';
import { cpuMs } from '../cpu-time.js';

const repo = path.resolve(import.meta.dirname, '../..');
const data = process.env.ZHIDA_BENCH_DATA ?? path.resolve(repo, '../shared/data');
const names = (process.argv.length > 2 ? process.argv.slice(2) : SET_NAMES) as SetName[];
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const name of names) {
  const set = loadSet(name, data, repo);
  if (!set) continue;
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const model = trainModel(set.kb);
  const trainCpu = cpuMs(process.cpuUsage(c0)) / 1000;
  const trainWall = (performance.now() - w0) / 1000;
  for (const c of set.cases) model.decide(c.text);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (const c of set.cases) {
    const u = process.cpuUsage();
    const t = performance.now();
    model.decide(c.text);
    wall.push(performance.now() - t);
    cpu.push(cpuMs(process.cpuUsage(u)));
  }
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  console.log(
    `${name}: train ${trainCpu.toFixed(2)} s CPU (${trainWall.toFixed(2)} s wall); per question CPU p50 ${percentile(cpu, 0.5).toFixed(3)} / p99 ${percentile(cpu, 0.99).toFixed(3)} ms, wall p50 ${percentile(wall, 0.5).toFixed(3)} / p99 ${percentile(wall, 0.99).toFixed(3)} ms; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
  );
}
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
