import { describe, expect, it } from 'vitest';
import {
  initialComplaintState,
  transition,
  type ComplaintEvent,
  type ComplaintState,
  type ComplaintStatus,
} from './complaint-status.js';

const T = 1_767_225_600_000;
const at = (status: ComplaintStatus, extra: Partial<ComplaintState> = {}): ComplaintState => ({
  ...initialComplaintState(),
  status,
  ...extra,
});

function run(state: ComplaintState, steps: Array<[ComplaintEvent, number]>): ComplaintState {
  for (const [event, now] of steps) {
    const result = transition(state, event, now);
    if (!result.ok) throw new Error(result.reason);
    state = result.state;
  }
  return state;
}

describe('complaint status machine', () => {
  it('walks new → in_progress → waiting_customer → in_progress → resolved → closed', () => {
    const end = run(initialComplaintState(), [
      [{ type: 'start' }, T + 10],
      [{ type: 'wait_customer' }, T + 20],
      [{ type: 'resume' }, T + 50],
      [{ type: 'resolve' }, T + 60],
      [{ type: 'close' }, T + 70],
    ]);
    expect(end).toEqual({
      status: 'closed',
      assigneeId: null,
      firstResponseAt: T + 10,
      resolvedAt: T + 60,
      pausedMs: 30,
      pausedSince: null,
    });
  });

  it('refuses impossible moves with a reason and changes nothing', () => {
    const cases: Array<[ComplaintStatus, ComplaintEvent]> = [
      ['new', { type: 'close' }],
      ['new', { type: 'resume' }],
      ['new', { type: 'reopen' }],
      ['in_progress', { type: 'start' }],
      ['waiting_customer', { type: 'wait_customer' }],
      ['resolved', { type: 'resolve' }],
      ['closed', { type: 'assign', assigneeId: 'a' }],
      ['closed', { type: 'agent_reply' }],
      ['closed', { type: 'customer_reply' }],
    ];
    for (const [from, event] of cases) {
      const result = transition(at(from), event, T);
      expect(result.ok, `${event.type} from ${from}`).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^cannot /);
    }
  });

  it('stops the first-response clock at the first agent action only', () => {
    const replied = run(initialComplaintState(), [
      [{ type: 'assign', assigneeId: 'a1' }, T + 5],
      [{ type: 'customer_reply' }, T + 6],
    ]);
    expect(replied.firstResponseAt).toBeNull(); // assigning or the customer writing is no response
    const answered = run(replied, [
      [{ type: 'agent_reply' }, T + 7],
      [{ type: 'agent_reply' }, T + 9],
    ]);
    expect(answered).toMatchObject({ status: 'in_progress', firstResponseAt: T + 7, assigneeId: 'a1' });
  });

  it('pauses the resolution clock while waiting on the customer, and a customer reply resumes it', () => {
    const waiting = run(initialComplaintState(), [[{ type: 'wait_customer' }, T + 100]]);
    expect(waiting).toMatchObject({
      status: 'waiting_customer',
      pausedSince: T + 100,
      firstResponseAt: T + 100,
    });
    const back = run(waiting, [[{ type: 'customer_reply' }, T + 400]]);
    expect(back).toMatchObject({ status: 'in_progress', pausedSince: null, pausedMs: 300 });
  });

  it('resolving while waiting ends the pause; reopening does not count the resolved time', () => {
    const resolved = run(initialComplaintState(), [
      [{ type: 'wait_customer' }, T + 100],
      [{ type: 'resolve' }, T + 200],
    ]);
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedAt: T + 200,
      pausedMs: 100,
      pausedSince: null,
    });
    const reopened = run(resolved, [
      [{ type: 'close' }, T + 300],
      [{ type: 'reopen' }, T + 1200],
    ]);
    expect(reopened).toMatchObject({ status: 'in_progress', resolvedAt: null, pausedMs: 1100 });
  });

  it('reports whether anything changed', () => {
    expect(
      transition(at('in_progress', { firstResponseAt: T }), { type: 'agent_reply' }, T + 1),
    ).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(transition(at('in_progress'), { type: 'assign', assigneeId: 'x' }, T)).toMatchObject({
      ok: true,
      changed: true,
    });
  });
});
