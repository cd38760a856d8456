// Consumer protection: the server's signing keys, satisfaction ratings, complaint tickets with their
// history, and the audit log. Like 0001, every statement is "if not exists" so that an interrupted
// start-up can run it again (SQLite migrations run without a transaction).
import { sql, type ColumnDataType, type Kysely, type Migration } from 'kysely';
import type { Storage } from '../ports.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against no fixed schema
type AnyDb = Kysely<any>;

export function evidenceMigration(kind: Storage['kind']): Migration {
  return { up: (db: AnyDb) => up(db, kind) };
}

async function up(db: AnyDb, kind: Storage['kind']): Promise<void> {
  const time: ColumnDataType = kind === 'postgres' ? 'bigint' : 'integer';
  const bool: ColumnDataType = kind === 'postgres' ? 'boolean' : 'integer';

  // One row per purpose; several instances sharing PostgreSQL race to insert it and all read the winner.
  await db.schema
    .createTable('server_keys')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ratings')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('score', 'integer', (c) => c.notNull().check(sqlBetween('score', 1, 5)))
    .addColumn('comment', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('superseded_at', time)
    .execute();
  await db.schema
    .createIndex('ratings_conversation')
    .ifNotExists()
    .on('ratings')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema.createIndex('ratings_created').ifNotExists().on('ratings').column('created_at').execute();

  await db.schema
    .createTable('complaints')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_by_id', 'text')
    .addColumn('first_response_at', time)
    .addColumn('resolved_at', time)
    .addColumn('paused_ms', time, (c) => c.notNull().defaultTo(0))
    .addColumn('paused_since', time)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaints_status')
    .ifNotExists()
    .on('complaints')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('complaints_conversation')
    .ifNotExists()
    .on('complaints')
    .column('conversation_id')
    .execute();
  await db.schema
    .createIndex('complaints_assignee')
    .ifNotExists()
    .on('complaints')
    .columns(['assignee_id', 'status'])
    .execute();

  await db.schema
    .createTable('complaint_events')
    .ifNotExists()
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('text', 'text')
    .addColumn('internal', bool, (c) => c.notNull())
    .addColumn('data', 'text')
    .addPrimaryKeyConstraint('complaint_events_pk', ['complaint_id', 'seq'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').ifNotExists().on('audit_log').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('audit_log_actor')
    .ifNotExists()
    .on('audit_log')
    .columns(['actor_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_log_action')
    .ifNotExists()
    .on('audit_log')
    .columns(['action', 'at'])
    .execute();
}

const sqlBetween = (column: string, low: number, high: number) =>
  sql`${sql.ref(column)} between ${sql.lit(low)} and ${sql.lit(high)}`;
