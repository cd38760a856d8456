// Contract: ComplaintRepository (compare-and-set on the version, ordered history) and AuditRepository.
import { describe, expect, it } from 'vitest';
import { initialComplaintState } from '../../domain/complaint-status.js';
import {
  StorageConflictError,
  type AuditRecord,
  type ComplaintEventRecord,
  type NewComplaint,
} from '../ports.js';
import { newConversation, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

const newComplaint = (conversationId: string, overrides: Partial<NewComplaint> = {}): NewComplaint => ({
  ...initialComplaintState(),
  id: uid('complaint'),
  conversationId,
  category: '退款',
  description: '退款七天未到账，客服说已处理',
  priority: 'normal',
  openedBy: 'customer',
  openedById: null,
  createdAt: T0,
  ...overrides,
});

const event = (
  complaintId: string,
  seq: number,
  overrides: Partial<ComplaintEventRecord> = {},
): ComplaintEventRecord => ({
  complaintId,
  seq,
  at: T0 + seq,
  kind: 'comment',
  actor: 'agent',
  actorId: 'u1',
  fromStatus: null,
  toStatus: null,
  text: null,
  internal: false,
  data: null,
  ...overrides,
});

export function complaintCases(open: OpenStorage): void {
  describe('complaints', () => {
    const storage = useStorage(open);
    const complaints = () => storage().complaints;
    const conversation = () => storage().conversations.create(newConversation());

    it('creates a ticket at version 1 and reads it back', async () => {
      const c = await conversation();
      const input = newComplaint(c.id, { priority: 'urgent', pausedMs: 5 });
      const created = await complaints().create(input);
      expect(created).toStrictEqual({ ...input, version: 1, updatedAt: T0 });
      expect(await complaints().get(created.id)).toStrictEqual(created);
      expect(await complaints().get(uid('none'))).toBeNull();
      await expect(complaints().create(input)).rejects.toBeInstanceOf(StorageConflictError);
      await expect(complaints().create(newComplaint(uid('ghost')))).rejects.toThrow();
    });

    it('updates only at the expected version (compare-and-set), bumping it', async () => {
      const c = await conversation();
      const created = await complaints().create(newComplaint(c.id));
      const patch = {
        status: 'resolved' as const,
        resolvedAt: T0 + 50,
        firstResponseAt: T0 + 10,
        pausedSince: null,
      };
      const updated = await complaints().update(created.id, patch, T0 + 50, 1);
      expect(updated).toStrictEqual({ ...created, ...patch, version: 2, updatedAt: T0 + 50 });
      expect(await complaints().update(created.id, { status: 'closed' }, T0 + 60, 1)).toBeNull();
      expect((await complaints().get(created.id))?.status).toBe('resolved');
      const results = await Promise.all(
        [1, 2, 3].map((n) => complaints().update(created.id, { pausedMs: n }, T0 + 70, 2)),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('lists newest first, by status, assignee and conversation, with paging', async () => {
      const c = await conversation();
      const mark = uid('assignee');
      const old = await complaints().create(newComplaint(c.id, { createdAt: T0 + 1, assigneeId: mark }));
      const mid = await complaints().create(
        newComplaint(c.id, { createdAt: T0 + 2, status: 'in_progress', assigneeId: mark }),
      );
      const young = await complaints().create(newComplaint(c.id, { createdAt: T0 + 3 }));
      const ids = async (f: Parameters<ReturnType<typeof complaints>['list']>[0]) =>
        (await complaints().list(f)).map((x) => x.id);
      expect(await ids({ conversationId: c.id, limit: 10 })).toEqual([young.id, mid.id, old.id]);
      expect(await ids({ conversationId: c.id, statuses: ['new'], limit: 10 })).toEqual([young.id, old.id]);
      expect(await ids({ assigneeId: mark, limit: 10 })).toEqual([mid.id, old.id]);
      expect(await ids({ conversationId: c.id, limit: 1, offset: 1 })).toEqual([mid.id]);
      expect(await ids({ statuses: [], limit: 10 })).toEqual([]);
    });

    it('keeps the history in seq order and refuses a second event with one seq', async () => {
      const c = await conversation();
      const t = await complaints().create(newComplaint(c.id));
      const opened = event(t.id, 1, {
        kind: 'opened',
        actor: 'customer',
        actorId: null,
        toStatus: 'new',
        text: '描述',
      });
      const note = event(t.id, 3, { text: '内部备注', internal: true, data: { via: 'console' } });
      const moved = event(t.id, 2, { kind: 'status', fromStatus: 'new', toStatus: 'in_progress' });
      for (const e of [opened, note, moved]) await complaints().addEvent(e);
      expect(await complaints().events(t.id)).toStrictEqual([opened, moved, note]);
      await expect(complaints().addEvent(event(t.id, 2))).rejects.toBeInstanceOf(StorageConflictError);
      expect(await complaints().events(uid('none'))).toEqual([]);
    });
  });

  describe('audit log', () => {
    const storage = useStorage(open);
    const audit = () => storage().audit;
    const entry = (overrides: Partial<AuditRecord> = {}): AuditRecord => ({
      id: uid('audit'),
      at: T0,
      actorId: 'admin-1',
      actorRole: 'admin',
      actorName: '管理员',
      action: 'kb.entry.delete',
      objectType: 'kb-entry',
      objectId: 'refund-arrival',
      detail: { version: 3 },
      ...overrides,
    });

    it('lists newest first with filters and a total for paging', async () => {
      const actor = uid('actor');
      const a = entry({
        actorId: actor,
        at: T0 + 1,
        action: 'conversation.read',
        objectType: 'conversation',
        objectId: 'c1',
        detail: null,
      });
      const b = entry({ actorId: actor, at: T0 + 2 });
      const c = entry({
        actorId: actor,
        at: T0 + 3,
        actorRole: 'agent',
        action: 'conversation.read',
        objectId: 'c2',
      });
      for (const e of [a, b, c]) await audit().record(e);
      expect(await audit().list({ actorId: actor, limit: 10 })).toStrictEqual({
        entries: [c, b, a],
        total: 3,
      });
      expect(await audit().list({ actorId: actor, action: 'conversation.read', limit: 1 })).toStrictEqual({
        entries: [c],
        total: 2,
      });
      expect(await audit().list({ actorId: actor, limit: 1, offset: 2 })).toStrictEqual({
        entries: [a],
        total: 3,
      });
      expect(
        (await audit().list({ objectType: 'conversation', objectId: 'c1', limit: 10 })).entries,
      ).toStrictEqual([a]);
      expect(await audit().list({ actorId: uid('nobody'), limit: 10 })).toStrictEqual({
        entries: [],
        total: 0,
      });
    });
  });
}
