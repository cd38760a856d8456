// The KB's example questions as unit vectors grouped by entry, for nearest-example similarity: a
// covered question usually has a close paraphrase among its entry's examples; an uncovered one that
// merely shares a few words with the entry does not. Only the top entries are probed, so it is cheap.
import type { SparseVector } from './vectorizer.js';

export interface ExampleIndex {
  /** Example boundaries per class: examples of class c are starts[c] .. starts[c + 1] - 1. */
  classStarts: Int32Array;
  /** Entry boundaries of each example in ids/vals. */
  offsets: Int32Array;
  ids: Int32Array;
  vals: Float32Array;
}

export function buildExampleIndex(xs: SparseVector[], ys: Int32Array, classes: number): ExampleIndex {
  const order = Array.from(xs.keys()).sort((a, b) => ys[a] - ys[b] || a - b);
  const classStarts = new Int32Array(classes + 1);
  for (const y of ys) classStarts[y + 1]++;
  for (let c = 0; c < classes; c++) classStarts[c + 1] += classStarts[c];
  const offsets = new Int32Array(xs.length + 1);
  order.forEach((i, k) => (offsets[k + 1] = offsets[k] + xs[i].ids.length));
  const ids = new Int32Array(offsets[xs.length]);
  const vals = new Float32Array(offsets[xs.length]);
  order.forEach((i, k) => {
    ids.set(xs[i].ids, offsets[k]);
    vals.set(xs[i].vals, offsets[k]);
  });
  return { classStarts, offsets, ids, vals };
}

/** Highest cosine between the query (as a dense scratch: feature id → weight) and an example of the class. */
export function nearestExample(index: ExampleIndex, dense: Float32Array, cls: number): number {
  let best = 0;
  for (let e = index.classStarts[cls]; e < index.classStarts[cls + 1]; e++) {
    let dot = 0;
    for (let k = index.offsets[e]; k < index.offsets[e + 1]; k++) dot += dense[index.ids[k]] * index.vals[k];
    if (dot > best) best = dot;
  }
  return best;
}
