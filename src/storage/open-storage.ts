// The storage entry point for the composition root: picks the adapter from the database URL, brings the
// schema up to date, and hands out a ready Storage. Close it with storage.close().
import type { Kysely } from 'kysely';
import type { Storage } from './ports.js';
import type { Database } from './schema.js';
import { migrateToLatest } from './migrate.js';
import { kyselyStorage } from './kysely-storage.js';
import { openSqlite } from './sqlite-storage.js';
import { openPostgres } from './postgres-storage.js';

export interface StorageOptions {
  /** postgres:// or postgresql:// for PostgreSQL; unset or empty for SQLite in dataDir. */
  databaseUrl?: string;
  /** The data folder; SQLite keeps its file there (`zhida.db`). */
  dataDir: string;
  /** PostgreSQL only: the schema to use (created if missing); default public. */
  pgSchema?: string;
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  const { databaseUrl, dataDir, pgSchema } = options;
  if (!databaseUrl) return ready('sqlite', openSqlite(dataDir));
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(databaseUrl)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    return ready('postgres', await openPostgres(databaseUrl, pgSchema), pgSchema ?? 'public');
  }
  // The URL itself is not echoed: it may hold a password.
  throw new Error(
    `unsupported database URL scheme "${scheme ?? '(none)'}": use postgres://… for PostgreSQL, or leave the URL unset for SQLite`,
  );
}

async function ready(kind: Storage['kind'], db: Kysely<Database>, pgSchema?: string): Promise<Storage> {
  try {
    await migrateToLatest(db, kind, pgSchema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return kyselyStorage(kind, db);
}
