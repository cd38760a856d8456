// Diagnostic (not part of the product): where the automatic answer threshold lands on the
// confidence curve of each set. Usage: npx tsx bench/engine/sweep.ts [--grid 0.3,0.4,…] [set...]
import path from 'node:path';
import { loadSet, SET_NAMES, type SetName } from './datasets.js';
import { trainModel } from '../../src/engine/index.js';

const repo = path.resolve(import.meta.dirname, '../..');
const data = path.resolve(repo, '../shared/data');
const args = process.argv.slice(2);
const gridAt = args.indexOf('--grid');
const grid =
  gridAt >= 0 ? args.splice(gridAt, 2)[1].split(',').map(Number) : [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const names = (args.length ? args : SET_NAMES) as SetName[];
for (const name of names) {
  const set = loadSet(name, data, repo);
  if (!set) continue;
  const t0 = performance.now();
  const model = trainModel(set.kb);
  const secs = (performance.now() - t0) / 1000;
  const rows = set.cases.map((c) => ({ c, d: model.decide(c.text) }));
  const ins = rows.filter((r) => r.c.label !== null);
  const oos = rows.length - ins.length;
  const top1 = ins.filter((r) => r.d.top === r.c.label).length / ins.length;
  const auto = model.thresholds;
  const at = (t: number) => {
    let right = 0, wrong = 0, abst = 0; // prettier-ignore
    for (const r of rows) {
      const ans = r.d.confidence >= t;
      if (!ans) {
        if (r.c.label === null) abst++;
      } else if (r.c.label !== null && r.d.top === r.c.label) right++;
      else wrong++;
    }
    return { t, ins: right / ins.length, oos: oos ? abst / oos : NaN, wrong: wrong / rows.length };
  };
  const dec = { answer: 0, clarify: 0, handoff: 0 };
  let right = 0, clHit = 0; // prettier-ignore
  for (const r of rows) {
    dec[r.d.decision]++;
    if (r.c.label !== null && r.d.decision === 'answer' && r.d.entryId === r.c.label) right++;
    if (r.c.label !== null && r.d.decision === 'clarify' && r.d.candidates.includes(r.c.label)) clHit++;
  }
  const f = (x: number) => (x * 100).toFixed(1);
  console.log(
    `${name}: train ${secs.toFixed(2)}s top1 ${f(top1)} auto answer≥${auto.answer.toFixed(3)} clarify≥${auto.clarify.toFixed(3)} ` +
      `→ in ${f(right / ins.length)} clarifyHit ${f(clHit / ins.length)} decisions ${JSON.stringify(dec)}`,
  );
  const line = grid
    .map(at)
    .map((p) => `t${p.t}: ${f(p.ins)}/${f(p.oos)}/${f(p.wrong)}`)
    .join('  ');
  console.log('   ' + line);
}
