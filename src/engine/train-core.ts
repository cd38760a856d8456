// Fits the classifier core (vocabulary, idf, softmax weights, entry-retrieval index) on
// pre-extracted features; shared by the final model and by the cross-validation rounds that choose
// its fusion weight and thresholds.
import { buildEntryIndex, entryRetriever, mergeFeatures } from './entry-retrieval.js';
import type { FeatureOptions, TextFeatures } from './features.js';
import type { ScoringCore } from './scoring.js';
import { DEFAULT_SOFTMAX_OPTIONS, trainSoftmax, type SoftmaxOptions } from './softmax-classifier.js';
import { fitVectorizer, vectorize } from './vectorizer.js';
import { buildExampleIndex } from './example-index.js';

export interface TrainingDoc {
  features: TextFeatures;
  /** Class index (entry position). */
  label: number;
}

export function trainCore(
  docs: TrainingDoc[],
  classes: number,
  featureOptions: FeatureOptions,
  softmaxOptions: SoftmaxOptions = DEFAULT_SOFTMAX_OPTIONS,
  /** Per class, the features of its answer text (only the retrieval view reads answers). */
  answers: TextFeatures[] = [],
  fusion = 0,
): ScoringCore {
  const vectorizer = fitVectorizer(docs.map((d) => d.features));
  const xs = docs.map((d) => vectorize(vectorizer, d.features).vector);
  const ys = Int32Array.from(docs, (d) => d.label);
  const weights = trainSoftmax(xs, ys, classes, vectorizer.keys.length, softmaxOptions);
  const perClass: TextFeatures[][] = Array.from({ length: classes }, (_, c) =>
    answers[c] ? [answers[c]] : [],
  );
  for (const d of docs) perClass[d.label].push(d.features);
  const entries = entryRetriever(buildEntryIndex(perClass.map(mergeFeatures)));
  return {
    vectorizer,
    weights,
    featureOptions,
    examples: buildExampleIndex(xs, ys, classes),
    entries,
    fusion,
  };
}
