// TF-IDF vectorizer over the feature keys of extractFeatures: a vocabulary fitted on the KB, sublinear
// term frequency, smoothed idf and unit length, so that dot products are cosine similarities.
import type { TextFeatures } from './features.js';

export interface SparseVector {
  ids: Int32Array;
  vals: Float32Array;
}

export interface Vectorizer {
  /** Feature key → id. */
  readonly index: Map<string, number>;
  /** Feature keys by id (the serialized form of index). */
  readonly keys: string[];
  readonly idf: Float32Array;
  /** idf given to keys never seen in training (as if seen in no document). */
  readonly unseenIdf: number;
}

/** Fits the vocabulary and idf on the training features (every key seen becomes a feature). */
export function fitVectorizer(docs: TextFeatures[]): Vectorizer {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const df: number[] = [];
  for (const doc of docs) {
    for (const key of doc.counts.keys()) {
      let id = index.get(key);
      if (id === undefined) {
        id = keys.length;
        index.set(key, id);
        keys.push(key);
        df.push(0);
      }
      df[id]++;
    }
  }
  const n = docs.length;
  const idf = new Float32Array(keys.length);
  for (let i = 0; i < keys.length; i++) idf[i] = Math.log((1 + n) / (1 + df[i])) + 1;
  return { index, keys, idf, unseenIdf: Math.log(1 + n) + 1 };
}

export function vectorizerFromKeys(keys: string[], idf: Float32Array, unseenIdf: number): Vectorizer {
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  return { index, keys, idf, unseenIdf };
}

export interface Vectorized {
  vector: SparseVector;
  /**
   * Share of the message's tf-idf mass made of features the KB knows (0..1). Out-of-scope questions
   * tend to carry words the KB never uses: a strong "not covered" signal that needs no OOS data.
   */
  coverage: number;
  /** Same share counted over whole words only. */
  wordCoverage: number;
}

/** Sublinear tf times idf of one feature; `id` undefined: a key the vocabulary has never seen. */
export function featureWeight(v: Vectorizer, id: number | undefined, count: number): number {
  return (1 + Math.log(count)) * (id === undefined ? v.unseenIdf : v.idf[id]);
}

/** Unit-length TF-IDF vector of one text; keys unknown to the vocabulary are dropped. */
export function vectorize(v: Vectorizer, features: TextFeatures): Vectorized {
  const size = features.counts.size;
  const ids = new Int32Array(size);
  const vals = new Float32Array(size);
  let n = 0;
  let norm = 0;
  let known = 0;
  let total = 0;
  let knownWords = 0;
  let totalWords = 0;
  for (const [key, count] of features.counts) {
    const id = v.index.get(key);
    const val = featureWeight(v, id, count);
    const isWord = key.charCodeAt(0) === 119; // 'w'
    if (id === undefined) {
      total += val;
      if (isWord) totalWords += val;
      continue;
    }
    total += val;
    known += val;
    if (isWord) {
      totalWords += val;
      knownWords += val;
    }
    ids[n] = id;
    vals[n++] = val;
    norm += val * val;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < n; i++) vals[i] *= scale;
  return {
    vector: { ids: ids.subarray(0, n), vals: vals.subarray(0, n) },
    coverage: total > 0 ? known / total : 0,
    wordCoverage: totalWords > 0 ? knownWords / totalWords : 0,
  };
}
