// The one complaint status machine (DESIGN convention 2): every status change of a complaint ticket goes
// through transition(), which also keeps the SLA bookkeeping (first response, pauses, resolution) so that
// the clocks in sla.ts can be computed from the ticket alone.
//
//   new → in_progress (start, or the first agent reply) ⇄ waiting_customer (wait_customer / resume, or a
//   customer reply) → resolved (resolve, from any open status) → closed (close); reopen from resolved or
//   closed goes back to in_progress. Assigning and replying change no status except as said.

export type ComplaintStatus = 'new' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed';

export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = [
  'new',
  'in_progress',
  'waiting_customer',
  'resolved',
  'closed',
];

/** Tickets whose resolution is still owed. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['new', 'in_progress', 'waiting_customer'];

/** The events an agent may send by name (POST …/transition {event}). */
export const COMPLAINT_TRANSITIONS = [
  'start',
  'wait_customer',
  'resume',
  'resolve',
  'close',
  'reopen',
] as const;
export type ComplaintTransitionName = (typeof COMPLAINT_TRANSITIONS)[number];

export type ComplaintEvent =
  | { type: ComplaintTransitionName }
  | { type: 'assign'; assigneeId: string | null }
  /** An agent wrote to the customer: stops the first-response clock, and starts work on a new ticket. */
  | { type: 'agent_reply' }
  /** The customer wrote: a ticket waiting on them goes back to work. */
  | { type: 'customer_reply' };

export interface ComplaintState {
  status: ComplaintStatus;
  assigneeId: string | null;
  /** When an agent first acted for the customer (null: the first-response clock still runs). */
  firstResponseAt: number | null;
  /** Set while resolved or closed: the resolution clock stopped here. */
  resolvedAt: number | null;
  /** Total time the resolution clock stood still (waiting on the customer, or resolved before a reopen). */
  pausedMs: number;
  /** Set while waiting on the customer: the resolution clock stands still since then. */
  pausedSince: number | null;
}

export type ComplaintTransitionResult =
  { ok: true; state: ComplaintState; changed: boolean } | { ok: false; reason: string };

// Events by which an agent visibly acts for the customer: the first of them is the "first response".
const AGENT_RESPONSES = new Set<ComplaintEvent['type']>(['start', 'wait_customer', 'resolve', 'agent_reply']);

export function transition(
  state: ComplaintState,
  event: ComplaintEvent,
  now: number,
): ComplaintTransitionResult {
  const { status } = state;
  const fail = (): ComplaintTransitionResult => ({
    ok: false,
    reason: `cannot ${event.type.replace('_', ' ')} a complaint that is ${status.replace('_', ' ')}`,
  });
  const responded =
    AGENT_RESPONSES.has(event.type) && state.firstResponseAt === null ? now : state.firstResponseAt;
  const base: ComplaintState = { ...state, firstResponseAt: responded };
  // Ends a pause of the resolution clock (waiting on the customer) by adding it to pausedMs.
  const unpaused = (s: ComplaintState): ComplaintState =>
    s.pausedSince === null
      ? s
      : { ...s, pausedMs: s.pausedMs + Math.max(0, now - s.pausedSince), pausedSince: null };
  const to = (next: ComplaintState): ComplaintTransitionResult => ({
    ok: true,
    state: next,
    changed: (Object.keys(next) as (keyof ComplaintState)[]).some((k) => next[k] !== state[k]),
  });

  switch (event.type) {
    case 'start':
      if (status === 'new') return to({ ...base, status: 'in_progress' });
      return fail();
    case 'wait_customer':
      if (status === 'new' || status === 'in_progress')
        return to({ ...base, status: 'waiting_customer', pausedSince: now });
      return fail();
    case 'resume':
      if (status === 'waiting_customer') return to({ ...unpaused(base), status: 'in_progress' });
      return fail();
    case 'resolve':
      if (status === 'new' || status === 'in_progress' || status === 'waiting_customer')
        return to({ ...unpaused(base), status: 'resolved', resolvedAt: now });
      return fail();
    case 'close':
      if (status === 'resolved') return to({ ...base, status: 'closed' });
      return fail();
    case 'reopen':
      // The time it stood resolved does not count against the business; the clock runs on from there.
      if (status === 'resolved' || status === 'closed') {
        const pausedMs = base.pausedMs + Math.max(0, now - (base.resolvedAt ?? now));
        return to({ ...base, status: 'in_progress', resolvedAt: null, pausedMs });
      }
      return fail();
    case 'assign':
      if (status === 'closed') return fail();
      return to({ ...base, assigneeId: event.assigneeId });
    case 'agent_reply':
      if (status === 'closed') return fail();
      return to(status === 'new' ? { ...base, status: 'in_progress' } : base);
    case 'customer_reply':
      if (status === 'closed') return fail();
      return to(status === 'waiting_customer' ? { ...unpaused(base), status: 'in_progress' } : base);
  }
}

/** A freshly opened ticket. */
export const initialComplaintState = (assigneeId: string | null = null): ComplaintState => ({
  status: 'new',
  assigneeId,
  firstResponseAt: null,
  resolvedAt: null,
  pausedMs: 0,
  pausedSince: null,
});
