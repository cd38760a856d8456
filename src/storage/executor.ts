// What every repository runs its queries on, and the two helpers they share for atomic writes.
import { sql, type Kysely } from 'kysely';
import { StorageConflictError } from './ports.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/**
 * Resolves the connection (or transaction) for one call. A function rather than a value so that the
 * outer storage's repositories can follow an open transaction (see kysely-storage.ts).
 */
export type Executor = () => Db;

/**
 * One name for every savepoint: nested savepoints may share it, and RELEASE / ROLLBACK TO act on the
 * newest one of that name (SQLite and PostgreSQL alike), which is the innermost. A fixed text also lets
 * SQLite's statement cache keep the three statements (a new name each time meant a new prepare).
 */
const SAVEPOINT = sql.id('zhida_sp');

/**
 * Runs fn all-or-nothing: in a new transaction, or, when db already is one, under a savepoint, so that
 * a failure undoes fn's own writes and leaves the enclosing transaction usable (PostgreSQL would
 * otherwise refuse every further statement of it).
 */
export async function atomically<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(fn);
  const name = SAVEPOINT;
  await sql`savepoint ${name}`.execute(db);
  try {
    const result = await fn(db);
    await sql`release savepoint ${name}`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(db);
    throw error;
  }
}

/** True for a unique or primary-key violation, as better-sqlite3 and pg report it. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs a write, reporting a unique-constraint violation as the port's StorageConflictError. */
export async function conflictAs<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new StorageConflictError(message, { cause: error });
    throw error;
  }
}

/** JSON text for a nullable JSON column. */
export const jsonOrNull = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

export const parseOrNull = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T);
