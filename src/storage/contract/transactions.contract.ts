// Contract: Storage.transaction (all or nothing; nested use of the outer storage joins, never deadlocks).
import { describe, expect, it } from 'vitest';
import { StorageConflictError } from '../ports.js';
import {
  newConversation,
  newMessage,
  newUser,
  uid,
  useStorage,
  type OpenStorage,
} from './fixtures.contract.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function transactionCases(open: OpenStorage): void {
  describe('transactions', () => {
    const storage = useStorage(open);

    it('keeps every write of fn and returns its result', async () => {
      const conv = newConversation();
      const result = await storage().transaction(async (tx) => {
        await tx.conversations.create(conv);
        await tx.messages.append(newMessage(conv.id));
        return 'done';
      });
      expect(result).toBe('done');
      expect(await storage().messages.listAfter(conv.id, 0, 10)).toHaveLength(1);
    });

    it('keeps none of the writes when fn throws, and rethrows', async () => {
      const conv = newConversation();
      const user = newUser();
      const boom = new Error('boom');
      const versionBefore = await storage().kb.currentVersion();
      await expect(
        storage().transaction(async (tx) => {
          await tx.conversations.create(conv);
          await tx.messages.append(newMessage(conv.id));
          await tx.users.create(user);
          await tx.kb.upsertEntry({ id: 'tx', title: 't', questions: ['q'], answer: 'a' }, null, 1);
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await storage().conversations.get(conv.id)).toBeNull();
      expect(await storage().users.getById(user.id)).toBeNull();
      expect(await storage().kb.currentVersion()).toBe(versionBefore);
      expect(await storage().kb.getEntry('tx')).toBeNull();
    });

    it('calls on the outer storage inside fn join the transaction (no deadlock) and roll back with it', async () => {
      const conv = newConversation();
      await expect(
        storage().transaction(async (tx) => {
          await tx.conversations.create(conv);
          await storage().messages.append(newMessage(conv.id)); // outer storage, inside fn
          expect(await storage().messages.listAfter(conv.id, 0, 10)).toHaveLength(1);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await storage().conversations.get(conv.id)).toBeNull();
    });

    it('a nested transaction is a savepoint: its failure undoes only its own writes', async () => {
      const outer = newConversation();
      const inner = newConversation();
      await storage().transaction(async (tx) => {
        await tx.conversations.create(outer);
        await expect(
          storage().transaction(async (tx2) => {
            await tx2.conversations.create(inner);
            throw new Error('inner');
          }),
        ).rejects.toThrow('inner');
        await tx.messages.append(newMessage(outer.id));
      });
      expect(await storage().conversations.get(outer.id)).toMatchObject({ lastSeq: 1 });
      expect(await storage().conversations.get(inner.id)).toBeNull();
    });

    it('savepoints nest: an inner failure undoes the innermost only, and the levels around it commit', async () => {
      const [outer, middle, inner, after] = [1, 2, 3, 4].map(() => newConversation());
      await storage().transaction(async (tx) => {
        await tx.conversations.create(outer);
        await storage().transaction(async (tx2) => {
          await tx2.conversations.create(middle);
          await expect(
            storage().transaction(async (tx3) => {
              await tx3.conversations.create(inner);
              throw new Error('inner');
            }),
          ).rejects.toThrow('inner');
          await tx2.messages.append(newMessage(middle.id)); // a savepoint of its own, after the failed one
        });
        await tx.conversations.create(after);
      });
      expect(await storage().conversations.get(outer.id)).not.toBeNull();
      expect(await storage().conversations.get(middle.id)).toMatchObject({ lastSeq: 1 });
      expect(await storage().conversations.get(inner.id)).toBeNull();
      expect(await storage().conversations.get(after.id)).not.toBeNull();
    });

    it('a caught StorageConflictError inside fn leaves the transaction usable', async () => {
      const taken = await storage().users.create(newUser());
      const conv = newConversation();
      await storage().transaction(async (tx) => {
        await expect(tx.users.create(newUser({ username: taken.username }))).rejects.toBeInstanceOf(
          StorageConflictError,
        );
        await tx.conversations.create(conv);
      });
      expect(await storage().conversations.get(conv.id)).not.toBeNull();
    });

    it('runs alongside other work without deadlock, and no one sees it half-done', async () => {
      const a = newConversation();
      const b = newConversation();
      await storage().conversations.create(b);
      const slow = storage().transaction(async (tx) => {
        await tx.conversations.create(a);
        await sleep(40);
        await tx.messages.append(newMessage(a.id));
      });
      const others = Promise.all([
        // Read from outside while fn sleeps: PostgreSQL shows nothing yet, SQLite waits for the commit.
        sleep(10).then(() => storage().conversations.get(a.id)),
        storage().messages.append(newMessage(b.id, { clientMessageId: uid('k') })),
        storage().transaction((tx) => tx.messages.append(newMessage(b.id))),
      ]);
      const [, [seenA]] = await Promise.all([slow, others]);
      expect(seenA === null || seenA.lastSeq === 1).toBe(true);
      expect(await storage().messages.listAfter(a.id, 0, 10)).toHaveLength(1);
      expect(await storage().messages.listAfter(b.id, 0, 10)).toHaveLength(2);
    });
  });
}
