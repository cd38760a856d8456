import { describe, expect, it } from 'vitest';
import { byDay, daysInRange, histogramOf, percentile, rate } from './metric-math.js';

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

  it('turns counts below each bound into histogram buckets', () => {
    expect(histogramOf([2, 3, 4, 5, 5, 5, 6])).toEqual([2, 1, 1, 1, 0, 0, 1]);
  });
});
