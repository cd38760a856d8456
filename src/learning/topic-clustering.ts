// Groups unanswered questions into topics. Pure: no I/O, no clock.
// Texts become TF-IDF vectors over the engine's own features (normalizeText → segment → extractFeatures),
// so a topic is what the engine itself would see; the vocabulary and idf are fitted on the texts being
// clustered, because most unanswered questions use words the KB does not know.
// Two methods, both measured by `npm run bench:clusters` (figures in BENCHMARKS.md):
// - 'average': agglomerative average-linkage cut at a cosine threshold (nearest-neighbour chain, O(n²)
//   time and an n×n Float32 matrix) — the better topics, for up to a few thousand questions;
// - 'online': single pass leader clustering against running centroids plus one reassignment pass,
//   O(n·k) time and O(features) memory — for when there are more questions than the matrix allows.
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type FeatureOptions } from '../engine/features.js';
import { normalizeText } from '../engine/index.js';
import { fitVectorizer, vectorize, type SparseVector, type Vectorizer } from '../engine/vectorizer.js';

export type ClusterMethod = 'average' | 'online';

export interface ClusterOptions {
  method: ClusterMethod;
  /** Two groups join while their (average) cosine similarity is at least this; 'auto': by script. */
  threshold: number | 'auto';
  features: FeatureOptions;
}

/**
 * Chosen by `npm run bench:clusters -- --sweep` on sets the report does not score: engine features
 * (words + word bigrams + character n-grams) and average linkage, cut at 0.30 for Latin-script questions
 * (banking77: best NMI with purity ≥ 0.80) and 0.20 for Chinese (fewjoint_zh train: short Chinese
 * questions share fewer features, and 0.30 left half of them alone at no gain in NMI).
 */
export const DEFAULT_CLUSTER_OPTIONS: Readonly<ClusterOptions> = Object.freeze({
  method: 'average',
  threshold: 'auto',
  features: DEFAULT_FEATURE_OPTIONS,
});
export const LATIN_THRESHOLD = 0.3;
export const HAN_THRESHOLD = 0.2;

const HAN = /\p{Script=Han}/u;

/** The threshold for a batch: Chinese when most of its texts contain Han characters. */
export function autoThreshold(texts: readonly string[]): number {
  const han = texts.filter((t) => HAN.test(t)).length;
  return han * 2 > texts.length ? HAN_THRESHOLD : LATIN_THRESHOLD;
}

/** Above this many texts 'average' switches to 'online' (the similarity matrix would pass ~64 MB). */
export const MAX_AGGLOMERATIVE = 4000;

export interface Clustering {
  /** Cluster index (0, 1, 2 … in order of first member) of each text. */
  assign: number[];
  /** The texts' unit TF-IDF vectors (for centroids and nearest entries). */
  vectors: SparseVector[];
  vectorizer: Vectorizer;
}

/**
 * `background` texts (the KB's questions) only help fit the idf: with few questions to cluster, their own
 * document frequencies would make every shared word look rare, while the KB knows "怎么" and "how" are not.
 */
export function clusterTexts(
  texts: readonly string[],
  options: Partial<ClusterOptions> = {},
  background: readonly string[] = [],
): Clustering {
  const o = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const docs = texts.map((t) => extractFeatures(normalizeText(t), o.features));
  const vectorizer = fitVectorizer([
    ...docs,
    ...background.map((t) => extractFeatures(normalizeText(t), o.features)),
  ]);
  const vectors = docs.map((d) => vectorize(vectorizer, d).vector);
  const method = o.method === 'average' && texts.length > MAX_AGGLOMERATIVE ? 'online' : o.method;
  const threshold = o.threshold === 'auto' ? autoThreshold(texts) : o.threshold;
  const assign =
    method === 'average' ? averageLinkage(vectors, threshold) : onlineClusters(vectors, threshold);
  return { assign, vectors, vectorizer };
}

/** Unit TF-IDF vector of any text in a clustering's vocabulary (features it never saw are dropped). */
export function vectorOf(
  vectorizer: Vectorizer,
  text: string,
  features: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): SparseVector {
  return vectorize(vectorizer, extractFeatures(normalizeText(text), features)).vector;
}

/** Renumbers cluster ids by first appearance, so that results are stable and comparable. */
function relabel(assign: ArrayLike<number>): number[] {
  const ids = new Map<number, number>();
  return Array.from(assign, (a) => {
    let id = ids.get(a);
    if (id === undefined) ids.set(a, (id = ids.size));
    return id;
  });
}

/** Pairwise cosine similarities (the vectors have unit length), through an inverted index. */
function similarityMatrix(vectors: readonly SparseVector[]): Float32Array {
  const n = vectors.length;
  const sim = new Float32Array(n * n);
  const postings = new Map<number, { doc: number[]; val: number[] }>();
  for (let i = 0; i < n; i++) {
    const { ids, vals } = vectors[i];
    const row = i * n;
    for (let k = 0; k < ids.length; k++) {
      let p = postings.get(ids[k]);
      if (!p) postings.set(ids[k], (p = { doc: [], val: [] }));
      const v = vals[k];
      for (let m = 0; m < p.doc.length; m++) sim[row + p.doc[m]] += v * p.val[m];
      p.doc.push(i);
      p.val.push(v);
    }
    for (let j = 0; j < i; j++) sim[j * n + i] = sim[row + j];
  }
  return sim;
}

