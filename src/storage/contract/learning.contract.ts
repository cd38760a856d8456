// Contract: the learning loop's repositories (unanswered questions, answer feedback, KB proposals) and
// MessageRepository.get, which the feedback and save-to-KB checks rely on.
import { describe, expect, it } from 'vitest';
import type { NewKbProposal, NewUnanswered } from '../ports.js';
import { newConversation, newMessage, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

const question = (conversationId: string, overrides: Partial<NewUnanswered> = {}): NewUnanswered => ({
  id: uid('uq'),
  conversationId,
  messageId: uid('msg'),
  reason: 'low-confidence',
  text: '积分可以换什么礼品',
  kbVersion: 3,
  ranked: [
    { entryId: 'points', confidence: 0.31 },
    { entryId: 'coupon', confidence: 0.12 },
  ],
  answeredEntryId: null,
  detail: null,
  createdAt: T0,
  ...overrides,
});

const proposal = (overrides: Partial<NewKbProposal> = {}): NewKbProposal => ({
  id: uid('prop'),
  kind: 'new-entry',
  question: '发票抬头写错了能改吗',
  answer: '可以，在订单详情页申请换开即可。',
  title: '发票抬头修改',
  entryId: null,
  conversationId: null,
  messageId: null,
  proposedBy: 'agent-1',
  createdAt: T0,
  ...overrides,
});

export function learningCases(open: OpenStorage): void {
  describe('learning loop', () => {
    const storage = useStorage(open);
    const conversation = () => storage().conversations.create(newConversation());

    it('gets one message of a conversation by id, and nothing across conversations', async () => {
      const [a, b] = [await conversation(), await conversation()];
      const { message } = await storage().messages.append(
        newMessage(a.id, { sender: 'bot', meta: { decision: 'answer' } }),
      );
      expect(await storage().messages.get(a.id, message.id)).toStrictEqual(message);
      expect(await storage().messages.get(b.id, message.id)).toBeNull();
      expect(await storage().messages.get(a.id, uid('none'))).toBeNull();
    });

    it('stores an unanswered question once per message and reason, and reads it back', async () => {
      const c = await conversation();
      const q = question(c.id, { detail: { followUp: '积分怎么用' }, answeredEntryId: 'points' });
      expect(await storage().unanswered.add(q)).toBe(true);
      expect(await storage().unanswered.add({ ...q, id: uid('uq') })).toBe(false);
      expect(await storage().unanswered.add({ ...q, id: uid('uq'), reason: 'thumbs-down' })).toBe(true);
      const stored = await storage().unanswered.list({ reasons: ['low-confidence'], since: T0, limit: 10 });
      expect(stored.filter((s) => s.conversationId === c.id)).toStrictEqual([
        { ...q, resolvedAt: null, resolution: null },
      ]);
      await expect(storage().unanswered.add(question(uid('ghost')))).rejects.toThrow();
    });

    it('lists newest first with filters and paging, counts, and resolves only open questions', async () => {
      const c = await conversation();
      const since = T0 + 1_000_000;
      const [q1, q2, q3] = [1, 2, 3].map((n) =>
        question(c.id, { createdAt: since + n, reason: n === 2 ? 'rephrase' : 'out-of-scope' }),
      );
      for (const q of [q1, q2, q3]) await storage().unanswered.add(q);
      const ids = async (f: Parameters<ReturnType<typeof storage>['unanswered']['list']>[0]) =>
        (await storage().unanswered.list(f)).map((x) => x.id);
      expect(await ids({ since, limit: 10 })).toEqual([q3.id, q2.id, q1.id]);
      expect(await ids({ since, reasons: ['out-of-scope'], limit: 10 })).toEqual([q3.id, q1.id]);
      expect(await ids({ since, reasons: [], limit: 10 })).toEqual([]);
      expect(await ids({ since, limit: 1, offset: 1 })).toEqual([q2.id]);
      expect(await storage().unanswered.count({ since })).toBe(3);

      const resolution = { action: 'new-entry' as const, entryId: 'points-gifts', by: 'admin' };
      expect(await storage().unanswered.resolve([q1.id, q2.id], resolution, since + 10)).toBe(2);
      expect(
        await storage().unanswered.resolve(
          [q1.id, q3.id],
          { ...resolution, action: 'dismissed' },
          since + 11,
        ),
      ).toBe(1);
      expect(await ids({ since, open: true, limit: 10 })).toEqual([]);
      const [r3, r2] = await storage().unanswered.list({ since, open: false, limit: 2 });
      expect(r2).toMatchObject({ id: q2.id, resolvedAt: since + 10, resolution });
      expect(r3.resolution?.action).toBe('dismissed');
      expect(await storage().unanswered.resolve([], resolution, since)).toBe(0);
    });

    it('filters questions by the time they were asked and by their conversation’s channel', async () => {
      const web = await conversation();
      const app = await storage().conversations.create(newConversation({ channel: 'app' }));
      const at = T0 + 2_000_000;
      const [q1, q2, q3] = [
        question(web.id, { createdAt: at }),
        question(app.id, { createdAt: at + 5 }),
        question(web.id, { createdAt: at + 10 }),
      ];
      for (const q of [q1, q2, q3]) await storage().unanswered.add(q);
      const ids = async (f: Parameters<ReturnType<typeof storage>['unanswered']['list']>[0]) =>
        (await storage().unanswered.list(f)).map((x) => x.id);
      expect(await ids({ since: at, until: at + 10, limit: 10 })).toEqual([q2.id, q1.id]);
      expect(await ids({ since: at, channel: 'web', limit: 10 })).toEqual([q3.id, q1.id]);
      expect(await ids({ since: at, until: at + 10, channel: 'app', limit: 10 })).toEqual([q2.id]);
      expect(await storage().unanswered.count({ since: at, until: at + 11, channel: 'web' })).toBe(2);
    });

    it('keeps the last vote per bot answer and rates entries by answers shown and votes', async () => {
      const c = await conversation();
      const fb = storage().answerFeedback;
      const entry = uid('entry');
      const since = T0 + 2_000_000;
      const m1 = uid('msg');
      const m2 = uid('msg');
      for (const [messageId, at] of [
        [m1, since],
        [m2, since + 1],
        [uid('msg'), since + 2],
      ] as const) {
        await fb.recordAnswer({
          messageId,
          conversationId: c.id,
          entryId: entry,
          kbVersion: 1,
          createdAt: at,
        });
      }
      await fb.recordAnswer({
        messageId: m1,
        conversationId: c.id,
        entryId: entry,
        kbVersion: 1,
        createdAt: since,
      });
      await fb.recordAnswer({
        messageId: uid('msg'),
        conversationId: c.id,
        entryId: entry,
        kbVersion: 1,
        createdAt: T0,
      });

      const first = await fb.vote(
        {
          messageId: m1,
          conversationId: c.id,
          entryId: entry,
          helpful: false,
          comment: '没用',
          createdAt: since + 5,
        },
        since + 5,
      );
      expect(first).toStrictEqual({
        messageId: m1,
        conversationId: c.id,
        entryId: entry,
        helpful: false,
        comment: '没用',
        createdAt: since + 5,
        updatedAt: since + 5,
      });
      const again = await fb.vote(
        {
          messageId: m1,
          conversationId: c.id,
          entryId: entry,
          helpful: true,
          comment: null,
          createdAt: since + 9,
        },
        since + 9,
      );
      expect(again).toStrictEqual({ ...first, helpful: true, comment: null, updatedAt: since + 9 });
      expect(await fb.get(m1)).toStrictEqual(again);
      expect(await fb.get(uid('none'))).toBeNull();
      await fb.vote(
        {
          messageId: m2,
          conversationId: c.id,
          entryId: entry,
          helpful: false,
          comment: null,
          createdAt: since + 6,
        },
        since + 6,
      );

      const all = (await fb.entryRatings()).find((r) => r.entryId === entry);
      expect(all).toEqual({ entryId: entry, shown: 4, helpful: 1, unhelpful: 1 });
      const recent = (await fb.entryRatings(since + 1)).find((r) => r.entryId === entry);
      expect(recent).toEqual({ entryId: entry, shown: 2, helpful: 1, unhelpful: 1 });
    });

    it('keeps proposals pending until decided once, newest first by status', async () => {
      const kb = storage().kbProposals;
      const c = await conversation();
      const marker = T0 + 3_000_000;
      const p1 = await kb.create(
        proposal({ conversationId: c.id, messageId: uid('msg'), createdAt: marker + 1 }),
      );
      expect(p1).toMatchObject({
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        note: null,
        conversationId: c.id,
      });
      expect(await kb.get(p1.id)).toStrictEqual(p1);
      const p2 = await kb.create(
        proposal({ kind: 'phrasing', entryId: 'invoice', answer: null, title: null, createdAt: marker + 2 }),
      );

      const decisions = await Promise.all(
        ['admin-a', 'admin-b', 'admin-c'].map((by) =>
          kb.decide(p1.id, { status: 'accepted', by, note: null, entryId: 'invoice-title' }, marker + 5),
        ),
      );
      const winners = decisions.filter((d) => d !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({
        status: 'accepted',
        entryId: 'invoice-title',
        decidedAt: marker + 5,
      });
      expect(await kb.decide(p1.id, { status: 'rejected', by: 'x', note: 'late' }, marker + 6)).toBeNull();
      expect(
        await kb.decide(p2.id, { status: 'rejected', by: 'admin-a', note: '重复' }, marker + 7),
      ).toMatchObject({
        status: 'rejected',
        note: '重复',
        entryId: 'invoice',
      });
      expect(await kb.decide(uid('none'), { status: 'rejected', by: 'x', note: null }, marker)).toBeNull();

      const pending = await kb.create(proposal({ createdAt: marker + 3 }));
      const listed = (await kb.list({ limit: 100 })).filter((p) => [p1.id, p2.id, pending.id].includes(p.id));
      expect(listed.map((p) => p.id)).toEqual([pending.id, p2.id, p1.id]);
      expect((await kb.list({ status: 'pending', limit: 100 })).map((p) => p.id)).toContain(pending.id);
      expect((await kb.list({ status: 'pending', limit: 100 })).map((p) => p.id)).not.toContain(p1.id);
    });
  });
}
