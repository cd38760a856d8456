// Handoff, queue and routing: the conversation's queue fields, agents' presence, handoff records,
// callback tickets, internal notes and canned replies. Like 0001, every step can run again after an
// interrupted start-up (SQLite migrations run without a transaction): tables and indexes are "if not
// exists", and a column is added only when missing (SQLite has no ADD COLUMN IF NOT EXISTS).
import {
  sql,
  type ColumnDataType,
  type ColumnDefinitionBuilderCallback,
  type Kysely,
  type Migration,
} from 'kysely';
import type { Storage } from '../ports.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against no fixed schema
type AnyDb = Kysely<any>;

export function routingMigration(kind: Storage['kind']): Migration {
  return { up: (db: AnyDb) => up(db, kind) };
}

async function up(db: AnyDb, kind: Storage['kind']): Promise<void> {
  const time: ColumnDataType = kind === 'postgres' ? 'bigint' : 'integer';
  const bool: ColumnDataType = kind === 'postgres' ? 'boolean' : 'integer';
  const no = kind === 'postgres' ? sql`false` : sql`0`;

  const existing = await conversationColumns(db, kind);
  const addColumn = async (
    name: string,
    type: ColumnDataType,
    build: ColumnDefinitionBuilderCallback = (c) => c,
  ) => {
    if (!existing.has(name))
      await db.schema.alterTable('conversations').addColumn(name, type, build).execute();
  };
  await addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'));
  await addColumn('skill_group', 'text');
  await addColumn('front_of_queue', bool, (c) => c.notNull().defaultTo(no));
  await addColumn('assigned_at', time);

  await db.schema
    .createTable('agent_states')
    .ifNotExists()
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('presence', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addColumn('idle_since', time, (c) => c.notNull())
    .execute();
  // listStale.
  await db.schema
    .createIndex('agent_states_presence_seen')
    .ifNotExists()
    .on('agent_states')
    .columns(['presence', 'last_seen_at'])
    .execute();

  await db.schema
    .createTable('handoffs')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('skill_group', 'text')
    .addColumn('requested_at', time, (c) => c.notNull())
    .addColumn('queued_at', time, (c) => c.notNull())
    .addColumn('assigned_at', time)
    .addColumn('agent_id', 'text')
    .addColumn('ended_at', time)
    .addColumn('outcome', 'text')
    .execute();
  // open (a conversation's latest handoff), listQueuedBetween, recentHandleTimes.
  await db.schema
    .createIndex('handoffs_conversation_queued')
    .ifNotExists()
    .on('handoffs')
    .columns(['conversation_id', 'queued_at'])
    .execute();
  await db.schema.createIndex('handoffs_queued').ifNotExists().on('handoffs').column('queued_at').execute();
  await db.schema
    .createIndex('handoffs_outcome_ended')
    .ifNotExists()
    .on('handoffs')
    .columns(['outcome', 'ended_at'])
    .execute();

  await db.schema
    .createTable('callback_tickets')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', time)
    .addColumn('note', 'text')
    .execute();
  // list, with and without a status.
  await db.schema
    .createIndex('callback_tickets_status_created')
    .ifNotExists()
    .on('callback_tickets')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('callback_tickets_created')
    .ifNotExists()
    .on('callback_tickets')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('conversation_notes')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_notes_conversation_created')
    .ifNotExists()
    .on('conversation_notes')
    .columns(['conversation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('canned_replies')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shortcut', 'text', (c) => c.notNull().unique())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
}

/** Column names of the conversations table (in the connection's own schema, for PostgreSQL). */
export async function conversationColumns(db: AnyDb, kind: Storage['kind']): Promise<Set<string>> {
  const { rows } =
    kind === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = 'conversations'`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_info('conversations')`.execute(db);
  return new Set(rows.map((r) => r.name));
}
