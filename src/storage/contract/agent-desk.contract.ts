// Contract: CallbackTicketRepository, NoteRepository and CannedReplyRepository.
import { describe, expect, it } from 'vitest';
import { StorageConflictError } from '../ports.js';
import type { CallbackTicketRecord, CannedReplyRecord, NoteRecord } from '../routing-ports.js';
import { newConversation, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

const ticket = (overrides: Partial<CallbackTicketRecord> = {}): CallbackTicketRecord => ({
  id: uid('ticket'),
  conversationId: null,
  name: '李阿姨',
  phone: '+86 139 1234 5678',
  question: '我的退款怎么还没到账？请回电 📞',
  status: 'open',
  createdAt: T0,
  handledBy: null,
  handledAt: null,
  note: null,
  ...overrides,
});

const reply = (shortcut: string, overrides: Partial<CannedReplyRecord> = {}): CannedReplyRecord => ({
  id: uid('canned'),
  shortcut,
  text: `您好，关于「${shortcut}」：请稍候，我帮您查询 🙏`,
  createdAt: T0,
  ...overrides,
});

export function agentDeskCases(open: OpenStorage): void {
  describe('callback tickets', () => {
    const storage = useStorage(open);
    const tickets = () => storage().callbackTickets;

    it('create returns the ticket and get finds it; every field round-trips; unknown id is null', async () => {
      expect(await tickets().list(null, 10)).toEqual([]);
      const conv = await storage().conversations.create(newConversation());
      const t = ticket({ conversationId: conv.id });
      expect(await tickets().create(t)).toStrictEqual(t);
      expect(await tickets().get(t.id)).toStrictEqual(t);
      const bare = ticket({ status: 'done', handledBy: 'a1', handledAt: T0 + 1, note: '已回电，客户满意' });
      expect(await tickets().create(bare)).toStrictEqual(bare);
      expect(await tickets().get(bare.id)).toStrictEqual(bare);
      expect(await tickets().get(uid('missing'))).toBeNull();
    });

    it('list: newest first, by status or all, at most limit', async () => {
      const at = (minutes: number, status: 'open' | 'done') =>
        ticket({ createdAt: T0 + 1_000_000 + minutes * 60_000, status });
      const made = [at(1, 'open'), at(4, 'done'), at(2, 'done'), at(3, 'open')];
      for (const t of made) await tickets().create(t);
      const [o1, d4, d2, o3] = made;
      const mine = (list: CallbackTicketRecord[]) => list.filter((t) => made.some((m) => m.id === t.id));
      expect(mine(await tickets().list(null, 100))).toStrictEqual([d4, o3, d2, o1]);
      expect(mine(await tickets().list('open', 100))).toStrictEqual([o3, o1]);
      expect(mine(await tickets().list('done', 100))).toStrictEqual([d4, d2]);
      expect(await tickets().list(null, 2)).toStrictEqual([d4, o3]);
      expect(await tickets().list('open', 1)).toStrictEqual([o3]);
    });

    it('setStatus marks done with who, when and a note, and open again; unknown id returns null', async () => {
      const t = await tickets().create(ticket());
      const done = await tickets().setStatus(t.id, 'done', 'agent-7', T0 + 99, '已回电：退款明天到账');
      const expected = {
        ...t,
        status: 'done',
        handledBy: 'agent-7',
        handledAt: T0 + 99,
        note: '已回电：退款明天到账',
      };
      expect(done).toStrictEqual(expected);
      expect(await tickets().get(t.id)).toStrictEqual(expected);
      const reopened = await tickets().setStatus(t.id, 'open', null, null, null);
      expect(reopened).toStrictEqual(t);
      expect(await tickets().get(t.id)).toStrictEqual(t);
      expect(await tickets().setStatus(uid('missing'), 'done', 'a', T0, null)).toBeNull();
    });
  });

  describe('notes', () => {
    const storage = useStorage(open);
    const note = (conversationId: string, text: string, createdAt: number): NoteRecord => ({
      id: uid('note'),
      conversationId,
      authorId: 'agent-1',
      text,
      createdAt,
    });

    it("add returns the note; list returns a conversation's notes oldest first, text exact", async () => {
      const c = (await storage().conversations.create(newConversation())).id;
      const other = (await storage().conversations.create(newConversation())).id;
      expect(await storage().notes.list(c)).toEqual([]);
      const second = note(c, '客户情绪激动，注意安抚 😤', T0 + 20);
      const first = note(c, 'VIP 客户，优先处理', T0 + 10);
      const third = note(c, '已申请退款\n单号：R-2026-0001', T0 + 30);
      for (const n of [second, third, first]) expect(await storage().notes.add(n)).toStrictEqual(n);
      await storage().notes.add(note(other, '别的会话', T0));
      expect(await storage().notes.list(c)).toStrictEqual([first, second, third]);
      expect(await storage().notes.list(uid('missing'))).toEqual([]);
    });

    it('add to an unknown conversation fails', async () => {
      await expect(storage().notes.add(note(uid('missing'), 'x', T0))).rejects.toThrow();
    });
  });

  describe('canned replies', () => {
    const storage = useStorage(open);
    const canned = () => storage().cannedReplies;

    it('put inserts; list is sorted by shortcut; every field round-trips', async () => {
      expect(await canned().list()).toEqual([]);
      const refund = reply('refund');
      const address = reply('address', { text: '修改收货地址：我的 → 地址管理' });
      const wait = reply('wait');
      for (const r of [refund, wait, address]) expect(await canned().put(r)).toStrictEqual(r);
      expect(await canned().list()).toStrictEqual([address, refund, wait]);
    });

    it('put with a known id replaces it, shortcut included', async () => {
      const r = await canned().put(reply('greet'));
      const changed = { ...r, shortcut: 'hello', text: '您好！很高兴为您服务', createdAt: T0 + 5 };
      expect(await canned().put(changed)).toStrictEqual(changed);
      const list = await canned().list();
      expect(list.filter((x) => x.id === r.id)).toStrictEqual([changed]);
      expect(list.some((x) => x.shortcut === 'greet')).toBe(false);
      // The old shortcut is free again.
      const again = reply('greet');
      expect(await canned().put(again)).toStrictEqual(again);
    });

    it('a shortcut used by another id raises StorageConflictError and changes nothing', async () => {
      const taken = await canned().put(reply('thanks'));
      const other = await canned().put(reply('sorry'));
      await expect(canned().put(reply('thanks'))).rejects.toBeInstanceOf(StorageConflictError);
      await expect(canned().put({ ...other, shortcut: 'thanks' })).rejects.toBeInstanceOf(
        StorageConflictError,
      );
      const list = await canned().list();
      expect(list.filter((x) => x.shortcut === 'thanks')).toStrictEqual([taken]);
      expect(list.filter((x) => x.id === other.id)).toStrictEqual([other]);
    });

    it('a conflict inside a transaction leaves it usable', async () => {
      const taken = await canned().put(reply('bye'));
      const next = reply('later');
      await storage().transaction(async (tx) => {
        await expect(tx.cannedReplies.put(reply(taken.shortcut))).rejects.toBeInstanceOf(
          StorageConflictError,
        );
        await tx.cannedReplies.put(next);
      });
      expect((await canned().list()).filter((x) => x.id === next.id)).toStrictEqual([next]);
    });

    it('delete removes by id and says whether it did', async () => {
      const r = await canned().put(reply('delete-me'));
      expect(await canned().delete(r.id)).toBe(true);
      expect((await canned().list()).some((x) => x.id === r.id)).toBe(false);
      expect(await canned().delete(r.id)).toBe(false);
    });
  });
}
