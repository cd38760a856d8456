// `npm run bench:clusters [-- --data DIR --sweep]`
// Quality of the learning loop's topic clustering on public intent sets read from ../shared/data (never
// copied): the validation questions of clinc150 (in-scope only, and with its out-of-scope questions) and
// fewjoint_zh, clustered exactly as the server clusters unanswered questions; purity and NMI against the
// intent labels, clusters found against true labels, and time. `--sweep` prints the threshold/feature
// sweeps on banking77 and fewjoint_zh's train split (not scored here) that chose DEFAULT_CLUSTER_OPTIONS.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from '../../src/engine/features.js';
import { clusterQuality, type ClusterQuality } from '../../src/learning/cluster-metrics.js';
import { autoThreshold, clusterTexts, type ClusterMethod } from '../../src/learning/topic-clustering.js';
import { rephrasePairsReport } from './rephrase-pairs.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Row {
  text: string;
  label: string;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const readJsonl = (file: string): Row[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);

const FEATURES: Record<string, FeatureOptions> = {
  engine: DEFAULT_FEATURE_OPTIONS,
  words: { latinCharNgrams: [], hanCharNgrams: [], wordBigrams: false },
  'words+bigrams': { latinCharNgrams: [], hanCharNgrams: [], wordBigrams: true },
};

interface Run extends ClusterQuality {
  set: string;
  method: ClusterMethod;
  threshold: number;
  features: string;
  seconds: number;
}

function run(
  set: string,
  rows: Row[],
  method: ClusterMethod,
  threshold: number,
  features: string,
  background: string[],
): Run {
  const t0 = performance.now();
  const { assign } = clusterTexts(
    rows.map((r) => r.text),
    { method, threshold, features: FEATURES[features] },
    background,
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    set,
    method,
    threshold,
    features,
    seconds,
    ...clusterQuality(
      assign,
      rows.map((r) => r.label),
    ),
  };
}

const f3 = (x: number) => x.toFixed(3);
function table(runs: Run[]): string {
  const head =
    '| set | questions | method | features | threshold | clusters (true labels) | singletons | purity | NMI | seconds |';
  const rule = '|---|---:|---|---|---:|---:|---:|---:|---:|---:|';
  const lines = runs.map(
    (r) =>
      `| ${r.set} | ${r.items} | ${r.method} | ${r.features} | ${r.threshold.toFixed(2)} | ${r.clusters} (${r.labels}) | ${r.singletons} | ${f3(r.purity)} | ${f3(r.nmi)} | ${r.seconds.toFixed(2)} |`,
  );
  return [head, rule, ...lines].join('\n');
}

const dataDir = path.resolve(option('data') ?? path.join(repoDir, '../shared/data'));
const sets: { name: string; rows: Row[] }[] = [];
const load = (name: string, file: string, keep: (r: Row) => boolean = () => true) => {
  const full = path.join(dataDir, file);
  if (!existsSync(full)) {
    console.error(`skipped ${name}: ${full} not found`);
    return;
  }
  sets.push({ name, rows: readJsonl(full).filter(keep) });
};

const readBackground = (file: string) => {
  const full = path.join(dataDir, file);
  return existsSync(full)
    ? readJsonl(full)
        .filter((r) => r.label !== 'oos')
        .map((r) => r.text)
    : [];
};

if (process.argv.includes('--sweep')) {
  // Every 5th banking77 training question (≈2,000, 77 labels) is clustered; the other four fifths play the
  // KB (idf background). Chooses the defaults without looking at the sets reported below.
  load('banking77 (every 5th train)', 'banking77/train.jsonl');
  const all = sets[0]?.rows ?? [];
  const rows = all.filter((_, i) => i % 5 === 0);
  const kb = all.filter((_, i) => i % 5 !== 0).map((r) => r.text);
  const runs: Run[] = [];
  for (const features of Object.keys(FEATURES)) {
    for (const method of ['average', 'online'] as const) {
      for (const t of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4]) {
        if (features !== 'engine' && method === 'online') continue;
        runs.push(run(sets[0].name, rows, method, t, features, kb));
        if (features === 'engine' && method === 'average')
          runs.push(run(`${sets[0].name}, no KB idf`, rows, method, t, features, []));
      }
    }
  }
  // Chinese: every 4th fewjoint_zh training question (879, 91 labels); the rest plays the KB.
  load('fewjoint_zh (every 4th train)', 'fewjoint_zh/train.jsonl');
  const zh = sets[1]?.rows ?? [];
  const zhRows = zh.filter((_, i) => i % 4 === 0);
  const zhKb = zh.filter((_, i) => i % 4 !== 0).map((r) => r.text);
  for (const t of [0.15, 0.2, 0.25, 0.3, 0.35])
    runs.push(run(sets[1]?.name ?? '', zhRows, 'average', t, 'engine', zhKb));
  console.log(table(runs));
} else {
  load('clinc150 val, in-scope', 'clinc150/val.jsonl', (r) => r.label !== 'oos');
  load('clinc150 val, with oos', 'clinc150/val.jsonl');
  load('fewjoint_zh val, in-scope', 'fewjoint_zh/val.jsonl', (r) => r.label !== 'oos');
  load('fewjoint_zh val, with oos', 'fewjoint_zh/val.jsonl');
  const runs: Run[] = [];
  for (const { name, rows } of sets) {
    // The KB of each set is its training split: idf background, as the server uses its KB's questions.
    const kb = readBackground(name.startsWith('clinc') ? 'clinc150/train.jsonl' : 'fewjoint_zh/train.jsonl');
    const threshold = autoThreshold(rows.map((r) => r.text));
    for (const method of ['average', 'online'] as const)
      runs.push(run(name, rows, method, threshold, 'engine', kb));
  }
  console.log(
    `data: ${dataDir}; idf fitted with the set's training questions as the KB; out-of-scope questions count as one label "oos"\n`,
  );
  console.log(table(runs));
  console.log('\nRephrase rule, token similarity of question pairs:\n');
  for (const { name, rows } of sets.filter((s) => s.name.endsWith('in-scope')))
    console.log(rephrasePairsReport(name, rows) + '\n');
}
