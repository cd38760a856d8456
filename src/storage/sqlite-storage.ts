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
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema.js';

/** How long a write waits for another process (e.g. `zhida kb import`) to release the file. */
const BUSY_TIMEOUT_MS = 5000;

export function openSqlite(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true });
  const database = new BetterSqlite3(join(dataDir, 'zhida.db'));
  database.pragma('journal_mode = WAL'); // readers and the writer do not block each other
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
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
