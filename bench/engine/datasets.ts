// The benchmark's data: public sets read from ../shared/data (never copied into the repo), turned into
// a KB and eval cases exactly as ../shared/tools/to_kb.py and check-eval.sh do, plus the demo KB suite.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvalCase } from '../../src/cli/eval-command.js';
import type { KnowledgeBase } from '../../src/engine/index.js';

export interface BenchSet {
  name: string;
  /** How the split was made, for the report. */
  split: string;
  locale: 'en' | 'zh';
  kb: KnowledgeBase;
  cases: EvalCase[];
}

interface Row {
  text: string;
  label: string;
}

const readJsonl = (file: string): Row[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);

/** Same grouping as to_kb.py: one entry per label in order of first appearance; "oos" is not an entry. */
function toKb(name: string, train: Row[]): KnowledgeBase {
  const groups = new Map<string, string[]>();
  for (const r of train) {
    if (r.label === 'oos') continue;
    groups.set(r.label, [...(groups.get(r.label) ?? []), r.text]);
  }
  const entries = [...groups].map(([label, questions]) => ({
    id: label,
    title: label,
    category: label.split('.')[0],
    questions,
    answer: 'answer for ' + label,
  }));
  return { name, locale: 'und', entries };
}

const toCases = (rows: Row[]): EvalCase[] =>
  rows.map((r) => ({ text: r.text, label: r.label === 'oos' ? null : r.label }));

/** Every 10th example of each intent held out (fixed, deterministic), as check-eval.sh does. */
function holdOutEveryTenth(rows: Row[]): { train: Row[]; test: Row[] } {
  const seen = new Map<string, number>();
  const train: Row[] = [];
  const test: Row[] = [];
  for (const r of rows) {
    const k = seen.get(r.label) ?? 0;
    seen.set(r.label, k + 1);
    (k % 10 === 9 ? test : train).push(r);
  }
  return { train, test };
}

export const SET_NAMES = ['clinc150', 'banking77', 'fewjoint_zh', 'demo'] as const;
export type SetName = (typeof SET_NAMES)[number];

export function loadSet(name: SetName, dataDir: string, repoDir: string): BenchSet | null {
  if (name === 'demo') {
    const kbFile = path.join(repoDir, 'src/demo/demo-kb.json');
    const casesFile = path.join(repoDir, 'src/demo/demo-regression.jsonl');
    if (!existsSync(kbFile) || !existsSync(casesFile)) return null;
    const kb = JSON.parse(readFileSync(kbFile, 'utf8')) as KnowledgeBase;
    const cases = readFileSync(casesFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as EvalCase);
    return { name, split: 'src/demo regression suite', locale: 'zh', kb, cases };
  }
  const dir = path.join(dataDir, name);
  if (!existsSync(dir)) return null;
  if (name === 'banking77') {
    const { train, test } = holdOutEveryTenth(readJsonl(path.join(dir, 'train.jsonl')));
    return {
      name,
      split: 'train minus every 10th per intent → those',
      locale: 'en',
      kb: toKb(name, train),
      cases: toCases(test),
    };
  }
  const train = readJsonl(path.join(dir, 'train.jsonl'));
  const val = readJsonl(path.join(dir, 'val.jsonl'));
  return {
    name,
    split: 'train → val',
    locale: name === 'fewjoint_zh' ? 'zh' : 'en',
    kb: toKb(name, train),
    cases: toCases(val),
  };
}
