import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderQueue, priorityClassOf } from './queue-order.js';
import { estimateWaitMs, pickAgent, planAssignments, type AgentLoad } from './routing.js';

const agent = (id: string, over: Partial<AgentLoad> = {}): AgentLoad => ({
  id,
  presence: 'online',
  capacity: 3,
  active: 0,
  groups: [],
  idleSince: 0,
  ...over,
});
const options = { fallbackAfterMs: 60_000 };

describe('queue order', () => {
  it('serves care, then urgent, then VIP, then normal, with aging so nobody starves', () => {
    const now = 1_000_000;
    const entries = [
      { id: 'normal-old', priority: 'normal' as const, queuedAt: now - 10_000, front: false },
      { id: 'vip', priority: 'vip' as const, queuedAt: now - 1_000, front: false },
      { id: 'care', priority: 'care' as const, queuedAt: now, front: false },
      { id: 'urgent', priority: 'urgent' as const, queuedAt: now, front: false },
    ];
    expect(orderQueue(entries, now, 300_000).map((e) => e.id)).toEqual([
      'care',
      'urgent',
      'vip',
      'normal-old',
    ]);
    // Waiting four aging periods lifts a normal customer above a care-mode one who just arrived.
    const later = now + 1_200_000;
    const withNewcomer = [
      entries[0],
      { id: 'care-new', priority: 'care' as const, queuedAt: later, front: false },
    ];
    expect(orderQueue(withNewcomer, later, 300_000).map((e) => e.id)).toEqual(['normal-old', 'care-new']);
  });

  it('puts conversations re-queued by an agent going offline at the very front', () => {
    const entries = [
      { id: 'care', priority: 'care' as const, queuedAt: 0, front: false },
      { id: 'requeued', priority: 'normal' as const, queuedAt: 50, front: true },
    ];
    expect(orderQueue(entries, 100, 1000)[0].id).toBe('requeued');
  });

  it('classifies priority from care mode, the handoff reason and VIP status', () => {
    expect(priorityClassOf({ care: true, handoffReason: 'button', vip: false }, true)).toBe('care');
    expect(priorityClassOf({ care: true, handoffReason: 'button', vip: false }, false)).toBe('normal');
    expect(priorityClassOf({ care: false, handoffReason: 'anger', vip: true }, true)).toBe('urgent');
    expect(priorityClassOf({ care: false, handoffReason: 'button', vip: true }, true)).toBe('vip');
  });
});

describe('routing', () => {
  it('gives the chat to the agent of its skill group with the fewest chats, then the longest idle', () => {
    const agents = [
      agent('pay', { groups: ['支付'], active: 0 }),
      agent('after-a', { groups: ['售后'], active: 1, idleSince: 5 }),
      agent('after-b', { groups: ['售后'], active: 1, idleSince: 2 }),
    ];
    expect(pickAgent({ id: 'c', group: '售后', queuedAt: 0 }, agents, 1000, options)?.id).toBe('after-b');
  });

  it('falls back to any group after the configured wait, and never to an away or full agent', () => {
    const agents = [
      agent('pay', { groups: ['支付'] }),
      agent('away', { presence: 'away' }),
      agent('full', { active: 3 }),
    ];
    expect(pickAgent({ id: 'c', group: '售后', queuedAt: 0 }, agents, 1_000, options)).toBeNull();
    expect(pickAgent({ id: 'c', group: '售后', queuedAt: 0 }, agents, 61_000, options)?.id).toBe('pay');
  });

  it('never plans beyond capacity, only for online agents, and each chat at most once', () => {
    const agentArb = fc.record({
      id: fc.uuid(),
      presence: fc.constantFrom('online', 'away', 'offline') as fc.Arbitrary<AgentLoad['presence']>,
      capacity: fc.integer({ min: 1, max: 5 }),
      active: fc.integer({ min: 0, max: 5 }),
      groups: fc.subarray(['售后', '物流', '支付']),
      idleSince: fc.nat(1000),
    });
    const waitingArb = fc.record({
      id: fc.uuid(),
      group: fc.option(fc.constantFrom('售后', '物流', '支付'), { nil: null }),
      queuedAt: fc.nat(100_000),
    });
    fc.assert(
      fc.property(
        fc.array(agentArb, { maxLength: 8 }),
        fc.array(waitingArb, { maxLength: 40 }),
        (agents, queue) => {
          const plan = planAssignments(queue, agents, 100_000, options);
          expect(new Set(plan.map((p) => p.conversationId)).size).toBe(plan.length);
          for (const a of agents) {
            const given = plan.filter((p) => p.agentId === a.id).length;
            if (given > 0) expect(a.presence).toBe('online');
            expect(a.active + given).toBeLessThanOrEqual(Math.max(a.capacity, a.active));
          }
        },
      ),
    );
  });

  it('estimates the wait from position, free slots and handle time', () => {
    const agents = [agent('a', { capacity: 2, active: 2 }), agent('b', { capacity: 2, active: 1 })];
    expect(estimateWaitMs(1, agents, 300_000)).toBe(0);
    expect(estimateWaitMs(5, agents, 300_000)).toBe(300_000);
    expect(estimateWaitMs(1, [agent('x', { presence: 'offline' })], 300_000)).toBeNull();
  });
});
