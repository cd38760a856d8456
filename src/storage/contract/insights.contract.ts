// Contract: InsightRepository (projections and the dashboard's aggregates) and CustomerRepository
// (search, tags, erasure), plus the conversation's channel.
import { describe, expect, it } from 'vitest';
import type { ConversationFacts, ConversationProjection, DayTotals, Durations, Storage } from '../ports.js';
import { newConversation, newMessage, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

const HOUR = 3_600_000;
/** Nobody active after it: every conversation counts as settled. */
const ALL_SETTLED = Number.MAX_SAFE_INTEGER;

/** Every duration as often as it occurs, sorted (the order of the rows is the adapter's). */
const spread = (d: Durations): number[] =>
  d.values.flatMap((v, i) => Array<number>(d.counts?.[i] ?? 1).fill(v)).sort((a, b) => a - b);

/** A DayTotals row, zeros but for what is given. */
const dayRow = (dayStart: number, values: Partial<DayTotals> = {}): DayTotals => ({
  dayStart,
  conversations: 0,
  engaged: 0,
  care: 0,
  handedOff: 0,
  settled: 0,
  selfServed: 0,
  customer: 0,
  bot: 0,
  agent: 0,
  system: 0,
  answers: 0,
  clarifies: 0,
  handoffs: 0,
  ...values,
});

function facts(conversationId: string, overrides: Partial<ConversationFacts> = {}): ConversationFacts {
  return {
    conversationId,
    channel: 'web',
    care: false,
    customerKey: null,
    customerName: null,
    customerPhone: null,
    startedAt: T0,
    status: 'bot',
    customerMessages: 1,
    firstCustomerAt: T0,
    lastCustomerAt: T0,
    firstResponseMs: 100,
    botAnswers: 1,
    botClarifies: 0,
    botHandoffs: 0,
    lastDecision: 'answer',
    agentMessages: 0,
    handedOff: false,
    firstHandoffReason: null,
    firstHandoffAt: null,
    agentResponseMs: null,
    reopened: false,
    selfServed: true,
    angerMax: 0,
    angryMessages: 0,
    ...overrides,
  };
}

const counts = (hour: number, c: Partial<ConversationProjection['hourly'][number]> = {}) => ({
  hour,
  customer: 0,
  bot: 0,
  agent: 0,
  system: 0,
  answers: 0,
  clarifies: 0,
  handoffs: 0,
  ...c,
});

/** A stored conversation with its projection saved. */
async function projected(
  storage: Storage,
  f: Partial<ConversationFacts>,
  rest: Partial<ConversationProjection> = {},
) {
  const c = await storage.conversations.create(
    newConversation({ channel: f.channel ?? 'web', createdAt: f.startedAt ?? T0 }),
  );
  const projection = { facts: facts(c.id, f), hourly: [], hits: [], ...rest };
  await storage.insights.saveProjections([projection]);
  return { conversation: c, projection };
}

export function insightCases(open: OpenStorage): void {
  describe('insight projections', () => {
    const storage = useStorage(open);

    it("stores a conversation's channel, 'web' when none is given", async () => {
      const web = await storage().conversations.create(newConversation());
      const app = await storage().conversations.create(newConversation({ channel: 'app' }));
      expect((await storage().conversations.get(web.id))?.channel).toBe('web');
      expect((await storage().conversations.get(app.id))?.channel).toBe('app');
    });

    it('reads sources with messages in seq order and handoffs; lists unprojected and paged ids', async () => {
      const c = await storage().conversations.create(newConversation());
      await storage().messages.append(newMessage(c.id, { text: '一' }));
      await storage().messages.append(
        newMessage(c.id, { sender: 'bot', text: '二', meta: { decision: 'answer', entryId: 'e' } }),
      );
      await storage().handoffs.create({
        id: uid('h'),
        conversationId: c.id,
        reason: 'button',
        priority: 'normal',
        skillGroup: null,
        requestedAt: T0,
        queuedAt: T0,
        assignedAt: null,
        agentId: null,
        endedAt: null,
        outcome: null,
      });
      const [source] = await storage().insights.sources([c.id, uid('ghost')]);
      expect(source.conversation.id).toBe(c.id);
      expect(source.messages.map((m) => [m.seq, m.text, m.meta])).toEqual([
        [1, '一', null],
        [2, '二', { decision: 'answer', entryId: 'e' }],
      ]);
      expect(source.handoffs.map((h) => h.reason)).toEqual(['button']);

      expect(await storage().insights.unprojectedIds(1000)).toContain(c.id);
      await storage().insights.saveProjections([{ facts: facts(c.id), hourly: [], hits: [] }]);
      expect(await storage().insights.unprojectedIds(1000)).not.toContain(c.id);

      const all = await storage().insights.conversationIdsAfter(null, 1000);
      expect(all).toEqual([...all].sort());
      expect(await storage().insights.conversationIdsAfter(all[0], 1)).toEqual([all[1]]);
    });

    it('gives the KB catalogue: id → title and category', async () => {
      await storage().kb.upsertEntry(
        { id: 'refund', title: '退款', category: '售后', questions: ['q'], answer: 'a' },
        null,
        T0,
      );
      expect((await storage().insights.entryCatalogue()).get('refund')).toEqual({
        title: '退款',
        category: '售后',
      });
    });
  });

  describe('clearing projections', () => {
    const storage = useStorage(open);

    it('removes every projection and rollup, so that a rebuild starts from nothing', async () => {
      const { conversation } = await projected(
        storage(),
        { customerKey: 'ext:clear', startedAt: T0 },
        { hourly: [counts(T0, { customer: 1 })] },
      );
      await storage().customers.changeTags('ext:clear', [{ tag: 'keep', addedBy: 'a', addedAt: T0 }], []);
      await storage().insights.clearProjections();
      expect(await storage().insights.unprojectedIds(10)).toEqual([conversation.id]);
      expect(await storage().insights.dayTotals({ from: T0, to: T0 + HOUR }, 0, ALL_SETTLED)).toEqual([]);
      expect(await storage().customers.search('', 10)).toEqual([]);
      expect((await storage().customers.tags('ext:clear')).map((t) => t.tag)).toEqual(['keep']);
    });
  });

  describe('insight aggregates', () => {
    const storage = useStorage(open);
    const base = T0 + 1000 * HOUR;
    const all = { from: base, to: base + 48 * HOUR };

    it('sums counts per local day and channel, and KB hits; saving again replaces, never adds', async () => {
      // base is 16:00 UTC: a local midnight at +08:00.
      const plus8 = 8 * HOUR;
      const days = (filter: { from: number; to: number; channel?: string }, offsetMs = plus8) =>
        storage().insights.dayTotals(filter, offsetMs, ALL_SETTLED);
      const rest = {
        hourly: [
          counts(base, { customer: 2, bot: 2, answers: 1, clarifies: 1 }),
          counts(base + HOUR, { agent: 3, system: 1 }),
          counts(base + 30 * HOUR, { customer: 1 }),
        ],
        hits: [{ hour: base, entryId: 'refund', category: '售后', hits: 1 }],
      };
      const a = await projected(storage(), { startedAt: base }, rest);
      await storage().insights.saveProjections([a.projection]);
      await projected(
        storage(),
        { startedAt: base, channel: 'app' },
        {
          hourly: [counts(base, { customer: 1, bot: 1, answers: 1 })],
          hits: [{ hour: base, entryId: 'refund', category: '售后', hits: 1 }],
        },
      );
      const started = { conversations: 2, engaged: 2, settled: 2, selfServed: 2 };
      expect(await days(all)).toEqual([
        dayRow(base, { ...started, customer: 3, bot: 3, agent: 3, system: 1, answers: 2, clarifies: 1 }),
        dayRow(base + 24 * HOUR, { customer: 1 }),
      ]);
      expect(await days({ ...all, channel: 'app' })).toEqual([
        dayRow(base, {
          conversations: 1,
          engaged: 1,
          settled: 1,
          selfServed: 1,
          customer: 1,
          bot: 1,
          answers: 1,
        }),
      ]);
      // UTC days: 16:00 and 17:00 fall on one, the next day's 22:00 on the next.
      expect((await days(all, 0)).map((d) => [d.dayStart, d.customer])).toEqual([
        [base - 16 * HOUR, 3],
        [base + 8 * HOUR, 1],
      ]);
      // A range starting inside an hour includes that hour's bucket.
      expect((await days({ from: base + HOUR / 2, to: base + 2 * HOUR })).map((d) => d.agent)).toEqual([3]);
      expect(await storage().insights.entryHits(all)).toEqual([{ entryId: 'refund', hits: 2 }]);
      expect(await storage().insights.entryHits({ from: base + 2 * HOUR, to: all.to })).toEqual([]);

      // Re-saved with fewer messages: the totals go down by the difference.
      await storage().insights.saveProjections([
        { ...a.projection, hourly: [counts(base, { customer: 1, bot: 1, answers: 1 })], hits: [] },
      ]);
      expect(await days(all)).toEqual([dayRow(base, { ...started, customer: 2, bot: 2, answers: 2 })]);
      expect(await storage().insights.entryHits(all)).toEqual([{ entryId: 'refund', hits: 1 }]);
    });

    it('counts KB hits over ranges of whole days and partial days alike', async () => {
      const start = base + 500 * HOUR; // 04:00 UTC
      const hits = [0, 5, 20, 30, 52, 75].map((h) => ({
        hour: start + h * HOUR,
        entryId: 'e|1',
        category: null,
        hits: 1,
      }));
      await projected(storage(), { startedAt: start }, { hits });
      const between = async (from: number, to: number) =>
        (await storage().insights.entryHits({ from: start + from * HOUR, to: start + to * HOUR }))[0]?.hits ??
        0;
      expect(await between(0, 76)).toBe(6);
      expect(await between(1, 75)).toBe(4);
      expect(await between(5, 53)).toBe(4);
      expect(await between(6, 52)).toBe(2);
      expect(await between(0.5, 5.5)).toBe(2);
    });

    it('counts response times over ranges of whole days and partial days alike', async () => {
      const start = base + 700 * HOUR; // 04:00 UTC
      for (const [h, ms] of [
        [0, 10],
        [5, 20],
        [20, 30],
        [30, 40],
        [52, 50],
        [75, 60],
      ]) {
        await projected(storage(), { startedAt: start + h * HOUR, firstResponseMs: ms, channel: 'api' });
      }
      const between = async (from: number, to: number) => {
        const { first } = await storage().insights.responseTimes({
          from: start + from * HOUR,
          to: start + to * HOUR,
          channel: 'api',
        });
        return spread(first);
      };
      expect(await between(0, 76)).toEqual([10, 20, 30, 40, 50, 60]);
      expect(await between(1, 75)).toEqual([20, 30, 40, 50]);
      expect(await between(5, 53)).toEqual([20, 30, 40, 50]);
      expect(await between(6, 52)).toEqual([30, 40]);
      expect(await between(0.5, 5.5)).toEqual([10, 20]);
    });

    it('totals conversations by start hour: engaged, care, handed off, settled and self-served', async () => {
      const day = base + 100 * HOUR; // 20:00 UTC: 23:00 at +03:00, so the next hour starts a local day
      const range = { from: day, to: day + 24 * HOUR };
      await projected(storage(), { startedAt: day, lastCustomerAt: day, selfServed: true });
      await projected(storage(), {
        startedAt: day + 60_000,
        lastCustomerAt: day + 20 * HOUR,
        selfServed: true,
      }); // not settled yet
      await projected(storage(), {
        startedAt: day,
        care: true,
        handedOff: true,
        selfServed: false,
        firstHandoffReason: 'button',
      });
      await projected(storage(), {
        startedAt: day + HOUR,
        customerMessages: 0,
        lastCustomerAt: null,
        firstResponseMs: null,
        botAnswers: 0,
        selfServed: false,
      });
      await projected(storage(), {
        startedAt: day + HOUR,
        handedOff: true,
        selfServed: false,
        firstHandoffReason: 'anger',
        firstResponseMs: 50,
        agentResponseMs: 9000,
      });
      const settledBefore = day + 10 * HOUR;
      expect(await storage().insights.dayTotals(range, 3 * HOUR, settledBefore)).toEqual([
        dayRow(day - 23 * HOUR, {
          conversations: 3,
          engaged: 3,
          care: 1,
          handedOff: 1,
          settled: 2,
          selfServed: 1,
        }),
        dayRow(day + HOUR, {
          conversations: 2,
          engaged: 1,
          care: 0,
          handedOff: 1,
          settled: 1,
          selfServed: 0,
        }),
      ]);
      const reasons = await storage().insights.handoffReasons(range);
      expect(reasons.sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
        { reason: 'anger', conversations: 1 },
        { reason: 'button', conversations: 1 },
      ]);
      const times = await storage().insights.responseTimes(range);
      expect([spread(times.first), spread(times.agent)]).toEqual([[50, 100, 100, 100], [9000]]);
      const none = await storage().insights.responseTimes({ ...range, channel: 'app' });
      expect([spread(none.first), spread(none.agent)]).toEqual([[], []]);
    });

    it('lists handoffs queued in the range except transfers, by channel; counts current ratings by score', async () => {
      const day = base + 200 * HOUR;
      const web = await storage().conversations.create(newConversation());
      const app = await storage().conversations.create(newConversation({ channel: 'app' }));
      const handoff = (conversationId: string, reason: string, queuedAt: number, more: object = {}) =>
        storage().handoffs.create({
          id: uid('h'),
          conversationId,
          reason,
          priority: 'normal',
          skillGroup: null,
          requestedAt: queuedAt,
          queuedAt,
          assignedAt: null,
          agentId: null,
          endedAt: null,
          outcome: null,
          ...more,
        });
      await handoff(web.id, 'button', day, { assignedAt: day + 5000, outcome: 'assigned' });
      await handoff(web.id, 'transfer', day + 10);
      await handoff(app.id, 'anger', day + 20, { endedAt: day + 90_000, outcome: 'abandoned' });
      await handoff(app.id, 'button', day - 1);
      const range = { from: day, to: day + HOUR };
      expect(await storage().insights.queueDays(range, 0)).toEqual([
        {
          dayStart: day - (day % (24 * HOUR)),
          handoffs: 2,
          waiting: 0,
          assigned: 1,
          decided: 2,
          abandoned: 1,
        },
      ]);
      expect(spread(await storage().insights.queueDurations(range, 'wait'))).toEqual([5000]);
      expect(spread(await storage().insights.queueDurations(range, 'abandoned'))).toEqual([89_980]);
      expect(
        (await storage().insights.queueDays({ ...range, channel: 'app' }, 0)).map((d) => d.handoffs),
      ).toEqual([1]);
      expect(spread(await storage().insights.queueDurations({ ...range, channel: 'app' }, 'wait'))).toEqual(
        [],
      );

      const rate = (conversationId: string, score: 1 | 2 | 3 | 4 | 5, createdAt: number) =>
        storage().ratings.add({ id: uid('r'), conversationId, score, comment: null, createdAt });
      await rate(web.id, 1, day + 1);
      await rate(web.id, 5, day + 2); // supersedes the 1
      await rate(app.id, 4, day + 3);
      const scores = await storage().insights.ratingCounts(range);
      expect(scores.sort((a, b) => a.score - b.score)).toEqual([
        { score: 4, count: 1 },
        { score: 5, count: 1 },
      ]);
      expect(await storage().insights.ratingCounts({ ...range, channel: 'app' })).toEqual([
        { score: 4, count: 1 },
      ]);
    });
  });

  describe('customers', () => {
    const storage = useStorage(open);

    it('searches customers by key, name or phone, most recent contact first; anonymous ones never', async () => {
      await projected(storage(), { customerKey: 'ext:u-1', customerName: '王小明', startedAt: T0 });
      await projected(storage(), {
        customerKey: 'ext:u-1',
        customerName: '王小明',
        startedAt: T0 + 5 * HOUR,
      });
      await projected(storage(), {
        customerKey: 'tel:13800138000',
        customerPhone: '13800138000',
        startedAt: T0 + HOUR,
      });
      await projected(storage(), { customerKey: null, startedAt: T0 + 9 * HOUR });
      expect(await storage().customers.search('', 10)).toEqual([
        {
          key: 'ext:u-1',
          name: '王小明',
          phone: null,
          contacts: 2,
          firstContactAt: T0,
          lastContactAt: T0 + 5 * HOUR,
        },
        {
          key: 'tel:13800138000',
          name: null,
          phone: '13800138000',
          contacts: 1,
          firstContactAt: T0 + HOUR,
          lastContactAt: T0 + HOUR,
        },
      ]);
      expect((await storage().customers.search('小明', 10)).map((c) => c.key)).toEqual(['ext:u-1']);
      expect((await storage().customers.search('0013', 10)).map((c) => c.key)).toEqual(['tel:13800138000']);
      expect((await storage().customers.search('EXT:U', 10)).map((c) => c.key)).toEqual(['ext:u-1']);
      expect(await storage().customers.search('%', 10)).toEqual([]);
    });

    it("keeps agents' tags: adding again keeps the first, removing removes", async () => {
      const key = `ext:${uid('tags')}`;
      await storage().customers.changeTags(key, [{ tag: 'VIP', addedBy: '小悦', addedAt: T0 }], []);
      await storage().customers.changeTags(
        key,
        [
          { tag: 'VIP', addedBy: '小达', addedAt: T0 + 1 },
          { tag: '老客户', addedBy: '小达', addedAt: T0 + 2 },
        ],
        [],
      );
      expect(await storage().customers.tags(key)).toEqual([
        { tag: 'VIP', addedBy: '小悦', addedAt: T0 },
        { tag: '老客户', addedBy: '小达', addedAt: T0 + 2 },
      ]);
      await storage().customers.changeTags(key, [], ['VIP']);
      expect((await storage().customers.tags(key)).map((t) => t.tag)).toEqual(['老客户']);
    });

    it("gives a customer's conversations, topics, ratings, complaints and tickets, and erases personal data but no count", async () => {
      const key = `ext:${uid('erase')}`;
      const other = `ext:${uid('keep')}`;
      const hit = (hour: number, category: string) => ({ hour, entryId: `e-${category}`, category, hits: 2 });
      const { conversation: c1 } = await projected(
        storage(),
        { customerKey: key, customerName: '李', startedAt: T0 },
        { hits: [hit(T0, '订单')] },
      );
      const { conversation: c2 } = await projected(
        storage(),
        { customerKey: key, startedAt: T0 + HOUR },
        { hits: [hit(T0 + HOUR, '物流')] },
      );
      const { conversation: kept } = await projected(storage(), { customerKey: other, startedAt: T0 });
      for (const c of [c1, c2, kept])
        await storage().messages.append(newMessage(c.id, { text: '我的电话是13800138000' }));
      await storage().ratings.add({
        id: uid('r'),
        conversationId: c1.id,
        score: 2,
        comment: '太慢了，王先生',
        createdAt: T0 + 5,
      });
      await storage().complaints.create({
        id: uid('cmp'),
        conversationId: c2.id,
        category: 'service',
        description: '地址：北京市…',
        priority: 'normal',
        openedBy: 'customer',
        openedById: null,
        status: 'new',
        assigneeId: null,
        firstResponseAt: null,
        resolvedAt: null,
        pausedMs: 0,
        pausedSince: null,
        createdAt: T0 + 6,
      });
      await storage().callbackTickets.create({
        id: uid('t'),
        conversationId: c2.id,
        name: '李四',
        phone: '13800138000',
        question: '请回电',
        status: 'open',
        createdAt: T0 + 7,
        handledBy: null,
        handledAt: null,
        note: null,
      });
      await storage().customers.changeTags(key, [{ tag: '投诉多', addedBy: 'a', addedAt: T0 }], []);

      expect((await storage().customers.conversations(key, 10)).map((f) => f.conversationId)).toEqual([
        c2.id,
        c1.id,
      ]);
      expect(await storage().customers.topics(key)).toEqual([
        { hour: T0, category: '订单', hits: 2 },
        { hour: T0 + HOUR, category: '物流', hits: 2 },
      ]);
      expect(await storage().customers.ratings(key)).toEqual([
        { conversationId: c1.id, score: 2, comment: '太慢了，王先生', createdAt: T0 + 5 },
      ]);
      expect((await storage().customers.complaints(key)).map((c) => [c.conversationId, c.status])).toEqual([
        [c2.id, 'new'],
      ]);
      expect((await storage().customers.tickets(key)).map((t) => [t.conversationId, t.status])).toEqual([
        [c2.id, 'open'],
      ]);

      expect(await storage().customers.erase(key, '〔删除〕')).toEqual({ conversations: 2, messages: 2 });
      expect(await storage().customers.conversations(key, 10)).toEqual([]);
      expect(await storage().customers.tags(key)).toEqual([]);
      const after = await storage().conversations.get(c1.id);
      expect(after?.customer).toEqual({});
      expect((await storage().messages.listAfter(c1.id, 0, 10)).map((m) => m.text)).toEqual(['〔删除〕']);
      expect((await storage().ratings.current(c1.id))?.score).toBe(2);
      expect((await storage().ratings.current(c1.id))?.comment).toBeNull();
      const [complaint] = await storage().complaints.list({ conversationId: c2.id, limit: 5 });
      expect(complaint.description).toBe('〔删除〕');
      const [ticket] = await storage()
        .callbackTickets.list(null, 50)
        .then((ts) => ts.filter((t) => t.conversationId === c2.id));
      expect([ticket.name, ticket.phone, ticket.question]).toEqual(['〔删除〕', '', '〔删除〕']);
      // Counts stay: the projections are still there, only without the customer.
      const [projection] = await storage().insights.sources([c1.id]);
      expect(projection.messages).toHaveLength(1);
      expect(await storage().insights.unprojectedIds(1000)).not.toContain(c1.id);
      // The other customer is untouched.
      expect((await storage().messages.listAfter(kept.id, 0, 10)).map((m) => m.text)).toEqual([
        '我的电话是13800138000',
      ]);
      expect((await storage().customers.conversations(other, 10)).map((f) => f.conversationId)).toEqual([
        kept.id,
      ]);
    });
  });
}
