// The trained answer model: plain serializable data (ModelData) plus decide(), which scores a
// message, applies the decision policy and explains itself with ranked candidates.
import type { ExampleIndex } from './example-index.js';
import { entryRetriever, type EntryIndex } from './entry-retrieval.js';
import type { FeatureOptions } from './features.js';
import { applyPolicy, refusedByNegative, type Calibrators, type PolicyOutcome } from './decision-policy.js';
import { negativeMatcher, type NegativeIndex } from './negative-index.js';
import { normalizeText, splitSentences } from './normalize-text.js';
import { matchedTerms, RANKED, scoreText, signalsOf, type Scored, type ScoringCore } from './scoring.js';
import type { AnswerModel, DecisionThresholds, EngineDecision, ScoredCandidate } from './types.js';
import { vectorizerFromKeys } from './vectorizer.js';

/** Everything a model is made of, as plain objects and typed arrays (structured-clone-able). */
export interface ModelData {
  format: 'zhida-answer-model';
  version: 3;
  entryIds: string[];
  featureOptions: FeatureOptions;
  featureKeys: string[];
  idf: Float32Array;
  unseenIdf: number;
  weights: Float32Array;
  bias: Float32Array;
  examples: ExampleIndex;
  entryIndex: EntryIndex;
  fusion: number;
  answerCoef: Float64Array;
  clarifyCoef: Float64Array;
  thresholds: DecisionThresholds;
  /** Normalized example questions and titles → entry index (−1 when shared by several entries). */
  exactQuestions: Record<string, number>;
  /** The KB's "must not answer" examples (absent: the KB has none, or an older model). */
  negatives?: NegativeIndex;
}

/** An exact example question is in scope and names its entry; only a typo'd duplicate could be wrong. */
const EXACT_MATCH_CONFIDENCE = 0.99;

/** A bare keyword: at most two Han characters and nothing else, or a single Latin word. */
export function isBareKeyword(normalized: string): boolean {
  const compact = normalized.replace(/\s+/g, ' ').trim();
  if (/^\p{Script=Han}{1,2}$/u.test(compact)) return true;
  return /^[a-z]+$/.test(compact);
}

/** A message this long (normalized characters) with several sentences is also scored sentence by sentence. */
const LONG_MESSAGE = 40;
/** Sentences scored on their own, counted from the end (the question usually follows the story). */
const LAST_SENTENCES = 3;

interface Evaluation {
  scored: Scored;
  outcome: PolicyOutcome;
  /** A must-not-answer example overruled the policy's answer or clarification. */
  vetoed?: boolean;
}

export class TrainedModel implements AnswerModel {
  readonly entryCount: number;
  readonly thresholds: DecisionThresholds;
  private readonly core: ScoringCore;
  private readonly calibrators: Calibrators;

  constructor(readonly data: ModelData) {
    this.entryCount = data.entryIds.length;
    this.thresholds = data.thresholds;
    const features = data.featureKeys.length;
    this.core = {
      vectorizer: vectorizerFromKeys(data.featureKeys, data.idf, data.unseenIdf),
      weights: { classes: this.entryCount, features, w: data.weights, bias: data.bias },
      featureOptions: data.featureOptions,
      examples: data.examples,
      entries: entryRetriever(data.entryIndex),
      fusion: data.fusion,
      negatives: data.negatives ? negativeMatcher(data.negatives) : undefined,
    };
    this.calibrators = { answer: { coef: data.answerCoef }, clarify: { coef: data.clarifyCoef } };
  }

