// Chooses the calibrators and the answer/clarify thresholds from cross-validated predictions by
// maximizing the expected value of the bot's replies to the simulated traffic.
import { calibrate, fitCalibrator, type Calibrator } from './calibrator.js';
import type { CvRecord } from './cross-validation.js';
import { candidateCount, type Calibrators } from './decision-policy.js';
import { SIGNAL_COUNT } from './scoring.js';
import type { DecisionThresholds } from './types.js';

/**
 * Value of each outcome, relative to a right answer (+1) and a handoff (0). A wrong answer is the
 * costliest outcome (答非所问: the customer acts on it, then needs a human anyway); a clarification
 * that holds the right entry costs one extra click; one that does not is a detour to a human.
 */
export const OUTCOME_VALUE = { right: 1, wrong: -2, clarifyHit: 0.3, clarifyMiss: -0.3 } as const;

export interface Selection {
  calibrators: Calibrators;
  thresholds: DecisionThresholds;
}

/**
 * Used when the KB is too small to cross-validate (fewer than 3 entries or topics): with one or two
 * entries the softmax is sure of everything, so only absolute evidence counts — similarity to the
 * nearest example question and the share of known wording.
 */
function fallbackCalibrator(): Calibrator {
  const coef = new Float64Array(SIGNAL_COUNT + 1);
  coef[7] = 10; // cosine to the nearest example of the top entry
  coef[4] = 4; // coverage
  coef[SIGNAL_COUNT] = -8;
  return { coef };
}

export const FALLBACK: Selection = {
  calibrators: { answer: fallbackCalibrator(), clarify: fallbackCalibrator() },
  thresholds: { answer: 0.6, clarify: 0.5 },
};

/** Candidate thresholds: the distinct quantiles of the confidences seen. */
function grid(values: number[], steps = 60): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out = new Set<number>([0, 1.01]);
  for (let i = 0; i < steps; i++) out.add(sorted[Math.floor((i / steps) * (sorted.length - 1))]);
  return [...out].sort((a, b) => a - b);
}

export function selectThresholds(records: CvRecord[]): Selection {
  const inScope = records.filter((r) => !r.outOfScope).length;
  const outOfScope = records.length - inScope;
  if (inScope < 10 || outOfScope < 3) return FALLBACK;
  const xs = records.map((r) => r.signals);
  const ws = records.map((r) => r.weight);
  const offered = records.map((r) => candidateCount(r.topProbs));
  const right = records.map((r) => r.rank === 0);
  const hit = records.map((r, i) => r.rank >= 0 && r.rank < offered[i]);
  const calibrators: Calibrators = {
    answer: fitCalibrator(xs, right, ws),
    clarify: fitCalibrator(xs, hit, ws),
  };
  const conf = xs.map((x) => calibrate(calibrators.answer, x));
  const cover = xs.map((x) => calibrate(calibrators.clarify, x));
  // The answer threshold is chosen against handing off, not against clarifying: a clarification is
  // the fallback for questions the bot would not answer, never a reason to withhold an answer that is
  // more likely right than the cost of a wrong one (measured: letting clarifications compete held
  // back many right answers, e.g. half of the demo KB's covered questions were asked back).
  let answer = { value: -Infinity, threshold: 1.01 };
  for (const ta of grid(conf)) {
    let value = 0;
    for (let i = 0; i < records.length; i++)
      if (conf[i] >= ta) value += ws[i] * (right[i] ? OUTCOME_VALUE.right : OUTCOME_VALUE.wrong);
    if (value > answer.value) answer = { value, threshold: ta };
  }
  const rest = records.flatMap((_, i) => (conf[i] < answer.threshold && offered[i] >= 2 ? [i] : []));
  let clarify = { value: 0, threshold: 1.01 };
  for (const tc of grid(
    rest.map((i) => cover[i]),
    30,
  )) {
    let value = 0;
    for (const i of rest)
      if (cover[i] >= tc) value += ws[i] * (hit[i] ? OUTCOME_VALUE.clarifyHit : OUTCOME_VALUE.clarifyMiss);
    if (value > clarify.value) clarify = { value, threshold: tc };
  }
  const best = { answer: answer.threshold, clarify: clarify.threshold };
  return {
    calibrators,
    thresholds: { answer: Math.min(best.answer, 1), clarify: Math.min(best.clarify, 1) },
  };
}
