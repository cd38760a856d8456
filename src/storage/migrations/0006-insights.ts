// Insights: the conversation's channel, per-conversation projections and global rollups for the
// dashboard (so that no dashboard query reads the messages table), customers, and agents' tags. Like 0001/0003, every
// step can run again after an interrupted start-up (SQLite migrations run without a transaction).
import type { ColumnDataType, ColumnDefinitionBuilderCallback, Kysely, Migration } from 'kysely';
import type { Storage } from '../ports.js';
import { conversationColumns } from './0003-routing.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against no fixed schema
type AnyDb = Kysely<any>;

export function insightsMigration(kind: Storage['kind']): Migration {
  return { up: (db: AnyDb) => up(db, kind) };
}

async function up(db: AnyDb, kind: Storage['kind']): Promise<void> {
  const time: ColumnDataType = kind === 'postgres' ? 'bigint' : 'integer';
  const count: ColumnDefinitionBuilderCallback = (c) => c.notNull().defaultTo(0);

  if (!(await conversationColumns(db, kind)).has('channel')) {
    await db.schema
      .alterTable('conversations')
      .addColumn('channel', 'text', (c) => c.notNull().defaultTo('web'))
      .execute();
  }

  await db.schema
    .createTable('insight_conversations')
    .ifNotExists()
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('care', 'integer', count)
    .addColumn('customer_key', 'text')
    .addColumn('customer_name', 'text')
    .addColumn('customer_phone', 'text')
    .addColumn('started_at', time, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('customer_messages', 'integer', count)
    .addColumn('first_customer_at', time)
    .addColumn('last_customer_at', time)
    .addColumn('last_activity_at', time, (c) => c.notNull())
    .addColumn('first_response_ms', time)
    .addColumn('bot_answers', 'integer', count)
    .addColumn('bot_clarifies', 'integer', count)
    .addColumn('bot_handoffs', 'integer', count)
    .addColumn('last_decision', 'text')
    .addColumn('agent_messages', 'integer', count)
    .addColumn('handed_off', 'integer', count)
    .addColumn('first_handoff_reason', 'text')
    .addColumn('first_handoff_at', time)
    .addColumn('agent_response_ms', time)
    .addColumn('reopened', 'integer', count)
    .addColumn('self_served', 'integer', count)
    .addColumn('anger_max', 'integer', count)
    .addColumn('angry_messages', 'integer', count)
    .execute();
  // Conversations active in the last 24 h (not settled yet) for the self-service correction.
  await db.schema
    .createIndex('insight_conversations_activity')
    .ifNotExists()
    .on('insight_conversations')
    .column('last_activity_at')
    .execute();
  // Profiles: a customer's conversations, newest first.
  await db.schema
    .createIndex('insight_conversations_customer')
    .ifNotExists()
    .on('insight_conversations')
    .columns(['customer_key', 'started_at'])
    .where('customer_key', 'is not', null)
    .execute();

  await db.schema
    .createTable('insight_hourly')
    .ifNotExists()
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('hour', time, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer', 'integer', count)
    .addColumn('bot', 'integer', count)
    .addColumn('agent', 'integer', count)
    .addColumn('system', 'integer', count)
    .addColumn('answers', 'integer', count)
    .addColumn('clarifies', 'integer', count)
    .addColumn('handoffs', 'integer', count)
    .addPrimaryKeyConstraint('insight_hourly_pk', ['conversation_id', 'hour'])
    .execute();
  await db.schema
    .createTable('insight_entry_hits')
    .ifNotExists()
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('hour', time, (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', count)
    .addPrimaryKeyConstraint('insight_entry_hits_pk', ['conversation_id', 'hour', 'entry_id'])
    .execute();
  // Global rollups (see insight-schema.ts): what the dashboard reads.
  const totals = db.schema
    .createTable('insight_hour_totals')
    .ifNotExists()
    .addColumn('hour', time, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull());
  const fields = [
    'conversations',
    'engaged',
    'care',
    'handed_off',
    'self_served',
    'customer',
    'bot',
    'agent',
    'system',
    'answers',
    'clarifies',
    'handoffs',
  ];
  await fields
    .reduce((table, field) => table.addColumn(field, 'integer', count), totals)
    .addPrimaryKeyConstraint('insight_hour_totals_pk', ['hour', 'channel'])
    .execute();
  await db.schema
    .createTable('insight_hour_reasons')
    .ifNotExists()
    .addColumn('hour', time, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('conversations', 'integer', count)
    .addPrimaryKeyConstraint('insight_hour_reasons_pk', ['hour', 'channel', 'reason'])
    .execute();
  for (const table of ['insight_entry_hours', 'insight_entry_days']) {
    await db.schema
      .createTable(table)
      .ifNotExists()
      .addColumn('bucket', time, (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', count)
      .addPrimaryKeyConstraint(`${table}_pk`, ['bucket', 'channel', 'entry_id'])
      .execute();
  }
  await db.schema
    .createTable('insight_response_times')
    .ifNotExists()
    .addColumn('hour', time, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ms', time, (c) => c.notNull())
    .addColumn('count', 'integer', count)
    .addPrimaryKeyConstraint('insight_response_times_pk', ['hour', 'channel', 'kind', 'ms'])
    .execute();
  await db.schema
    .createTable('insight_customers')
    .ifNotExists()
    .addColumn('customer_key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('contacts', 'integer', count)
    .addColumn('first_contact_at', time, (c) => c.notNull())
    .addColumn('last_contact_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('insight_customers_last_contact')
    .ifNotExists()
    .on('insight_customers')
    .column('last_contact_at')
    .execute();
  // Queue wait and abandonment: covering, so a 90-day range reads only the index.
  await db.schema
    .createIndex('handoffs_insights')
    .ifNotExists()
    .on('handoffs')
    .columns(['queued_at', 'reason', 'assigned_at', 'ended_at', 'outcome', 'conversation_id'])
    .execute();

  await db.schema
    .createTable('customer_tags')
    .ifNotExists()
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_tags_pk', ['customer_key', 'tag'])
    .execute();
}
