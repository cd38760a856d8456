// How well token similarity tells a rephrase from a new question: pairs of validation questions with the
// same intent (a rephrase) against pairs with different intents (a new question), the harder negatives
// from the same domain where the labels name one (fewjoint_zh "domain.intent"). Precision and recall of
// "featureSimilarity ≥ t" for a few t, so that REPHRASE_SIMILARITY is a measured choice.
import { featureSimilarity, REPHRASE_SIMILARITY } from '../../src/learning/rephrase.js';

export interface Labelled {
  text: string;
  label: string;
}

const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5];

/** Small deterministic PRNG (mulberry32): the same pairs on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rephrasePairsReport(name: string, rows: Labelled[], maxPairs = 1500): string {
  const random = prng(7);
  const domain = (label: string) => (label.includes('.') ? label.split('.')[0] : null);
  const byLabel = new Map<string, Labelled[]>();
  for (const r of rows) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
  const positives: number[] = [];
  const negatives: number[] = [];
  const order = rows.map((_, i) => i).sort(() => random() - 0.5);
  for (const i of order) {
    if (positives.length >= maxPairs) break;
    const q = rows[i];
    const same = (byLabel.get(q.label) ?? []).filter((r) => r !== q);
    if (same.length === 0) continue;
    const near = rows.filter(
      (r) => r.label !== q.label && domain(q.label) !== null && domain(r.label) === domain(q.label),
    );
    const pool = near.length > 0 ? near : rows.filter((r) => r.label !== q.label);
    positives.push(featureSimilarity(q.text, same[Math.floor(random() * same.length)].text));
    negatives.push(featureSimilarity(q.text, pool[Math.floor(random() * pool.length)].text));
  }
  const lines = [
    `| ${name}: threshold | recall (same intent caught) | false alarms (other intent) | precision at 1:1 |`,
    '|---:|---:|---:|---:|',
  ];
  for (const t of THRESHOLDS) {
    const tp = positives.filter((s) => s >= t).length;
    const fp = negatives.filter((s) => s >= t).length;
    const mark = t === REPHRASE_SIMILARITY ? ' **(chosen)**' : '';
    lines.push(
      `| ${t.toFixed(2)}${mark} | ${(tp / positives.length).toFixed(3)} | ${(fp / negatives.length).toFixed(3)} | ${(tp / Math.max(1, tp + fp)).toFixed(3)} |`,
    );
  }
  return `${positives.length} same-intent and ${negatives.length} other-intent pairs\n\n${lines.join('\n')}`;
}
