// Brings a database to the latest schema with Kysely's Migrator (migrations are code, not files, so
// they ship inside the build). Run by openStorage before an adapter is handed out.
import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Storage } from './ports.js';
import type { Database } from './schema.js';
import { initialMigration } from './migrations/0001-initial.js';
import { evidenceMigration } from './migrations/0002-evidence.js';
import { routingMigration } from './migrations/0003-routing.js';
import { kbLifecycleMigration } from './migrations/0004-kb-lifecycle.js';
import { learningMigration } from './migrations/0005-learning.js';
import { insightsMigration } from './migrations/0006-insights.js';
import { insightResponseDaysMigration } from './migrations/0007-insight-response-days.js';
import { kbNegativesMigration } from './migrations/0008-kb-negatives.js';

/** Every migration, by name; names sort in the order they were written. */
export function allMigrations(kind: Storage['kind']): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(kind),
    '0002-evidence': evidenceMigration(kind),
    '0003-routing': routingMigration(kind),
    '0004-kb-lifecycle': kbLifecycleMigration(kind),
    '0005-learning': learningMigration(kind),
    '0006-insights': insightsMigration(kind),
    '0007-insight-response-days': insightResponseDaysMigration(kind),
    '0008-kb-negatives': kbNegativesMigration(kind),
  };
}

/**
 * `pgSchema` names the PostgreSQL schema that holds the tables. The Migrator must be told: without it,
 * it looks for its bookkeeping tables in every schema and would take another schema's for ours.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  kind: Storage['kind'],
  pgSchema?: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    migrationTableSchema: pgSchema,
    // 0004–0006 were written side by side: a database that ran 0006 before 0005 existed must still take 0005.
    allowUnorderedMigrations: true,
    provider: { getMigrations: async () => allMigrations(kind) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? '(setup)'} failed: ${String(error)}`, { cause: error });
  }
}
