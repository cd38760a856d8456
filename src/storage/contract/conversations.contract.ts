// Contract: ConversationRepository.
import { describe, expect, it } from 'vitest';
import { StorageConflictError } from '../ports.js';
import { newConversation, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

export function conversationCases(open: OpenStorage): void {
  describe('conversations', () => {
    const storage = useStorage(open);

    it('creates and gets a conversation; every field round-trips exactly', async () => {
      const input = newConversation({
        care: true,
        customer: { name: '张三 👵', phone: '+86 138 0000 0000', externalId: 'crm-42' },
        handoffReason: 'customer-request',
        queuedAt: T0 + 5,
        botMisses: 2,
        pendingClarify: ['退款-到账', 'refund-arrival 🚀'],
        createdAt: 4_102_444_800_000, // 2100-01-01
      });
      const created = await storage().conversations.create(input);
      const expected = { ...input, lastSeq: 0, updatedAt: input.createdAt };
      expect(created).toStrictEqual(expected);
      expect(await storage().conversations.get(input.id)).toStrictEqual(expected);
    });

    it('round-trips false, empty and null values', async () => {
      const input = newConversation({ care: false, customer: {}, pendingClarify: [] });
      await storage().conversations.create(input);
      const got = await storage().conversations.get(input.id);
      expect(got).toMatchObject({
        care: false,
        customer: {},
        pendingClarify: [],
        queuedAt: null,
        assignedAgentId: null,
      });
      expect(typeof got?.createdAt).toBe('number');
    });

    it('returns null for an unknown id', async () => {
      expect(await storage().conversations.get(uid('missing'))).toBeNull();
    });

    it('refuses a duplicate id with StorageConflictError and keeps the original', async () => {
      const input = newConversation({ locale: 'zh-CN' });
      await storage().conversations.create(input);
      await expect(storage().conversations.create({ ...input, locale: 'en' })).rejects.toBeInstanceOf(
        StorageConflictError,
      );
      expect((await storage().conversations.get(input.id))?.locale).toBe('zh-CN');
    });

    it('update applies only the given fields and sets updatedAt; null clears a field', async () => {
      const input = newConversation({
        assignedAgentId: 'agent-1',
        pendingClarify: ['a', 'b'],
        handoffReason: 'x',
      });
      await storage().conversations.create(input);
      const updated = await storage().conversations.update(
        input.id,
        { botMisses: 3, pendingClarify: null, assignedAgentId: null },
        T0 + 100,
      );
      expect(updated).toStrictEqual({
        ...input,
        botMisses: 3,
        pendingClarify: null,
        assignedAgentId: null,
        lastSeq: 0,
        updatedAt: T0 + 100,
      });
      expect(await storage().conversations.get(input.id)).toStrictEqual(updated);
    });

    it('update with a matching expectedStatus applies; with another changes nothing and returns null', async () => {
      const input = newConversation({ status: 'queued', queuedAt: T0 });
      await storage().conversations.create(input);
      const miss = await storage().conversations.update(
        input.id,
        { status: 'assigned', assignedAgentId: 'a1' },
        T0 + 1,
        'bot',
      );
      expect(miss).toBeNull();
      expect(await storage().conversations.get(input.id)).toMatchObject({
        status: 'queued',
        assignedAgentId: null,
        updatedAt: T0,
      });
      const hit = await storage().conversations.update(
        input.id,
        { status: 'assigned', assignedAgentId: 'a1' },
        T0 + 2,
        'queued',
      );
      expect(hit).toMatchObject({ status: 'assigned', assignedAgentId: 'a1', updatedAt: T0 + 2 });
    });

    it('update of an unknown id returns null', async () => {
      expect(await storage().conversations.update(uid('missing'), { botMisses: 1 }, T0)).toBeNull();
    });

    it('expectedStatus is a compare-and-set: of two agents accepting one chat at once, exactly one wins', async () => {
      const input = newConversation({ status: 'queued', queuedAt: T0 });
      await storage().conversations.create(input);
      const agents = ['agent-a', 'agent-b', 'agent-c', 'agent-d'];
      const results = await Promise.all(
        agents.map((agent) =>
          storage().conversations.update(
            input.id,
            { status: 'assigned', assignedAgentId: agent },
            T0 + 1,
            'queued',
          ),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await storage().conversations.get(input.id))?.assignedAgentId).toBe(
        winners[0]?.assignedAgentId,
      );
    });
  });

  describe('conversation lists', () => {
    const storage = useStorage(open);
    const at = (minutes: number) => T0 + minutes * 60_000;

    it('listByStatus: only the given statuses, oldest queuedAt first, never-queued after, then createdAt', async () => {
      const make = (
        id: string,
        status: 'bot' | 'queued' | 'assigned' | 'closed',
        queuedAt: number | null,
        createdAt: number,
      ) => storage().conversations.create(newConversation({ id, status, queuedAt, createdAt }));
      await make('q-late', 'queued', at(30), at(1));
      await make('q-early', 'queued', at(10), at(5));
      await make('q-tie-b', 'queued', at(20), at(3));
      await make('q-tie-a', 'queued', at(20), at(2));
      await make('bot-new', 'bot', null, at(9));
      await make('bot-old', 'bot', null, at(0));
      await make('closed', 'closed', at(0), at(0));

      const queued = await storage().conversations.listByStatus(['queued'], 10);
      expect(queued.map((c) => c.id)).toEqual(['q-early', 'q-tie-a', 'q-tie-b', 'q-late']);
      const open = await storage().conversations.listByStatus(['queued', 'bot'], 10);
      expect(open.map((c) => c.id)).toEqual([
        'q-early',
        'q-tie-a',
        'q-tie-b',
        'q-late',
        'bot-old',
        'bot-new',
      ]);
      expect((await storage().conversations.listByStatus(['queued'], 2)).map((c) => c.id)).toEqual([
        'q-early',
        'q-tie-a',
      ]);
      expect(await storage().conversations.listByStatus([], 10)).toEqual([]);
      expect(await storage().conversations.listByStatus(['resolved'], 10)).toEqual([]);
    });

    it("listByAgent: that agent's conversations in the given statuses, most recently updated first", async () => {
      const make = async (id: string, agent: string, status: 'assigned' | 'resolved', updatedAt: number) => {
        await storage().conversations.create(newConversation({ id, status: 'queued', queuedAt: at(0) }));
        await storage().conversations.update(id, { status, assignedAgentId: agent }, updatedAt);
      };
      await make('w1', 'wang', 'assigned', at(1));
      await make('w2', 'wang', 'assigned', at(3));
      await make('w3', 'wang', 'resolved', at(4));
      await make('l1', 'li', 'assigned', at(5));

      const mine = await storage().conversations.listByAgent('wang', ['assigned'], 10);
      expect(mine.map((c) => c.id)).toEqual(['w2', 'w1']);
      const all = await storage().conversations.listByAgent('wang', ['assigned', 'resolved'], 10);
      expect(all.map((c) => c.id)).toEqual(['w3', 'w2', 'w1']);
      expect(
        (await storage().conversations.listByAgent('wang', ['assigned', 'resolved'], 1)).map((c) => c.id),
      ).toEqual(['w3']);
      expect(await storage().conversations.listByAgent('nobody', ['assigned'], 10)).toEqual([]);
      expect(await storage().conversations.listByAgent('wang', [], 10)).toEqual([]);
    });
  });

  describe('counting ahead in the queue', () => {
    const storage = useStorage(open);

    it('countQueuedAhead: front-of-queue first, then by per-class cutoff, ties at the cutoff by id; only queued, never the one asked about', async () => {
      const make = (
        id: string,
        priority: 'care' | 'urgent' | 'vip' | 'normal',
        queuedAt: number | null,
        extra: { front?: boolean; status?: 'queued' | 'assigned' | 'bot'; createdAt?: number } = {},
      ) =>
        storage().conversations.create(
          newConversation({
            id,
            status: extra.status ?? 'queued',
            priority,
            queuedAt,
            frontOfQueue: extra.front ?? false,
            createdAt: extra.createdAt ?? T0,
          }),
        );
      await make('front-normal', 'normal', T0 + 900, { front: true });
      await make('care-late', 'care', T0 + 500);
      await make('vip-early', 'vip', T0 + 10);
      await make('vip-late', 'vip', T0 + 200);
      await make('normal-a', 'normal', T0 + 100);
      await make('normal-b', 'normal', T0 + 100);
      await make('normal-c', 'normal', T0 + 100);
      await make('never-queued-at', 'normal', null, { createdAt: T0 + 50 });
      await make('assigned', 'care', T0, { status: 'assigned' });
      await make('bot', 'care', null, { status: 'bot' });

      const before = { care: T0 + 600, urgent: T0, vip: T0 + 100, normal: T0 + 100 };
      const count = (id: string, front = false) =>
        storage().conversations.countQueuedAhead({
          id,
          front,
          before,
          tie: { priority: 'normal', at: T0 + 100 },
        });
      // normal-b: front-normal, care-late, vip-early, never-queued-at (createdAt T0+50), normal-a (tie, smaller id).
      expect(await count('normal-b')).toBe(5);
      expect(await count('normal-a')).toBe(4);
      expect(await count('normal-c')).toBe(6);
      // Asked for a front-of-queue chat: only other front-of-queue ones count.
      expect(await count('front-normal', true)).toBe(0);
      expect(
        await storage().conversations.countQueuedAhead({
          id: 'x',
          front: true,
          before: { care: T0 + 1000, urgent: T0 + 1000, vip: T0 + 1000, normal: T0 + 1000 },
          tie: { priority: 'normal', at: T0 },
        }),
      ).toBe(1);
    });
  });
}
