// The KB's "must not answer" examples, compared with a message over everything both say. The
// classifier's vectors keep only the entries' vocabulary, so a weather question and a weather example
// would meet on 今天 alone; here every feature counts (天气 too), weighted by tf·idf with the KB's idf
// (the rarest idf for words the entries never use), each side at unit length over all its features.
import type { TextFeatures } from './features.js';
import { featureWeight, type Vectorizer } from './vectorizer.js';

/** Inverted index of the examples: the postings of keys[k] are positions starts[k] .. starts[k + 1] − 1. */
export interface NegativeIndex {
  keys: string[];
  starts: Int32Array;
  /** Example number of each posting. */
  examples: Int32Array;
  /** The feature's weight in that example's unit-length vector. */
  weights: Float32Array;
  /** The examples as the business wrote them, by example number (for explanations). */
  texts: string[];
}

/** A message's features with their tf·idf weights, and its norms over all features and over known ones. */
function weigh(v: Vectorizer, features: TextFeatures) {
  const weights = new Map<string, number>();
  let full = 0;
  let known = 0;
  for (const [key, count] of features.counts) {
    const id = v.index.get(key);
    const w = featureWeight(v, id, count);
    weights.set(key, w);
    full += w * w;
    if (id !== undefined) known += w * w;
  }
  return { weights, full: Math.sqrt(full), known: Math.sqrt(known) };
}

export function buildNegativeIndex(v: Vectorizer, examples: TextFeatures[], texts: string[]): NegativeIndex {
  const postings = new Map<string, Array<[number, number]>>();
  examples.forEach((features, example) => {
    const { weights, full } = weigh(v, features);
    if (full === 0) return;
    for (const [key, w] of weights) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push([example, w / full]);
    }
  });
  const keys = [...postings.keys()];
  const starts = new Int32Array(keys.length + 1);
  keys.forEach((key, k) => (starts[k + 1] = starts[k] + postings.get(key)!.length));
  const exampleIds = new Int32Array(starts[keys.length]);
  const weights = new Float32Array(starts[keys.length]);
  keys.forEach((key, k) =>
    postings.get(key)!.forEach(([example, w], i) => {
      exampleIds[starts[k] + i] = example;
      weights[starts[k] + i] = w;
    }),
  );
  return { keys, starts, examples: exampleIds, weights, texts };
}

export interface NegativeMatcher {
  index: NegativeIndex;
  /** Key → its position in index.keys. */
  positions: Map<string, number>;
}

export function negativeMatcher(index: NegativeIndex): NegativeMatcher {
  return { index, positions: new Map(index.keys.map((k, i) => [k, i])) };
}

export interface NegativeSimilarity {
  /** Highest cosine between the message and one of the examples, over all features. */
  nearest: number;
  /** The number of that example (−1 when none shares a feature with the message). */
  example: number;
  /**
   * The message's norm over the KB's known features relative to its norm over all: multiplies a cosine
   * computed over the known features only (the classifier's view) into the same all-features scale.
   */
  knownShare: number;
}

export function negativeSimilarity(
  m: NegativeMatcher,
  v: Vectorizer,
  features: TextFeatures,
): NegativeSimilarity {
  const { weights, full, known } = weigh(v, features);
  const count = m.index.texts.length;
  if (full === 0 || count === 0)
    return { nearest: 0, example: -1, knownShare: full === 0 ? 0 : known / full };
  const dots = new Float64Array(count);
  const { starts, examples, weights: w } = m.index;
  for (const [key, weight] of weights) {
    const k = m.positions.get(key);
    if (k === undefined) continue;
    for (let p = starts[k]; p < starts[k + 1]; p++) dots[examples[p]] += weight * w[p];
  }
  let best = -1;
  for (let e = 0; e < dots.length; e++) if (dots[e] > 0 && (best < 0 || dots[e] > dots[best])) best = e;
  // Float32 weights can put an identical text a hair above 1.
  return { nearest: best < 0 ? 0 : Math.min(1, dots[best] / full), example: best, knownShare: known / full };
}
