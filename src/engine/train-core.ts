// Fits the classifier core (vocabulary, idf, softmax weights) on pre-extracted features; shared by
// the final model and by the cross-validation rounds that choose its thresholds.
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
): ScoringCore {
  const vectorizer = fitVectorizer(docs.map((d) => d.features));
  const xs = docs.map((d) => vectorize(vectorizer, d.features).vector);
  const ys = Int32Array.from(docs, (d) => d.label);
  const weights = trainSoftmax(xs, ys, classes, vectorizer.keys.length, softmaxOptions);
  return { vectorizer, weights, featureOptions, examples: buildExampleIndex(xs, ys, classes) };
}
