// Opens a migrated database for the generator and the benchmark: SQLite in a data folder, or PostgreSQL
// (optionally in its own schema). Returns the Kysely instance, which bulk inserts need.
import { sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { openPostgres } from '../../src/storage/postgres-storage.js';
import type { Storage } from '../../src/storage/ports.js';
import type { Database } from '../../src/storage/schema.js';
import { openSqlite } from '../../src/storage/sqlite-storage.js';

export interface OpenedDatabase {
  kind: Storage['kind'];
  db: Kysely<Database>;
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  pgSchema?: string;
}): Promise<OpenedDatabase> {
  const kind: Storage['kind'] = options.databaseUrl ? 'postgres' : 'sqlite';
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.pgSchema)
    : openSqlite(options.dataDir);
  await migrateToLatest(db, kind, kind === 'postgres' ? (options.pgSchema ?? 'public') : undefined);
  if (kind === 'sqlite') {
    // A bulk load: a page cache that holds the indexes being filled (random uuid keys), and WAL's own
    // crash safety instead of a sync per commit. The server's queries later run with its own settings.
    await sql`pragma cache_size = -262144`.execute(db);
    await sql`pragma synchronous = normal`.execute(db);
  }
  return { kind, db };
}

/**
 * After a bulk load: fresh planner statistics, and on PostgreSQL a vacuum too — what autovacuum does
 * soon after any big write: it sets the rows' hint bits and the visibility map (index-only scans), work
 * that the first queries on a just-loaded table would otherwise do (measured on a just-filled 1M-message
 * store: the first kb-categories query took 867 ms without the vacuum, 54 ms after it).
 */
export async function analyze(db: Kysely<Database>, kind: Storage['kind']): Promise<void> {
  await (kind === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
}
