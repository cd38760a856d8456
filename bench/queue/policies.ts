// The routing policies compared. (c) and (e) are the product's own pure functions — orderQueue from
// domain/queue-order and planAssignments/pickAgent from domain/routing — called exactly as the dispatcher
// calls them; (a), (b) and (d) are the same calls with one feature switched off.
import { orderQueue, type PriorityClass } from '../../src/domain/queue-order.js';

export interface Queued {
  id: string;
  priority: PriorityClass;
  queuedAt: number;
  group: string;
  front: boolean;
}

export interface Policy {
  key: string;
  label: string;
  order(queue: readonly Queued[], now: number): Queued[];
  /** Route to the topic's skill group (otherwise every agent may take every chat). */
  skills: boolean;
  /** With skills: after this long any group may take the chat (Infinity = never). */
  fallbackAfterMs: number;
}

const fifo = (queue: readonly Queued[]) =>
  [...queue].sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1));

export function policies(routing: { agingMs: number; skillFallbackMs: number }): Policy[] {
  const aged = (queue: readonly Queued[], now: number) => orderQueue(queue, now, routing.agingMs);
  const fallbackMin = Math.round(routing.skillFallbackMs / 60_000);
  return [
    { key: 'a', label: '(a) FIFO, any agent', order: fifo, skills: false, fallbackAfterMs: Infinity },
    {
      key: 'b',
      label: '(b) priority, no aging',
      // Aging switched off: a wait is worth nothing next to one priority class.
      order: (queue, now) => orderQueue(queue, now, Infinity),
      skills: false,
      fallbackAfterMs: Infinity,
    },
    {
      key: 'c',
      label: '(c) priority + aging (orderQueue)',
      order: aged,
      skills: false,
      fallbackAfterMs: Infinity,
    },
    {
      key: 'd',
      label: '(d) (c) + strict skill groups',
      order: aged,
      skills: true,
      fallbackAfterMs: Infinity,
    },
    {
      key: 'e',
      label: `(e) (c) + skills, fall-back after ${fallbackMin} min (routing.ts)`,
      order: aged,
      skills: true,
      fallbackAfterMs: routing.skillFallbackMs,
    },
  ];
}
