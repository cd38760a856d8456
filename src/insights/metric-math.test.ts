import { describe, expect, it } from 'vitest';
import { byDay, daysInRange, durationStats, histogramOf, percentile, rate } from './metric-math.js';

const H = 3_600_000;
const OFFSET = 8 * H;
const midnight = Date.UTC(2026, 0, 1) - OFFSET; // 2026-01-01 00:00 at +08:00

describe('metric math', () => {
  it('takes nearest-rank percentiles and refuses to divide by nothing', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
  });

  it('lays per-day rows on every local day of the range, zeros included', () => {
    expect(daysInRange(midnight, midnight + 48 * H, OFFSET)).toEqual(['2026-01-01', '2026-01-02']);
    const rows = [
      { dayStart: midnight, n: 3 },
      { dayStart: midnight + 24 * H, n: 5 },
      { dayStart: midnight + 96 * H, n: 7 }, // outside the range
    ];
    expect(byDay(rows, ['n'], midnight, midnight + 72 * H, OFFSET)).toEqual([
      { day: '2026-01-01', n: 3 },
      { day: '2026-01-02', n: 5 },
      { day: '2026-01-03', n: 0 },
    ]);
  });

  it('sums up weighted durations: count, sum, maximum, counts below bounds, nearest-rank percentiles', () => {
    // Sorted: 1000 2000 2000 3000 4000 5000 6000 7000 8000 10000; p of n is the ⌈p·n/100⌉-th.
    const spec = { bounds: [2000, 2001, 9000], percentiles: [10, 20, 30, 50, 90, 91, 100] };
    const expected = {
      count: 10,
      sumMs: 48_000,
      maxMs: 10_000,
      below: [1, 3, 9],
      percentiles: [1000, 2000, 2000, 4000, 8000, 10_000, 10_000],
    };
    const waits = [3000, 1000, 2000, 2000, 10_000, 4000, 5000, 6000, 7000, 8000];
    expect(durationStats({ values: waits }, spec)).toEqual(expected);
    // The same as values with counts, in any order.
    const counted = {
      values: [2000, 10_000, 1000, 3000, 4000, 5000, 6000, 7000, 8000],
      counts: [2, 1, 1, 1, 1, 1, 1, 1, 1],
    };
    expect(durationStats(counted, spec)).toEqual(expected);
    // A value whose rows count 0 in all counts for nothing, not even as the maximum.
    expect(durationStats({ values: [5, 9, 9], counts: [2, 0, 0] }, spec)).toMatchObject({
      count: 2,
      sumMs: 10,
      maxMs: 5,
    });
    expect(durationStats({ values: [] }, spec)).toEqual({
      count: 0,
      sumMs: 0,
      maxMs: null,
      below: [0, 0, 0],
      percentiles: [null, null, null, null, null, null, null],
    });
  });

  it('turns counts below each bound into histogram buckets', () => {
    expect(histogramOf([2, 3, 4, 5, 5, 5, 6])).toEqual([2, 1, 1, 1, 0, 0, 1]);
  });
});