  decide(text: string): EngineDecision {
    const input = typeof text === 'string' ? text : '';
    const normalized = normalizeText(input);
    if (this.entryCount === 0) {
      return {
        decision: 'handoff',
        reason: 'out-of-scope',
        entryId: null,
        candidates: [],
        top: null,
        confidence: 0,
        ranked: [],
      };
    }
    if (normalized === '') {
      const scored = scoreText(this.core, '');
      return this.explain({
        scored,
        outcome: { decision: 'handoff', reason: 'empty-input', confidence: 0, offered: 0 },
      });
    }
    // The business's own example question is answered by its entry, whatever else the KB holds: a
    // KB change must never turn a question the business wrote down into a clarification.
    const exact = this.data.exactQuestions[normalized];
    if (exact !== undefined && exact >= 0) return this.explain(this.exactMatch(normalized, exact));
    let best = this.evaluate(normalized);
    // A long message answered confidently as a whole needs no second look at its sentences.
    if (normalized.length >= LONG_MESSAGE && best.outcome.decision !== 'answer') {
      const sentences = splitSentences(input);
      if (sentences.length > 1) {
        for (const sentence of sentences.slice(-LAST_SENTENCES)) {
          const part = normalizeText(sentence);
          if (part === '' || part === normalized) continue;
          const e = this.evaluate(part);
          if (e.outcome.confidence > best.outcome.confidence) best = e;
        }
      }
    }
    if (best.outcome.decision === 'answer' && isBareKeyword(normalized) && this.entryCount > 1) {
      // One or two characters (or one word) name a topic, not a question: "发票" may mean issuing,
      // receiving or reissuing one. Ask back with the closest entries instead of guessing.
      best = {
        ...best,
        outcome: {
          ...best.outcome,
          decision: 'clarify',
          reason: 'ambiguous',
          offered: Math.min(3, this.entryCount),
        },
      };
    }
    return this.explain(best);
  }

  private exactMatch(normalized: string, entry: number): Evaluation {
    const evaluation = this.evaluate(normalized);
    const order = [entry, ...evaluation.scored.order.filter((c) => c !== entry)].slice(
      0,
      evaluation.scored.order.length,
    );
    const confidence = Math.max(evaluation.outcome.confidence, EXACT_MATCH_CONFIDENCE);
    return {
      scored: { ...evaluation.scored, order },
      outcome: { decision: 'answer', reason: 'confident', confidence, offered: 0 },
    };
  }

  private evaluate(normalized: string): Evaluation {
    const scored = scoreText(this.core, normalized);
    const topProbs = scored.order.slice(0, 3).map((c) => scored.probs[c]);
    const outcome = applyPolicy(signalsOf(scored), topProbs, this.calibrators, this.thresholds);
    // The entry's nearest example, on the same all-features scale as the must-not-answer examples.
    const nearestExample = (scored.nearest[0] ?? 0) * scored.knownShare;
    const final = refusedByNegative(outcome, scored.nearestNegative, nearestExample);
    return { scored, outcome: final, vetoed: final !== outcome };
  }

  private explain({ scored, outcome, vetoed }: Evaluation): EngineDecision {
    const ids = this.data.entryIds;
    const p0 = scored.probs[scored.order[0]] || 1;
    const ranked: ScoredCandidate[] = scored.order.slice(0, RANKED).map((c, i) => ({
      entryId: ids[c],
      // Only the top entry is calibrated directly; the others are scaled by their probability ratio.
      confidence:
        i === 0
          ? outcome.confidence
          : Math.min(outcome.confidence, (outcome.confidence * scored.probs[c]) / p0),
      score: scored.rawLogits[c],
      matchedTerms: matchedTerms(this.core, scored, c),
    }));
    const top = ids[scored.order[0]];
    return {
      decision: outcome.decision,
      reason: outcome.reason,
      entryId: outcome.decision === 'answer' ? top : null,
      candidates:
        outcome.decision === 'clarify' ? scored.order.slice(0, outcome.offered).map((c) => ids[c]) : [],
      top,
      confidence: outcome.confidence,
      ranked,
      ...(vetoed && this.data.negatives
        ? {
            mustNotAnswer: {
              example: this.data.negatives.texts[scored.nearestNegativeExample] ?? '',
              similarity: scored.nearestNegative,
            },
          }
        : {}),
    };
  }
}
