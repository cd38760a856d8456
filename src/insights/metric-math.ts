// Pure arithmetic of the dashboard: rates, percentiles, means, local days and duration histograms.
import type { Durations } from '../storage/ports.js';

/** num / den, or null when there is nothing to divide by (a rate of nothing is unknown, not 0). */
export const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** Nearest-rank percentile (p in (0, 100]) of the values; null when there are none. */
export const percentile = (values: readonly number[], p: number): number | null =>
  durationStats({ values: [...values] }, { bounds: [], percentiles: [p] }).percentiles[0];

export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const DAY_MS = 86_400_000;

/** The local calendar day ('YYYY-MM-DD') of t at a fixed UTC offset. */
export function dayKey(t: number, offsetMs: number): string {
  return new Date(t + offsetMs).toISOString().slice(0, 10);
}

/** Every local day that overlaps [from, to), in order. */
export function daysInRange(from: number, to: number, offsetMs: number): string[] {
  const days: string[] = [];
  const first = Math.floor((from + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  for (let t = first; t < to; t += DAY_MS) days.push(dayKey(t, offsetMs));
  return days;
}

/** Per-day rows (`dayStart` a local midnight) on every local day of the range, zeros included. */
export function byDay<K extends string>(
  rows: ReadonlyArray<{ dayStart: number } & Record<K, number>>,
  fields: readonly K[],
  from: number,
  to: number,
  offsetMs: number,
): Array<{ day: string } & Record<K, number>> {
  const days = new Map<string, Record<K, number>>();
  for (const day of daysInRange(from, to, offsetMs)) {
    days.set(day, Object.fromEntries(fields.map((f) => [f, 0])) as Record<K, number>);
  }
  for (const row of rows) {
    const totals = days.get(dayKey(row.dayStart, offsetMs));
    if (!totals) continue;
    for (const f of fields) totals[f] += row[f];
  }
  return [...days].map(([day, totals]) => ({ day, ...totals }));
}

/** Upper bounds (ms, exclusive) of the duration histogram's buckets; the last bucket is open-ended. */
export const DURATION_BUCKETS: ReadonlyArray<{ label: string; below: number }> = [
  { label: '<5s', below: 5_000 },
  { label: '5-30s', below: 30_000 },
  { label: '30s-1m', below: 60_000 },
  { label: '1-5m', below: 300_000 },
  { label: '5-15m', below: 900_000 },
  { label: '15-60m', below: 3_600_000 },
  { label: '>=60m', below: Number.POSITIVE_INFINITY },
];

/** What to compute of a set of durations: histogram bounds (ms) and nearest-rank percentiles (0–100]. */
export interface DurationSpec {
  bounds: readonly number[];
  percentiles: readonly number[];
}

/** What the dashboard computes of every set of durations: the histogram above, p50 and p90. */
export const DURATION_SPEC: DurationSpec = {
  bounds: DURATION_BUCKETS.map((b) => b.below),
  percentiles: [50, 90],
};

export interface DurationStats {
  count: number;
  sumMs: number;
  maxMs: number | null;
  /** How many are below each bound of the spec, in its order. */
  below: number[];
  /** Nearest-rank percentiles in the spec's order; null when there are none. */
  percentiles: Array<number | null>;
}

/**
 * Count, sum, maximum, histogram counts (bounds ascending) and nearest-rank percentiles of weighted
 * durations, in one pass over them in order: the p-th percentile of n is the first value whose running
 * count reaches ⌈p·n/100⌉. A value with count 0 (a rollup row taken back to nothing) counts for nothing.
 */
export function durationStats(d: Durations, spec: DurationSpec = DURATION_SPEC): DurationStats {
  const { values, counts } = d;
  const sorted = Float64Array.from(values).sort();
  // Each place of a value weighs 1; what its rows count beyond that is added to the value as a whole.
  const extra = new Map<number, number>();
  counts?.forEach((c, i) => {
    if (c !== 1) extra.set(values[i], (extra.get(values[i]) ?? 0) + c - 1);
  });
  let count = sorted.length;
  for (const e of extra.values()) count += e;
  const { bounds } = spec;
  const ranks = spec.percentiles.map((p) => Math.max(1, Math.ceil((p / 100) * count)));
  const below = bounds.map(() => 0);
  const percentiles: Array<number | null> = ranks.map(() => null);
  let running = 0;
  let sumMs = 0;
  let maxMs: number | null = null;
  let b = 0;
  for (let i = 0; i < sorted.length;) {
    // One distinct value at a time: its places, and its extra count.
    const v = sorted[i];
    const first = i;
    while (i < sorted.length && sorted[i] === v) i++;
    const w = i - first + (extra.get(v) ?? 0);
    if (w <= 0) continue;
    while (b < bounds.length && v >= bounds[b]) below[b++] = running;
    running += w;
    sumMs += v * w;
    maxMs = v;
    for (let j = 0; j < ranks.length; j++)
      if (percentiles[j] === null && running >= ranks[j]) percentiles[j] = v;
  }
  while (b < bounds.length) below[b++] = running;
  return { count, sumMs, maxMs, below, percentiles };
}

/** Bucket counts from the counts below each bound (DURATION_SPEC's bounds, in order). */
export function histogramOf(below: readonly number[]): number[] {
  return below.map((count, i) => count - (i === 0 ? 0 : below[i - 1]));
}
