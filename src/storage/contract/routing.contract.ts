// Contract: the conversation's queue fields, AgentStateRepository and HandoffRepository.
import { describe, expect, it } from 'vitest';
import type { AgentStateRecord, HandoffRecord } from '../routing-ports.js';
import { newConversation, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

const agent = (overrides: Partial<AgentStateRecord> = {}): AgentStateRecord => ({
  userId: uid('agent'),
  presence: 'online',
  capacity: 3,
  groups: ['售后', '物流'],
  lastSeenAt: T0,
  idleSince: T0,
  ...overrides,
});

const handoff = (conversationId: string, overrides: Partial<HandoffRecord> = {}): HandoffRecord => ({
  id: uid('handoff'),
  conversationId,
  reason: 'customer-request',
  priority: 'normal',
  skillGroup: null,
  requestedAt: T0,
  queuedAt: T0,
  assignedAt: null,
  agentId: null,
  endedAt: null,
  outcome: null,
  ...overrides,
});

export function routingCases(open: OpenStorage): void {
  describe('conversation queue fields', () => {
    const storage = useStorage(open);

    it('default to normal priority, no skill group, not front of queue, not assigned', async () => {
      const input = newConversation();
      delete input.priority;
      delete input.skillGroup;
      delete input.frontOfQueue;
      delete input.assignedAt;
      const defaults = { priority: 'normal', skillGroup: null, frontOfQueue: false, assignedAt: null };
      const expected = { ...input, ...defaults, lastSeq: 0, updatedAt: input.createdAt };
      expect(await storage().conversations.create(input)).toStrictEqual(expected);
      expect(await storage().conversations.get(input.id)).toStrictEqual(expected);
    });

    it('round-trip when given at creation', async () => {
      const input = newConversation({
        status: 'assigned',
        priority: 'care',
        skillGroup: '售后·退款',
        frontOfQueue: true,
        assignedAt: T0 + 9,
      });
      const expected = { ...input, lastSeq: 0, updatedAt: input.createdAt };
      expect(await storage().conversations.create(input)).toStrictEqual(expected);
      expect(await storage().conversations.get(input.id)).toStrictEqual(expected);
    });

    it('are patched like every other field (null clears, absent leaves as is)', async () => {
      const input = newConversation({ status: 'queued', queuedAt: T0 });
      await storage().conversations.create(input);
      const set = { priority: 'urgent', skillGroup: '物流', frontOfQueue: true, assignedAt: T0 + 7 } as const;
      const updated = await storage().conversations.update(input.id, set, T0 + 10);
      expect(updated).toStrictEqual({ ...input, ...set, lastSeq: 0, updatedAt: T0 + 10 });
      expect(await storage().conversations.get(input.id)).toStrictEqual(updated);

      const cleared = await storage().conversations.update(
        input.id,
        { skillGroup: null, frontOfQueue: false, assignedAt: null },
        T0 + 20,
      );
      expect(cleared).toStrictEqual({
        ...input,
        priority: 'urgent',
        skillGroup: null,
        frontOfQueue: false,
        assignedAt: null,
        lastSeq: 0,
        updatedAt: T0 + 20,
      });
      expect(await storage().conversations.get(input.id)).toStrictEqual(cleared);
    });
  });

  describe('agent states', () => {
    const storage = useStorage(open);
    const states = () => storage().agentStates;

    it('get returns null for an unknown agent; put then get round-trips exactly', async () => {
      expect(await states().get(uid('nobody'))).toBeNull();
      const state = agent({ presence: 'away', capacity: 5, lastSeenAt: T0 + 1, idleSince: T0 + 2 });
      await expect(states().put(state)).resolves.toBeUndefined();
      expect(await states().get(state.userId)).toStrictEqual(state);
    });

    it('put replaces the whole record', async () => {
      const state = agent();
      await states().put(state);
      const next = {
        ...state,
        presence: 'offline' as const,
        capacity: 1,
        groups: [],
        lastSeenAt: T0 + 60_000,
      };
      await states().put(next);
      expect(await states().get(state.userId)).toStrictEqual(next);
      expect((await states().list()).filter((s) => s.userId === state.userId)).toHaveLength(1);
    });

    it('list returns every agent', async () => {
      const mine = [agent(), agent({ groups: [] }), agent({ presence: 'offline' })];
      for (const s of mine) await states().put(s);
      const all = await states().list();
      for (const s of mine) expect(all).toContainEqual(s);
    });

    it('listStale: online or away agents whose last heartbeat is older than `before`', async () => {
      const before = T0 + 1_000_000;
      const stale = [
        agent({ presence: 'online', lastSeenAt: before - 1 }),
        agent({ presence: 'away', lastSeenAt: before - 500 }),
      ];
      const fresh = [
        agent({ presence: 'online', lastSeenAt: before }),
        agent({ presence: 'away', lastSeenAt: before + 1 }),
        agent({ presence: 'offline', lastSeenAt: before - 1000 }),
      ];
      for (const s of [...stale, ...fresh]) await states().put(s);
      const ids = new Set([...stale, ...fresh].map((s) => s.userId));
      const found = (await states().listStale(before)).filter((s) => ids.has(s.userId));
      expect(found).toHaveLength(stale.length);
      for (const s of stale) expect(found).toContainEqual(s);
    });
  });

  describe('handoffs', () => {
    const storage = useStorage(open);
    const handoffs = () => storage().handoffs;
    const conversation = async () => (await storage().conversations.create(newConversation())).id;

    it('create returns the record; open finds it; every field round-trips', async () => {
      const c = await conversation();
      const h = handoff(c, {
        reason: '投诉-升级',
        priority: 'urgent',
        skillGroup: '售后',
        requestedAt: T0 + 1,
        queuedAt: T0 + 2,
        assignedAt: T0 + 3,
        agentId: '客服-小王',
      });
      expect(await handoffs().create(h)).toStrictEqual(h);
      expect(await handoffs().open(c)).toStrictEqual(h);
    });

    it('open: the latest handoff that has not ended, or null', async () => {
      const c = await conversation();
      expect(await handoffs().open(c)).toBeNull();
      const first = handoff(c, { queuedAt: T0 + 10, endedAt: T0 + 20, outcome: 'requeued' });
      const older = handoff(c, { queuedAt: T0 + 15 });
      const latest = handoff(c, { queuedAt: T0 + 30 });
      for (const h of [first, latest, older]) await handoffs().create(h);
      expect(await handoffs().open(c)).toStrictEqual(latest);
      await handoffs().update(latest.id, { endedAt: T0 + 40, outcome: 'abandoned' });
      expect(await handoffs().open(c)).toStrictEqual(older);
      await handoffs().update(older.id, { endedAt: T0 + 41, outcome: 'abandoned' });
      expect(await handoffs().open(c)).toBeNull();
      expect(await handoffs().open(uid('missing'))).toBeNull();
    });

    it('update applies only the given fields and returns the record; an unknown id returns null', async () => {
      const c = await conversation();
      const h = await handoffs().create(handoff(c, { skillGroup: '物流' }));
      const assigned = await handoffs().update(h.id, { assignedAt: T0 + 5, agentId: 'a1' });
      expect(assigned).toStrictEqual({ ...h, assignedAt: T0 + 5, agentId: 'a1' });
      const ended = await handoffs().update(h.id, { endedAt: T0 + 9, outcome: 'resolved' });
      expect(ended).toStrictEqual({
        ...h,
        assignedAt: T0 + 5,
        agentId: 'a1',
        endedAt: T0 + 9,
        outcome: 'resolved',
      });
      expect(await handoffs().update(h.id, { agentId: null })).toMatchObject({
        agentId: null,
        endedAt: T0 + 9,
      });
      expect(await handoffs().update(h.id, {})).toMatchObject({ id: h.id, agentId: null });
      expect(await handoffs().update(uid('missing'), { agentId: 'a1' })).toBeNull();
      expect(await handoffs().update(uid('missing'), {})).toBeNull();
    });

    it('create for an unknown conversation fails', async () => {
      await expect(handoffs().create(handoff(uid('missing')))).rejects.toThrow();
    });

    it('listQueuedBetween: queued in [from, to), oldest first, at most limit', async () => {
      const c = await conversation();
      const from = T0 + 50_000_000;
      const to = from + 1000;
      const at = (queuedAt: number) => handoff(c, { queuedAt, endedAt: queuedAt + 1, outcome: 'abandoned' });
      const [first, second, last] = [at(from), at(from + 5), at(to - 1)];
      const inside = [first, second, last];
      for (const h of [at(to), last, at(from - 1), first, second]) await handoffs().create(h);
      expect(await handoffs().listQueuedBetween(from, to, 10)).toStrictEqual(inside);
      expect(await handoffs().listQueuedBetween(from, to, 2)).toStrictEqual(inside.slice(0, 2));
      expect(await handoffs().listQueuedBetween(to + 10, to + 20, 10)).toEqual([]);
    });
  });

  describe('handoff handle times', () => {
    const storage = useStorage(open);

    it('recentHandleTimes: endedAt − assignedAt of handoffs resolved by an agent, latest first', async () => {
      expect(await storage().handoffs.recentHandleTimes(10)).toEqual([]);
      const c = (await storage().conversations.create(newConversation())).id;
      const done = (assignedAt: number, endedAt: number, overrides: Partial<HandoffRecord> = {}) =>
        storage().handoffs.create(
          handoff(c, { assignedAt, agentId: 'a1', endedAt, outcome: 'resolved', ...overrides }),
        );
      await done(T0 + 100, T0 + 400); // 300, ended second
      await done(T0 + 1000, T0 + 1050); // 50, ended last
      await done(T0, T0 + 200); // 200, ended first
      await done(T0, T0 + 5000, { outcome: 'transferred' });
      await done(T0, T0 + 6000, { outcome: 'abandoned', agentId: null, assignedAt: null });
      await done(T0, T0 + 7000, { agentId: null, assignedAt: null }); // resolved without an agent
      await storage().handoffs.create(handoff(c, { assignedAt: T0, agentId: 'a1' })); // still open

      expect(await storage().handoffs.recentHandleTimes(10)).toEqual([50, 300, 200]);
      expect(await storage().handoffs.recentHandleTimes(2)).toEqual([50, 300]);
      expect(await storage().handoffs.recentHandleTimes(0)).toEqual([]);
    });
  });
}
