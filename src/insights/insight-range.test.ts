import { describe, expect, it } from 'vitest';
import { parseInsightRange } from './insight-range.js';

const NOW = Date.parse('2026-01-10T20:00:00Z'); // 04:00 on the 11th at +08:00

describe('parseInsightRange', () => {
  it('reads dates as whole local days, both ends included', () => {
    expect(parseInsightRange({ from: '2026-01-01', to: '2026-01-31' }, NOW)).toEqual({
      from: Date.parse('2025-12-31T16:00:00Z'),
      to: Date.parse('2026-01-31T16:00:00Z'),
      offsetMs: 8 * 3_600_000,
      channel: undefined,
    });
    expect(
      parseInsightRange({ from: '2026-01-01', to: '2026-01-01', utcOffset: 0, channel: 'app' }, NOW),
    ).toMatchObject({
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Date.parse('2026-01-02T00:00:00Z'),
      channel: 'app',
    });
  });

  it('defaults to the last 30 local days including today, and takes exact date-times', () => {
    const range = parseInsightRange({}, NOW);
    expect(range.to).toBe(Date.parse('2026-01-11T16:00:00Z'));
    expect(range.to - range.from).toBe(30 * 86_400_000);
    expect(parseInsightRange({ from: '2026-01-01T01:02:03Z', to: '2026-01-02T00:00:00Z' }, NOW).from).toBe(
      Date.parse('2026-01-01T01:02:03Z'),
    );
  });

  it('refuses bad input with BAD_REQUEST', () => {
    for (const q of [
      { from: 'yesterday' },
      { from: '2026-02-01', to: '2026-01-01' },
      { utcOffset: 330 },
      { from: '2020-01-01', to: '2026-01-01' },
    ]) {
      expect(() => parseInsightRange(q, NOW)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    }
  });
});
