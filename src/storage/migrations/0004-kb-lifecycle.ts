// KB lifecycle: a published version the live bot answers from (the working copy in kb_entries is the
// draft), who published each version and when, and the KB's regression cases. Like 0001 and 0003, every
// step can run again after an interrupted start-up (SQLite migrations run without a transaction).
import { sql, type ColumnDataType, type Kysely, type Migration } from 'kysely';
import type { Storage } from '../ports.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against no fixed schema
type AnyDb = Kysely<any>;

export function kbLifecycleMigration(kind: Storage['kind']): Migration {
  return { up: (db: AnyDb) => up(db, kind) };
}

async function up(db: AnyDb, kind: Storage['kind']): Promise<void> {
  const time: ColumnDataType = kind === 'postgres' ? 'bigint' : 'integer';

  if (!(await columns(db, kind, 'kb_meta')).has('published_version')) {
    await db.schema
      .alterTable('kb_meta')
      .addColumn('published_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  // A store that existed before drafts answered from its latest version: keep that version live. Also
  // right on a re-run (this migration is recorded only once it finished).
  await db
    .updateTable('kb_meta')
    .set({ published_version: sql`version` })
    .where('published_version', '=', 0)
    .execute();

  const versionColumns = await columns(db, kind, 'kb_versions');
  if (!versionColumns.has('published_at'))
    await db.schema.alterTable('kb_versions').addColumn('published_at', time).execute();
  if (!versionColumns.has('published_by'))
    await db.schema.alterTable('kb_versions').addColumn('published_by', 'text').execute();

  await db.schema
    .createTable('kb_regression_cases')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('expected_entry_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
}

/** The columns a table has now (a re-run after an interrupted start-up must not add one twice). */
export async function columns(db: AnyDb, kind: Storage['kind'], table: string): Promise<Set<string>> {
  const { rows } =
    kind === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table}`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return new Set(rows.map((r) => r.name));
}
