// Contract: MessageRepository (gap-free seqs, idempotent appends, also under concurrency).
import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../ports.js';
import { newConversation, newMessage, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

export function messageCases(open: OpenStorage): void {
  describe('messages', () => {
    const storage = useStorage(open);
    const conversation = async () => (await storage().conversations.create(newConversation())).id;
    const append = (m: NewMessage) => storage().messages.append(m);

    it('appends with seq 1, 2, 3 … and bumps lastSeq and updatedAt of the conversation', async () => {
      const c = await conversation();
      const seqs = [];
      for (let i = 1; i <= 3; i++)
        seqs.push((await append(newMessage(c, { createdAt: T0 + i }))).message.seq);
      expect(seqs).toEqual([1, 2, 3]);
      expect(await storage().conversations.get(c)).toMatchObject({ lastSeq: 3, updatedAt: T0 + 3 });
    });

    it('never moves updatedAt backwards when a message carries an earlier time', async () => {
      const c = await conversation();
      await storage().conversations.update(c, { botMisses: 1 }, T0 + 50);
      await append(newMessage(c, { createdAt: T0 + 10 }));
      expect(await storage().conversations.get(c)).toMatchObject({ lastSeq: 1, updatedAt: T0 + 50 });
    });

    it('stores every field exactly: text, meta objects, Chinese and emoji', async () => {
      const c = await conversation();
      const customer = newMessage(c, { text: '你好 👋\n第二行 "引号" \\ 反斜杠', clientMessageId: 'cm-1' });
      const meta = {
        decision: 'clarify',
        candidates: ['退款', 'refund'],
        scores: [0.51, 0.49],
        kbVersion: 7,
        ok: true,
        none: null,
        nested: { 表情: '😀' },
      };
      const bot = newMessage(c, { sender: 'bot', text: '您是想问？', inReplyTo: customer.id, meta });
      const agent = newMessage(c, {
        sender: 'agent',
        authorId: 'agent-1',
        text: '我来帮您',
        clientMessageId: 'cm-2',
      });
      const results = [];
      for (const m of [customer, bot, agent]) results.push(await append(m));
      expect(results.map((r) => r.created)).toEqual([true, true, true]);
      const expected = [customer, bot, agent].map((m, i) => ({ ...m, seq: i + 1 }));
      expect(results.map((r) => r.message)).toStrictEqual(expected);
      expect(await storage().messages.listAfter(c, 0, 10)).toStrictEqual(expected);
    });

    it('a repeated clientMessageId stores nothing and returns the stored message with created=false', async () => {
      const c = await conversation();
      const first = await append(newMessage(c, { clientMessageId: 'k1', text: 'first' }));
      const again = await append(newMessage(c, { clientMessageId: 'k1', text: 'retry' }));
      expect(again).toStrictEqual({ message: first.message, created: false });
      expect(await storage().messages.listAfter(c, 0, 10)).toHaveLength(1);
      expect((await storage().conversations.get(c))?.lastSeq).toBe(1);
    });

    it('clientMessageId is unique per conversation only, and null never collides', async () => {
      const [a, b] = [await conversation(), await conversation()];
      expect((await append(newMessage(a, { clientMessageId: 'same' }))).created).toBe(true);
      expect((await append(newMessage(b, { clientMessageId: 'same' }))).created).toBe(true);
      expect((await append(newMessage(a))).created).toBe(true);
      expect((await append(newMessage(a))).created).toBe(true);
      expect((await storage().messages.listAfter(a, 0, 10)).map((m) => m.seq)).toEqual([1, 2, 3]);
    });

    it('50 concurrent appends to one conversation get seqs 1..50 without gaps', async () => {
      const c = await conversation();
      const results = await Promise.all(Array.from({ length: 50 }, () => append(newMessage(c))));
      expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect((await storage().messages.listAfter(c, 0, 100)).map((m) => m.seq)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect((await storage().conversations.get(c))?.lastSeq).toBe(50);
    });

    it('racing appends of one clientMessageId store exactly one message, and all return it', async () => {
      const c = await conversation();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          append(newMessage(c, { clientMessageId: 'dup', text: `try ${i}` })),
        ),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const stored = await storage().messages.listAfter(c, 0, 100);
      expect(stored).toHaveLength(1);
      for (const r of results) expect(r.message).toStrictEqual(stored[0]);
    });

    it('racing retries of several messages keep seqs gap-free', async () => {
      const c = await conversation();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => append(newMessage(c, { clientMessageId: `k${i % 10}` }))),
      );
      const stored = await storage().messages.listAfter(c, 0, 100);
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      expect(new Set(stored.map((m) => m.clientMessageId)).size).toBe(10);
      expect((await storage().conversations.get(c))?.lastSeq).toBe(10);
    });

    it('appending to an unknown conversation fails and stores nothing', async () => {
      const missing = uid('missing');
      await expect(append(newMessage(missing))).rejects.toThrow();
      expect(await storage().messages.listAfter(missing, 0, 10)).toEqual([]);
    });

    it('listAfter returns messages after a seq, in seq order, at most limit', async () => {
      const c = await conversation();
      for (let i = 0; i < 5; i++) await append(newMessage(c, { text: `m${i + 1}` }));
      expect((await storage().messages.listAfter(c, 2, 10)).map((m) => m.text)).toEqual(['m3', 'm4', 'm5']);
      expect((await storage().messages.listAfter(c, 0, 2)).map((m) => m.seq)).toEqual([1, 2]);
      expect(await storage().messages.listAfter(c, 5, 10)).toEqual([]);
    });

    it('listReplies returns the bot and system messages in reply to one message, in seq order', async () => {
      const c = await conversation();
      const question = (await append(newMessage(c, { clientMessageId: 'q' }))).message;
      const other = (await append(newMessage(c, { clientMessageId: 'q2' }))).message;
      await append(newMessage(c, { sender: 'bot', text: 'r1', inReplyTo: question.id }));
      await append(newMessage(c, { sender: 'bot', text: 'x', inReplyTo: other.id }));
      await append(newMessage(c, { sender: 'system', text: 'r2', inReplyTo: question.id }));
      const replies = await storage().messages.listReplies(c, question.id);
      expect(replies.map((m) => [m.text, m.seq])).toEqual([
        ['r1', 3],
        ['r2', 5],
      ]);
      expect(await storage().messages.listReplies(c, uid('none'))).toEqual([]);
    });
  });
}
