// Agent and admin accounts; usernames are unique (a database constraint, so that two concurrent
// sign-ups cannot both take one).
import type { Selectable } from 'kysely';
import type { Role, UserRecord, UserRepository } from './ports.js';
import type { UsersTable } from './schema.js';
import { atomically, conflictAs, type Executor } from './executor.js';

export function userRepository(db: Executor): UserRepository {
  return {
    async create(user) {
      // atomically: inside a caller's transaction a conflict must not poison it (PostgreSQL aborts a
      // transaction on any failed statement unless a savepoint contains it).
      await conflictAs(`username "${user.username}" (or user id) is taken`, () =>
        atomically(db(), (trx) =>
          trx
            .insertInto('users')
            .values({
              id: user.id,
              username: user.username,
              display_name: user.displayName,
              role: user.role,
              password_hash: user.passwordHash,
              created_at: user.createdAt,
            })
            .execute(),
        ),
      );
      return { ...user };
    },

    async getById(id) {
      const row = await db().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async getByUsername(username) {
      const row = await db()
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async list() {
      const rows = await db()
        .selectFrom('users')
        .selectAll()
        .orderBy('created_at')
        .orderBy('username')
        .execute();
      return rows.map(toRecord);
    },

    async count() {
      const row = await db()
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

function toRecord(r: Selectable<UsersTable>): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
  };
}
