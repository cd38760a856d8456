// SQLite connection details: a file in the data folder, WAL, foreign keys, and transactions that take
// the write lock up front.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema.js';

/** How long a write waits for another process (e.g. `zhida kb import`) to release the file. */
const BUSY_TIMEOUT_MS = 5000;

/** Prepared statements kept for reuse, least recently used dropped first (the app has ~200 distinct). */
const STATEMENT_CACHE_SIZE = 500;

export function openSqlite(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true });
  const database = new BetterSqlite3(join(dataDir, 'zhida.db'));
  database.pragma('journal_mode = WAL'); // readers and the writer do not block each other
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: the file stays consistent after a
  // crash of the process or the machine, and a power cut may lose only the last commits. FULL (SQLite's
  // default) put an fsync in every message append; under a burst of handoffs that was a third of the time.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: cachingStatements(database, STATEMENT_CACHE_SIZE) }),
  });
}

/**
 * Kysely prepares every statement anew (compiling SQL is a fifth of the server's time in a handoff
 * burst); this keeps up to `size` prepared statements by SQL text. Parameters are bound per call, and
 * SQLite re-prepares a kept statement by itself after a schema change. A statement still busy (an
 * unfinished iterator of a streamed query) is not handed out twice: that call gets a fresh one.
 */
export function cachingStatements(database: BetterSqlite3.Database, size: number): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const found = kept.get(sql);
      if (found) {
        kept.delete(sql); // re-inserted below: the Map's order is the recency order
        kept.set(sql, found);
        return found.busy ? database.prepare(sql) : found;
      }
      const statement = database.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * Kysely begins SQLite transactions with a plain (deferred) BEGIN. A deferred transaction that reads and
 * then writes fails at once with SQLITE_BUSY when another process wrote in between, busy timeout or not;
 * BEGIN IMMEDIATE takes the write lock first, so it waits for the busy timeout instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
