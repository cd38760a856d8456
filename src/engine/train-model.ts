// Trains an answer model from a knowledge base: features of every example question (and the entry's
// title, itself a phrasing of the question), thresholds from cross-validation on the KB itself, then
// the final classifier on everything.
import { TrainedModel, type ModelData } from './answer-model.js';
import { crossValidate } from './cross-validation.js';
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type TextFeatures } from './features.js';
import { discoverVocabulary } from './kb-vocabulary.js';
import { buildNegativeIndex } from './negative-index.js';
import { normalizeText } from './normalize-text.js';
import { DEFAULT_SOFTMAX_OPTIONS } from './softmax-classifier.js';
import { selectThresholds } from './threshold-selection.js';
import { trainCore, type TrainingDoc } from './train-core.js';
import type { AnswerModel, KnowledgeBase, TrainOptions } from './types.js';

export function trainModel(kb: KnowledgeBase, options: TrainOptions = {}): AnswerModel {
  const softmaxOptions = DEFAULT_SOFTMAX_OPTIONS;
  // The title is one more phrasing of the question (measured: +0.5–1 point top-1 on clinc150 and
  // fewjoint_zh, neutral on banking77). Answers are not classifier examples (they talk about the
  // solution, not the question) but feed the entry-retrieval view fused with it (entry-retrieval.ts).
  const texts: string[][] = kb.entries.map((entry) => {
    const phrasings = new Set([entry.title, ...entry.questions].map(normalizeText));
    phrasings.delete('');
    return [...phrasings];
  });
  const featureOptions = {
    ...DEFAULT_FEATURE_OPTIONS,
    vocabulary: discoverVocabulary(
      texts.flat(),
      kb.entries.flatMap((e) => (e.tags ?? []).map(normalizeText)),
    ),
  };
  const features: TextFeatures[][] = texts.map((qs) => qs.map((q) => extractFeatures(q, featureOptions)));
  const answers = kb.entries.map((e) => extractFeatures(normalizeText(e.answer), featureOptions));
  // Each once, as the server stores them (cleanNegatives): a repeat would weigh one example twice.
  // Normalized text → the example as the business wrote it (shown when it overrules the bot).
  const negatives = new Map<string, string>();
  for (const q of kb.negatives ?? []) {
    const key = normalizeText(q);
    if (key !== '' && !negatives.has(key)) negatives.set(key, q.trim());
  }
  const negativeTexts = [...negatives.keys()];

  const { records, fusion } = crossValidate({
    entries: features,
    texts,
    answers,
    negativeTexts,
    categories: kb.entries.map((e) => e.category),
    featureOptions,
    softmaxOptions,
  });
  const selection = selectThresholds(records);
  const thresholds = { ...selection.thresholds, ...options.thresholds };

  const docs: TrainingDoc[] = [];
  features.forEach((fs, label) => fs.forEach((f) => docs.push({ features: f, label })));
  const core = trainCore(docs, kb.entries.length, featureOptions, softmaxOptions, answers, fusion);
  const data: ModelData = {
    format: 'zhida-answer-model',
    version: 3,
    entryIds: kb.entries.map((e) => e.id),
    featureOptions,
    featureKeys: core.vectorizer.keys,
    idf: core.vectorizer.idf,
    unseenIdf: core.vectorizer.unseenIdf,
    weights: core.weights.w,
    bias: core.weights.bias,
    examples: core.examples,
    entryIndex: core.entries.index,
    fusion,
    answerCoef: selection.calibrators.answer.coef,
    clarifyCoef: selection.calibrators.clarify.coef,
    thresholds,
    exactQuestions: exactQuestionIndex(texts),
    ...(negativeTexts.length > 0
      ? {
          negatives: buildNegativeIndex(
            core.vectorizer,
            negativeTexts.map((q) => extractFeatures(q, featureOptions)),
            [...negatives.values()],
          ),
        }
      : {}),
  };
  return new TrainedModel(data);
}

/** Normalized example question (or title) → its entry's index, or −1 when two entries share it. */
export function exactQuestionIndex(texts: string[][]): Record<string, number> {
  const index: Record<string, number> = Object.create(null);
  texts.forEach((phrasings, entry) => {
    for (const q of phrasings) {
      if (q === '') continue;
      index[q] = q in index && index[q] !== entry ? -1 : entry;
    }
  });
  return index;
}
