import { describe, expect, it } from 'vitest';
import type { ConversationRecord, MessageRecord } from '../storage/ports.js';
import type { HandoffRecord } from '../storage/routing-ports.js';
import { DAY_MS, HOUR_MS, projectConversation } from './conversation-projection.js';

const T0 = Date.UTC(2026, 0, 1, 9, 30);
const conversation = (over: Partial<ConversationRecord> = {}): ConversationRecord => ({
  id: 'c1',
  tokenHash: 'x',
  status: 'bot',
  locale: 'zh-CN',
  care: false,
  customer: {},
  assignedAgentId: null,
  handoffReason: null,
  queuedAt: null,
  botMisses: 0,
  pendingClarify: null,
  priority: 'normal',
  skillGroup: null,
  frontOfQueue: false,
  assignedAt: null,
  channel: 'web',
  lastSeq: 0,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

let seq = 0;
const msg = (
  sender: MessageRecord['sender'],
  at: number,
  over: Partial<MessageRecord> = {},
): MessageRecord => ({
  id: `m${++seq}`,
  conversationId: 'c1',
  seq,
  sender,
  authorId: null,
  text: '你好',
  clientMessageId: null,
  inReplyTo: null,
  meta: null,
  createdAt: at,
  ...over,
});
const answer = (at: number, entryId: string) =>
  msg('bot', at, { inReplyTo: 'q', meta: { decision: 'answer', entryId } });
const decision = (at: number, d: string) => msg('bot', at, { inReplyTo: 'q', meta: { decision: d } });
const handoff = (queuedAt: number): HandoffRecord => ({
  id: 'h1',
  conversationId: 'c1',
  reason: 'anger',
  priority: 'normal',
  skillGroup: null,
  requestedAt: queuedAt,
  queuedAt,
  assignedAt: queuedAt + 5000,
  agentId: 'a',
  endedAt: null,
  outcome: 'assigned',
});
const categories: Record<string, string> = { refund: '售后' };
const project = (messages: MessageRecord[], handoffs: HandoffRecord[] = [], c = conversation()) =>
  projectConversation({ conversation: c, messages, handoffs }, (id) => categories[id]);

describe('projectConversation', () => {
  it('counts a bot-only answered conversation as self-served, with hourly counts and KB hits', () => {
    const greeting = msg('bot', T0, { meta: { kind: 'greeting' } });
    const p = project([
      greeting,
      msg('customer', T0 + 1000),
      answer(T0 + 1200, 'refund'),
      msg('customer', T0 + HOUR_MS),
      answer(T0 + HOUR_MS, 'refund'),
    ]);
    expect(p.facts).toMatchObject({
      customerMessages: 2,
      firstResponseMs: 200,
      botAnswers: 2,
      lastDecision: 'answer',
      handedOff: false,
      selfServed: true,
      firstCustomerAt: T0 + 1000,
      lastCustomerAt: T0 + HOUR_MS,
    });
    const hour = T0 - 30 * 60_000;
    expect(p.hourly).toEqual([
      { hour, customer: 1, bot: 2, agent: 0, system: 0, answers: 1, clarifies: 0, handoffs: 0 },
      {
        hour: hour + HOUR_MS,
        customer: 1,
        bot: 1,
        agent: 0,
        system: 0,
        answers: 1,
        clarifies: 0,
        handoffs: 0,
      },
    ]);
    expect(p.hits).toEqual([
      { hour, entryId: 'refund', category: '售后', hits: 1 },
      { hour: hour + HOUR_MS, entryId: 'refund', category: '售后', hits: 1 },
    ]);
  });

  it('is not self-service when the last reply was a clarification, or a person was involved', () => {
    expect(
      project([msg('customer', T0), answer(T0, 'x'), msg('customer', T0 + 1), decision(T0 + 1, 'clarify')])
        .facts,
    ).toMatchObject({
      botClarifies: 1,
      lastDecision: 'clarify',
      selfServed: false,
    });
    const withHandoff = project([msg('customer', T0), answer(T0, 'x')], [handoff(T0 + 10)]);
    expect(withHandoff.facts).toMatchObject({
      handedOff: true,
      firstHandoffReason: 'anger',
      selfServed: false,
    });
  });

  it('measures the agent response from the first queue entry, and sees a reopen within 24 h of a resolution', () => {
    const p = project(
      [
        msg('customer', T0),
        decision(T0 + 100, 'handoff'),
        msg('agent', T0 + 65_000),
        msg('system', T0 + 70_000, { meta: { event: 'resolved' } }),
        msg('customer', T0 + 70_000 + DAY_MS - 1),
      ],
      [handoff(T0 + 100)],
    );
    expect(p.facts).toMatchObject({
      firstResponseMs: 100,
      agentResponseMs: 64_900,
      agentMessages: 1,
      botHandoffs: 1,
      reopened: true,
    });
    const late = project([
      msg('system', T0, { meta: { event: 'resolved' } }),
      msg('customer', T0 + DAY_MS + 1),
    ]);
    expect(late.facts.reopened).toBe(false);
  });

  it('keys the customer by externalId, else phone; scores anger with the handoff lexicon', () => {
    const c = conversation({
      customer: { phone: '138 0013 8000', name: ' 王 ' },
      care: true,
      channel: 'app',
    });
    const p = project(
      [msg('customer', T0, { text: '气死我了！！！' }), msg('customer', T0 + 1, { text: '谢谢' })],
      [],
      c,
    );
    expect(p.facts).toMatchObject({
      customerKey: 'tel:13800138000',
      customerName: '王',
      care: true,
      channel: 'app',
      angerMax: 2,
      angryMessages: 1,
    });
    expect(
      project([], [], conversation({ customer: { externalId: 'u1', phone: '1' } })).facts.customerKey,
    ).toBe('ext:u1');
    expect(project([], [], conversation()).facts.customerKey).toBeNull();
  });
});
