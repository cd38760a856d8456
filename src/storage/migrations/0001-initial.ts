// The first schema. Only two column types differ between the dialects, and they are chosen here:
// epoch-ms times (SQLite integers are 64-bit already) and booleans. JSON is stored as text in both.
// Every statement is "if not exists": SQLite migrations run without a transaction, so a start-up
// interrupted half-way must be able to run this again.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Storage } from '../ports.js';

export function initialMigration(kind: Storage['kind']): Migration {
  const time = kind === 'postgres' ? 'bigint' : 'integer';
  const bool = kind === 'postgres' ? 'boolean' : 'integer';
  return { up: (db: AnyDb) => up(db, time, bool) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against no fixed schema
type AnyDb = Kysely<any>;

async function up(db: AnyDb, time: 'bigint' | 'integer', bool: 'boolean' | 'integer'): Promise<void> {
  await db.schema
    .createTable('conversations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('care', bool, (c) => c.notNull())
    .addColumn('customer', 'text', (c) => c.notNull())
    .addColumn('assigned_agent_id', 'text')
    .addColumn('handoff_reason', 'text')
    .addColumn('queued_at', time)
    .addColumn('bot_misses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pending_clarify', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
  // listByStatus (queue order) and listByAgent (an agent's inbox).
  await db.schema
    .createIndex('conversations_status_queue')
    .ifNotExists()
    .on('conversations')
    .columns(['status', 'queued_at', 'created_at'])
    .execute();
  await db.schema
    .createIndex('conversations_agent_status')
    .ifNotExists()
    .on('conversations')
    .columns(['assigned_agent_id', 'status', 'updated_at'])
    .execute();

  await db.schema
    .createTable('messages')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('client_message_id', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('meta', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('messages_conversation_seq', ['conversation_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('messages_client_message_id')
    .ifNotExists()
    .unique()
    .on('messages')
    .columns(['conversation_id', 'client_message_id'])
    .where('client_message_id', 'is not', null)
    .execute();
  await db.schema
    .createIndex('messages_in_reply_to')
    .ifNotExists()
    .on('messages')
    .columns(['conversation_id', 'in_reply_to'])
    .where('in_reply_to', 'is not', null)
    .execute();

  await db.schema
    .createTable('kb_meta')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('kb_meta')
    .values({ id: 1, name: '', locale: 'zh-CN', version: 0 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db.schema
    .createTable('kb_entries')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('tags', 'text')
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('kb_versions')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('note', 'text')
    .addColumn('entry_count', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .ifNotExists()
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').ifNotExists().on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires').ifNotExists().on('sessions').column('expires_at').execute();
}
