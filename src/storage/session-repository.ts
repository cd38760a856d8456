// Sign-in sessions, keyed by the hash of the cookie value.
import type { SessionRepository } from './ports.js';
import type { Executor } from './executor.js';

export function sessionRepository(db: Executor): SessionRepository {
  return {
    async create(s) {
      await db()
        .insertInto('sessions')
        .values({ id_hash: s.idHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt })
        .execute();
    },

    async get(idHash, now) {
      const r = await db()
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return r
        ? { idHash: r.id_hash, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at }
        : null;
    },

    async delete(idHash) {
      await db().deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteExpired(now) {
      const { numDeletedRows } = await db()
        .deleteFrom('sessions')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(numDeletedRows);
    },
  };
}
