// Scores one normalized message against a trained classifier core: class probabilities, the ranking,
// and the signals the calibrators turn into "is the top entry right?" and "is it among the top few?".
import { entryCoverage, retrieve, type EntryRetriever, type Retrieved } from './entry-retrieval.js';
import { extractFeatures, type FeatureOptions, type TextFeatures } from './features.js';
import { FUNCTION_WORDS } from './function-words.js';
import { logits, softmax, type SoftmaxWeights } from './softmax-classifier.js';
import { nearestExample, type ExampleIndex } from './example-index.js';
import { negativeSimilarity, type NegativeMatcher } from './negative-index.js';
import { vectorize, type SparseVector, type Vectorizer } from './vectorizer.js';

export interface ScoringCore {
  vectorizer: Vectorizer;
  weights: SoftmaxWeights;
  featureOptions: FeatureOptions;
  examples: ExampleIndex;
  entries: EntryRetriever;
  /** Weight of the entry-retrieval cosine added to the classifier's logits (chosen by cross-validation). */
  fusion: number;
  /** The KB's "must not answer" examples (absent in cross-validation, and when the KB has none). */
  negatives?: NegativeMatcher;
}

/** The two views of a message before fusion: classifier logits and entry-retrieval cosines. */
export interface Views {
  features: TextFeatures;
  vector: SparseVector;
  coverage: number;
  wordCoverage: number;
  classifier: Float64Array;
  retrieved: Retrieved;
}

export interface Scored {
  /** Class indices by descending probability (the best few only). */
  order: number[];
  probs: Float64Array;
  rawLogits: Float64Array;
  vector: SparseVector;
  words: string[];
  coverage: number;
  wordCoverage: number;
  /** Cosine to the nearest example question of each of the best two classes (as in order). */
  nearest: number[];
  /** Cosine to the nearest "must not answer" example over all features (0 when the KB has none). */
  nearestNegative: number;
  /** That example's number in the model's list (−1: none). */
  nearestNegativeExample: number;
  /** The message's known-feature norm over its all-feature norm (1 when the KB has no such examples). */
  knownShare: number;
  /** Cosine of the message to the top entry's whole text. */
  entryCosine: number;
  /** Share of the message's informative words found in the top entry's text. */
  entryCoverage: number;
}

/** How many of the best classes are kept in `order`. */
export const RANKED = 5;
/** How many of them are probed for their nearest example question (the costliest step of scoring). */
const NEAREST_PROBED = 2;

// One zeroed dense buffer per vocabulary size, reused across calls (cleared after each use).
let dense = new Float32Array(0);
function scratch(size: number): Float32Array {
  if (dense.length < size) dense = new Float32Array(size);
  return dense;
}

export function computeViews(core: ScoringCore, normalized: string): Views {
  const features = extractFeatures(normalized, core.featureOptions);
  const { vector, coverage, wordCoverage } = vectorize(core.vectorizer, features);
  const C = core.weights.classes;
  const classifier = new Float64Array(C);
  logits(core.weights, vector, classifier);
  return {
    features,
    vector,
    coverage,
    wordCoverage,
    classifier,
    retrieved: retrieve(core.entries, features, C),
  };
}

/** Fused logits: classifier + fusion × entry cosine (the cosine is 0..1, logits span several units). */
export function fuse(views: Views, fusion: number): Float64Array {
  const out = Float64Array.from(views.classifier);
  const cos = views.retrieved.cosine;
  if (fusion !== 0) for (let c = 0; c < out.length; c++) out[c] += fusion * cos[c];
  return out;
}

export function scoreText(core: ScoringCore, normalized: string): Scored {
  return scoreViews(core, computeViews(core, normalized));
}

export function scoreViews(core: ScoringCore, views: Views): Scored {
  const { vector, coverage, wordCoverage } = views;
  const C = core.weights.classes;
  const raw = fuse(views, core.fusion);
  const probs = Float64Array.from(raw);
  if (C > 0) softmax(probs);
  // Partial selection of the best few: C can be hundreds, RANKED is small.
  const order: number[] = [];
  for (let c = 0; c < C; c++) {
    if (order.length < RANKED) order.push(c);
    else if (probs[c] > probs[order[RANKED - 1]]) order[RANKED - 1] = c;
    else continue;
    for (let i = order.length - 1; i > 0 && probs[order[i]] > probs[order[i - 1]]; i--) {
      const t = order[i];
      order[i] = order[i - 1];
      order[i - 1] = t;
    }
  }
  const dense = scratch(core.vectorizer.keys.length);
  for (let k = 0; k < vector.ids.length; k++) dense[vector.ids[k]] = vector.vals[k];
  const nearest = order.slice(0, NEAREST_PROBED).map((c) => nearestExample(core.examples, dense, c));
  const negative = core.negatives
    ? negativeSimilarity(core.negatives, core.vectorizer, views.features)
    : { nearest: 0, example: -1, knownShare: 1 };
  for (let k = 0; k < vector.ids.length; k++) dense[vector.ids[k]] = 0;
  const top = order[0];
  return {
    order,
    probs,
    rawLogits: raw,
    vector,
    words: views.features.words,
    coverage,
    wordCoverage,
    nearest,
    nearestNegative: negative.nearest,
    nearestNegativeExample: negative.example,
    knownShare: negative.knownShare,
    entryCosine: top === undefined ? 0 : views.retrieved.cosine[top],
    entryCoverage: top === undefined ? 0 : entryCoverage(core.entries, views.retrieved, top),
  };
}

const logit = (p: number): number => {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
};

/** Number of calibration signals produced by signalsOf (without the intercept). */
export const SIGNAL_COUNT = 11;

/**
 * Calibration inputs. Probability alone is over-confident on out-of-scope text (softmax must put its
 * mass somewhere); the raw top logit measures absolute evidence, coverage measures unknown wording.
 */
export function signalsOf(s: Scored): number[] {
  const p = (i: number): number => (s.order.length > i ? s.probs[s.order[i]] : 0);
  const z = (i: number): number => (s.order.length > i ? s.rawLogits[s.order[i]] : 0);
  return [
    logit(p(0)),
    p(0) - p(1),
    z(0),
    z(0) - (s.order.length > 1 ? z(1) : 0),
    s.coverage,
    s.wordCoverage,
    Math.log(1 + s.vector.ids.length),
    s.nearest[0] ?? 0,
    (s.nearest[0] ?? 0) - (s.nearest[1] ?? 0),
    s.entryCosine,
    s.entryCoverage,
  ];
}

/** Query content words that pushed this class up (positive weight on the word feature), strongest first. */
export function matchedTerms(core: ScoringCore, s: Scored, cls: number): string[] {
  const C = core.weights.classes;
  const seen = new Set<string>();
  const hits: [string, number][] = [];
  for (const word of s.words) {
    if (seen.has(word) || FUNCTION_WORDS.has(word)) continue;
    seen.add(word);
    const id = core.vectorizer.index.get('w' + word);
    if (id === undefined) continue;
    const weight = core.weights.w[id * C + cls];
    if (weight > 0) hits.push([word, weight]);
  }
  return hits
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([w]) => w);
}
