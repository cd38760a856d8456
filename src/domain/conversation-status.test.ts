import { describe, expect, it } from 'vitest';
import { transition, type ConversationStatus, type StatusState } from './conversation-status.js';

const at = (status: ConversationStatus, assignedAgentId: string | null = null): StatusState => ({
  status,
  assignedAgentId,
});

describe('conversation status machine', () => {
  it('walks the happy path bot → queued → assigned → resolved → closed', () => {
    let state = at('bot');
    for (const event of [
      { type: 'handoff' },
      { type: 'assign', agentId: 'a1' },
      { type: 'resolve' },
      { type: 'close' },
    ] as const) {
      const result = transition(state, event);
      expect(result.ok).toBe(true);
      if (result.ok) state = result.state;
    }
    expect(state).toEqual({ status: 'closed', assignedAgentId: 'a1' });
  });

  it('reaches the queue in one step from bot and resolved, and keeps queued/assigned as they are', () => {
    for (const from of ['bot', 'resolved'] as const) {
      const result = transition(at(from), { type: 'handoff' });
      expect(result).toMatchObject({ ok: true, changed: true, state: { status: 'queued' } });
    }
    expect(transition(at('queued'), { type: 'handoff' })).toMatchObject({ ok: true, changed: false });
    expect(transition(at('assigned', 'a1'), { type: 'handoff' })).toMatchObject({
      ok: true,
      changed: false,
      state: { assignedAgentId: 'a1' },
    });
  });

  it('refuses impossible moves with a reason', () => {
    const cases: Array<[ConversationStatus, Parameters<typeof transition>[1]]> = [
      ['bot', { type: 'assign', agentId: 'a' }],
      ['closed', { type: 'handoff' }],
      ['queued', { type: 'close' }],
      ['bot', { type: 'requeue' }],
      ['bot', { type: 'reopen' }],
    ];
    for (const [from, event] of cases) {
      const result = transition(at(from), event);
      expect(result.ok, `${event.type} from ${from}`).toBe(false);
    }
  });

  it('reopens a finished conversation back to the bot, and requeues an assigned one', () => {
    expect(transition(at('closed', 'a1'), { type: 'reopen' })).toMatchObject({
      ok: true,
      state: { status: 'bot', assignedAgentId: null },
    });
    expect(transition(at('assigned', 'a1'), { type: 'requeue' })).toMatchObject({
      ok: true,
      state: { status: 'queued', assignedAgentId: null },
    });
  });
});