/**
 * Average linkage by the nearest-neighbour chain: merging two reciprocal nearest neighbours gives the same
 * tree as the greedy "merge the closest pair" loop. A group whose nearest neighbour is below the threshold
 * is final: average linkage is reducible (a merged group is never closer than the nearer of its parts).
 */
export function averageLinkage(vectors: readonly SparseVector[], threshold: number): number[] {
  const n = vectors.length;
  const sim = similarityMatrix(vectors);
  const size = new Int32Array(n).fill(1);
  const open = new Uint8Array(n).fill(1); // still an active group that may merge
  const owner = Int32Array.from({ length: n }, (_, i) => i); // union-find parent of each item
  const chain: number[] = [];
  let next = 0;
  for (;;) {
    if (chain.length === 0) {
      while (next < n && !open[next]) next++;
      if (next === n) break;
      chain.push(next);
    }
    const a = chain[chain.length - 1];
    const prev = chain.length >= 2 ? chain[chain.length - 2] : -1;
    // Nearest open group; ties go to the previous chain link so the chain always ends.
    let b = prev;
    let best = prev >= 0 ? sim[a * n + prev] : -Infinity;
    for (let c = 0; c < n; c++) {
      if (c === a || !open[c]) continue;
      const s = sim[a * n + c];
      if (s > best) {
        best = s;
        b = c;
      }
    }
    if (b < 0 || best < threshold) {
      open[a] = 0;
      chain.pop();
      continue;
    }
    if (b !== prev) {
      chain.push(b);
      continue;
    }
    chain.pop();
    chain.pop();
    // Lance–Williams update for average linkage: the merged group a∪b keeps slot a.
    const na = size[a];
    const nb = size[b];
    for (let k = 0; k < n; k++) {
      if (!open[k] || k === a || k === b) continue;
      const s = (na * sim[a * n + k] + nb * sim[b * n + k]) / (na + nb);
      sim[a * n + k] = s;
      sim[k * n + a] = s;
    }
    size[a] = na + nb;
    open[b] = 0;
    owner[b] = a;
  }
  const root = (i: number): number => {
    while (owner[i] !== i) i = owner[i] = owner[owner[i]];
    return i;
  };
  return relabel(Array.from({ length: n }, (_, i) => root(i)));
}

/**
 * One pass of leader clustering (join the nearest centroid at or above the threshold, else start a new
 * group), then one pass that moves every item to its nearest centroid (which mends early, badly seeded
 * assignments). Centroids are sums kept in an inverted index: feature → (group → weight).
 */
export function onlineClusters(vectors: readonly SparseVector[], threshold: number): number[] {
  const index = new Map<number, Map<number, number>>();
  const norm2: number[] = [];
  const count: number[] = [];
  const assign = new Int32Array(vectors.length);

  const dotsOf = (x: SparseVector): Map<number, number> => {
    const dots = new Map<number, number>();
    for (let k = 0; k < x.ids.length; k++) {
      const groups = index.get(x.ids[k]);
      if (!groups) continue;
      for (const [g, w] of groups) dots.set(g, (dots.get(g) ?? 0) + x.vals[k] * w);
    }
    return dots;
  };
  const nearest = (dots: Map<number, number>): [number, number] => {
    let best = -1;
    let bestSim = -Infinity;
    for (const [g, dot] of dots) {
      if (count[g] === 0) continue;
      const s = dot / Math.sqrt(norm2[g]);
      if (s > bestSim) [best, bestSim] = [g, s];
    }
    return [best, bestSim];
  };
  /** Adds (sign 1) or removes (sign -1) x; `dot` is c·x for the centroid sum c before the change. */
  const move = (g: number, x: SparseVector, dot: number, sign: 1 | -1) => {
    // |c ± x|² = |c|² ± 2 c·x + |x|², with |x| = 1.
    norm2[g] = Math.max(0, norm2[g] + sign * 2 * dot + 1);
    count[g] += sign;
    for (let k = 0; k < x.ids.length; k++) {
      let groups = index.get(x.ids[k]);
      if (!groups) index.set(x.ids[k], (groups = new Map()));
      const w = (groups.get(g) ?? 0) + sign * x.vals[k];
      if (count[g] === 0) groups.delete(g);
      else groups.set(g, w);
    }
  };
  const place = (i: number, x: SparseVector, dots: Map<number, number>, fallback: number | null) => {
    const [g, s] = nearest(dots);
    let to = g >= 0 && s >= threshold ? g : fallback;
    if (to === null) {
      to = norm2.length;
      norm2.push(0);
      count.push(0);
    }
    move(to, x, dots.get(to) ?? 0, 1);
    assign[i] = to;
  };

  vectors.forEach((x, i) => place(i, x, dotsOf(x), null));
  // Reassignment: take x out of its group, then put it in the nearest one (its own if none is near enough).
  vectors.forEach((x, i) => {
    const from = assign[i];
    move(from, x, dotsOf(x).get(from) ?? 0, -1);
    place(i, x, dotsOf(x), count[from] > 0 ? from : null);
  });
  return relabel(assign);
}
