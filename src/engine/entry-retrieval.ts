// Retrieval over whole entries (title + example questions + answer, one TF-IDF document per entry),
// fused with the classifier. Two reasons: an entry with one or two example questions gives the
// classifier little to learn from, while its answer text names the things customers ask about
// ("进水", "保修"); and a question whose informative words appear in no entry's text at all is the
// clearest sign that the KB does not cover it, with no out-of-scope data needed.
import type { TextFeatures } from './features.js';
import { fitVectorizer, vectorize, vectorizerFromKeys, type Vectorizer } from './vectorizer.js';

/** Inverted index of the entry documents: plain typed arrays (structured-clone-able). */
export interface EntryIndex {
  keys: string[];
  idf: Float32Array;
  unseenIdf: number;
  /** Postings of feature f: starts[f] .. starts[f + 1] - 1 in entries/weights, entries ascending. */
  starts: Int32Array;
  entries: Int32Array;
  /** Weight of the feature in the entry's unit-length TF-IDF vector. */
  weights: Float32Array;
}

/** Sums the feature counts of several texts into one document. */
export function mergeFeatures(docs: TextFeatures[]): TextFeatures {
  const counts = new Map<string, number>();
  const words: string[] = [];
  for (const d of docs) {
    for (const [k, n] of d.counts) counts.set(k, (counts.get(k) ?? 0) + n);
    words.push(...d.words);
  }
  return { counts, words };
}

/** Builds the index from one merged document per entry (idf is therefore "in how many entries"). */
export function buildEntryIndex(entryDocs: TextFeatures[]): EntryIndex {
  const v = fitVectorizer(entryDocs);
  const F = v.keys.length;
  const vectors = entryDocs.map((d) => vectorize(v, d).vector);
  const starts = new Int32Array(F + 1);
  for (const x of vectors) for (const id of x.ids) starts[id + 1]++;
  for (let f = 0; f < F; f++) starts[f + 1] += starts[f];
  const fill = starts.slice(0, F);
  const entries = new Int32Array(starts[F]);
  const weights = new Float32Array(starts[F]);
  vectors.forEach((x, e) => {
    for (let k = 0; k < x.ids.length; k++) {
      const at = fill[x.ids[k]]++;
      entries[at] = e;
      weights[at] = x.vals[k];
    }
  });
  return { keys: v.keys, idf: v.idf, unseenIdf: v.unseenIdf, starts, entries, weights };
}

export interface EntryRetriever {
  index: EntryIndex;
  vectorizer: Vectorizer;
}

export const entryRetriever = (index: EntryIndex): EntryRetriever => ({
  index,
  vectorizer: vectorizerFromKeys(index.keys, index.idf, index.unseenIdf),
});

export interface Retrieved {
  /** Cosine between the message and each entry document. */
  cosine: Float64Array;
  /** The message's word features: entry-index feature id (-1 if unknown) and idf weight. */
  wordIds: Int32Array;
  wordWeights: Float64Array;
}

export function retrieve(r: EntryRetriever, features: TextFeatures, classes: number): Retrieved {
  const cosine = new Float64Array(classes);
  const { vector } = vectorize(r.vectorizer, features);
  const { starts, entries, weights } = r.index;
  for (let k = 0; k < vector.ids.length; k++) {
    const f = vector.ids[k];
    const q = vector.vals[k];
    for (let p = starts[f]; p < starts[f + 1]; p++) cosine[entries[p]] += q * weights[p];
  }
  const wordIds: number[] = [];
  const wordWeights: number[] = [];
  for (const key of features.counts.keys()) {
    if (key.charCodeAt(0) !== 119) continue; // 'w': whole words only
    const id = r.vectorizer.index.get(key);
    wordIds.push(id ?? -1);
    wordWeights.push(id === undefined ? r.index.unseenIdf : r.index.idf[id]);
  }
  return { cosine, wordIds: Int32Array.from(wordIds), wordWeights: Float64Array.from(wordWeights) };
}

/**
 * Share of the message's informative (idf-weighted) words that occur in the entry's text. A covered
 * question rephrases its entry; an uncovered one shares at most a few common words with it.
 */
export function entryCoverage(r: EntryRetriever, got: Retrieved, entry: number): number {
  const { starts, entries } = r.index;
  let hit = 0;
  let total = 0;
  for (let k = 0; k < got.wordIds.length; k++) {
    const f = got.wordIds[k];
    total += got.wordWeights[k];
    if (f < 0) continue;
    // Postings are sorted by entry: binary search.
    let lo = starts[f];
    let hi = starts[f + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid] === entry) {
        hit += got.wordWeights[k];
        break;
      }
      if (entries[mid] < entry) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return total > 0 ? hit / total : 0;
}
