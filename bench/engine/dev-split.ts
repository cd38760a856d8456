// Diagnostic (not part of the product) for trying a change to the engine's ranking without looking at
// the validation splits first: each set's KB with every 5th question of each entry held out ("dev",
// where a setting is chosen), then the whole KB on the validation split at the automatic point (the
// figures `zhida eval` gives). Usage: npx tsx bench/engine/dev-split.ts [set...]
import path from 'node:path';
import { loadSet, SET_NAMES, type SetName } from './datasets.js';
import { trainModel } from '../../src/engine/index.js';

const repo = path.resolve(import.meta.dirname, '../..');
const data = path.resolve(repo, '../shared/data');
const pct = (x: number) => (x * 100).toFixed(2);
const names = (process.argv.slice(2).length ? process.argv.slice(2) : SET_NAMES) as SetName[];
for (const name of names) {
  const set = loadSet(name, data, repo);
  if (!set) continue;
  const dev: { text: string; label: string }[] = [];
  const devKb = {
    ...set.kb,
    entries: set.kb.entries.map((e) => {
      const kept: string[] = [];
      e.questions.forEach((q, i) =>
        e.questions.length >= 2 && i % 5 === 4 ? dev.push({ text: q, label: e.id }) : kept.push(q),
      );
      return { ...e, questions: kept };
    }),
  };
  const t0 = performance.now();
  const devModel = trainModel(devKb);
  const trainSecs = (performance.now() - t0) / 1000;
  const devTop = dev.filter((c) => devModel.decide(c.text).top === c.label).length / dev.length;
  const model = trainModel(set.kb);
  const rows = set.cases.map((c) => ({ c, d: model.decide(c.text) }));
  const covered = rows.filter((r) => r.c.label !== null);
  const uncovered = rows.length - covered.length;
  const top = covered.filter((r) => r.d.top === r.c.label).length / covered.length;
  const right = covered.filter((r) => r.d.decision === 'answer' && r.d.entryId === r.c.label).length;
  const wrong = rows.filter((r) => r.d.decision === 'answer' && r.d.entryId !== r.c.label).length;
  const refused = rows.filter((r) => r.c.label === null && r.d.decision !== 'answer').length;
  console.log(
    `${name}: dev top-1 ${pct(devTop)} (${dev.length} questions, trained in ${trainSecs.toFixed(2)} s) | ` +
      `val top-1 ${pct(top)}, in-scope ${pct(right / covered.length)}, ` +
      `OOS recall ${uncovered ? pct(refused / uncovered) : '–'}, wrong ${pct(wrong / rows.length)}`,
  );
}
