// Queue order: priority classes with aging, so urgent customers go first and nobody starves.
// Pure: the caller passes `now`.

export type PriorityClass = 'care' | 'urgent' | 'vip' | 'normal';

/** Higher goes first. One class is worth `agingMs` of waiting: after that long, a normal customer
 * overtakes a newly arrived one of the next class up. */
export const PRIORITY_RANK: Readonly<Record<PriorityClass, number>> = Object.freeze({
  care: 3,
  urgent: 2,
  vip: 1,
  normal: 0,
});

const URGENT_REASONS = new Set(['anger', 'legal-threat', 'complaint', 'sensitive']);

export function priorityClassOf(
  input: { care: boolean; handoffReason: string | null; vip: boolean },
  careHasPriority: boolean,
): PriorityClass {
  if (input.care && careHasPriority) return 'care';
  if (input.handoffReason && URGENT_REASONS.has(input.handoffReason)) return 'urgent';
  if (input.vip) return 'vip';
  return 'normal';
}

export interface QueueEntry {
  id: string;
  priority: PriorityClass;
  queuedAt: number;
  /** Put back by an agent who went offline: served before everyone else. */
  front: boolean;
}

export function queueScore(entry: QueueEntry, now: number, agingMs: number): number {
  return PRIORITY_RANK[entry.priority] + Math.max(0, now - entry.queuedAt) / agingMs;
}

/** Front-of-queue first, then by aged priority score, then first come first served. */
export function orderQueue<T extends QueueEntry>(entries: readonly T[], now: number, agingMs: number): T[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.front) - Number(a.front) ||
      queueScore(b, now, agingMs) - queueScore(a, now, agingMs) ||
      a.queuedAt - b.queuedAt ||
      (a.id < b.id ? -1 : 1),
  );
}
