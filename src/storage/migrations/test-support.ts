// For the upgrade tests: a SQLite store as an older release left it, migrated through a given migration.
import { Migrator, type Kysely } from 'kysely';
import { allMigrations } from '../migrate.js';

/** Runs every migration up to and including `last` (by name) on `db`; throws if one fails. */
export async function migrateThrough(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an older schema than Database's
  db: Kysely<any>,
  last: string,
): Promise<void> {
  const upTo = Object.entries(allMigrations('sqlite')).filter(([name]) => name <= last);
  if (!upTo.some(([name]) => name === last)) throw new Error(`no migration named ${last}`);
  const migrator = new Migrator({
    db,
    allowUnorderedMigrations: true,
    provider: { getMigrations: async () => Object.fromEntries(upTo) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
