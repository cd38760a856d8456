// Canned replies agents insert by typing "/shortcut"; shortcuts are unique (a database constraint).
import type { CannedReplyRepository } from './routing-ports.js';
import { atomically, conflictAs, type Executor } from './executor.js';

export function cannedReplyRepository(db: Executor): CannedReplyRepository {
  return {
    async list() {
      const rows = await db().selectFrom('canned_replies').selectAll().execute();
      // Sorted here, not in SQL: PostgreSQL would order by its locale's collation, SQLite by code points.
      return rows
        .map((r) => ({ id: r.id, shortcut: r.shortcut, text: r.text, createdAt: r.created_at }))
        .sort((a, b) => (a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : 0));
    },

    async put(reply) {
      const row = { shortcut: reply.shortcut, text: reply.text, created_at: reply.createdAt };
      // atomically: inside a caller's transaction a conflict must not poison it (see user-repository.ts).
      await conflictAs(`canned reply shortcut "${reply.shortcut}" is taken`, () =>
        atomically(db(), (trx) =>
          trx
            .insertInto('canned_replies')
            .values({ id: reply.id, ...row })
            .onConflict((oc) => oc.column('id').doUpdateSet(row))
            .execute(),
        ),
      );
      return { ...reply };
    },

    async delete(id) {
      const { numDeletedRows } = await db()
        .deleteFrom('canned_replies')
        .where('id', '=', id)
        .executeTakeFirst();
      return numDeletedRows > 0n;
    },
  };
}
