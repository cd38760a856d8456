// Figures per policy: wait percentiles overall and per priority class, utilisation, own-group share.
import { PRIORITY_RANK, type PriorityClass } from '../../src/domain/queue-order.js';
import type { SimResult } from './simulator.js';

export interface WaitStats {
  count: number;
  p50: number;
  p90: number;
  max: number;
}

export interface PolicyFigures {
  overall: WaitStats;
  byClass: Record<PriorityClass, WaitStats>;
  /** Busy chat-slot time ÷ available chat-slot time, over the arrival window. */
  utilisation: number;
  /** Share of chats served by an agent of the topic's own skill group. */
  ownGroupShare: number;
  /** Minutes after the arrival window until the last waiting chat was taken. */
  drainMin: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function waitStats(waitsMs: readonly number[]): WaitStats {
  const sorted = [...waitsMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    max: sorted.at(-1) ?? NaN,
  };
}

export const CLASSES = (Object.keys(PRIORITY_RANK) as PriorityClass[]).sort(
  (a, b) => PRIORITY_RANK[b] - PRIORITY_RANK[a],
);

export function figures(result: SimResult, slots: number, windowMs: number): PolicyFigures {
  // Still-waiting chats count with the wait they had so far (censored), so nobody's starvation is hidden.
  const waits = [
    ...result.served.map((s) => ({ priority: s.priority, wait: s.startMs - s.arrivalMs })),
    ...result.waiting.map((w) => ({ priority: w.priority, wait: result.endMs - w.arrivalMs })),
  ];
  const byClass = Object.fromEntries(
    CLASSES.map((c) => [c, waitStats(waits.filter((w) => w.priority === c).map((w) => w.wait))]),
  ) as Record<PriorityClass, WaitStats>;
  const busy = result.served.reduce(
    (sum, s) => sum + Math.max(0, Math.min(s.endMs, windowMs) - Math.min(s.startMs, windowMs)),
    0,
  );
  const lastStart = result.served.reduce((m, s) => Math.max(m, s.startMs), 0);
  return {
    overall: waitStats(waits.map((w) => w.wait)),
    byClass,
    utilisation: busy / (slots * windowMs),
    ownGroupShare: result.served.filter((s) => s.ownGroup).length / Math.max(1, result.served.length),
    drainMin: Math.max(0, lastStart - windowMs) / 60_000,
  };
}
