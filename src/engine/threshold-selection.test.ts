import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrator.js';
import type { CvRecord } from './cross-validation.js';
import { SIGNAL_COUNT } from './scoring.js';
import { BREAK_EVEN, FALLBACK, OUTCOME_VALUE, selectThresholds } from './threshold-selection.js';

const signals = (level: number): number[] =>
  Array.from({ length: SIGNAL_COUNT }, (_, i) => (i === 0 ? level : 0));
const rec = (level: number, rank: number): CvRecord => ({
  signals: signals(level),
  rank,
  topProbs: [0.5, 0.4, 0.1],
  outOfScope: rank < 0,
  weight: rank < 0 ? 0.2 : 1,
});

// Simulated traffic: at level 2 the top entry is right 7 times in 10 (the runner-up otherwise, so a
// clarification would nearly always hold it); at level 0 it is right 1 time in 5; level -2 is not covered.
const records: CvRecord[] = [];
for (let k = 0; k < 40; k++) {
  records.push(rec(2, k % 10 < 3 ? 1 : 0), rec(0, k % 5 === 0 ? 0 : 1), rec(-2, -1));
}

describe('selectThresholds', () => {
  const { calibrators, thresholds } = selectThresholds(records);
  const conf = (level: number) => calibrate(calibrators.answer, signals(level));

  it('answers what is more likely right than a wrong answer costs, even when a clarification would hit', () => {
    expect(conf(2)).toBeGreaterThanOrEqual(thresholds.answer);
  });

  it('does not answer likely-wrong or uncovered questions', () => {
    expect(conf(0)).toBeLessThan(thresholds.answer);
    expect(conf(-2)).toBeLessThan(thresholds.answer);
  });

  it('puts the thresholds where answering (or asking back) starts to be worth more than a handoff', () => {
    expect(thresholds).toStrictEqual(BREAK_EVEN);
    const p = thresholds.answer;
    expect(p * OUTCOME_VALUE.right + (1 - p) * OUTCOME_VALUE.wrong).toBeCloseTo(0, 9);
    const q = thresholds.clarify;
    expect(q * OUTCOME_VALUE.clarifyHit + (1 - q) * OUTCOME_VALUE.clarifyMiss).toBeCloseTo(0, 9);
  });

  it('falls back to fixed thresholds when the KB is too small to cross-validate', () => {
    expect(selectThresholds(records.slice(0, 6))).toBe(FALLBACK);
  });
});
