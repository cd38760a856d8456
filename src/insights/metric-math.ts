// Pure arithmetic of the dashboard: rates, percentiles, means, local days and duration histograms.

/** num / den, or null when there is nothing to divide by (a rate of nothing is unknown, not 0). */
export const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** Nearest-rank percentile (p in (0, 100]) of the values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

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

/** What the dashboard computes of every set of durations: the histogram above, p50 and p90. */
export const DURATION_SPEC = {
  bounds: DURATION_BUCKETS.map((b) => b.below),
  percentiles: [50, 90],
} as const;

/** Bucket counts from the counts below each bound (DURATION_SPEC's bounds, in order). */
export function histogramOf(below: readonly number[]): number[] {
  return below.map((count, i) => count - (i === 0 ? 0 : below[i - 1]));
}
