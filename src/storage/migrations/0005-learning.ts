// The learning loop: questions the bot could not answer, the answers it showed with customers' 👍/👎, and
// agents' "save to KB" proposals. Like 0001–0003, every statement is "if not exists" so that an
// interrupted start-up can run it again (SQLite migrations run without a transaction).
import type { ColumnDataType, Kysely, Migration } from 'kysely';
import type { Storage } from '../ports.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against no fixed schema
type AnyDb = Kysely<any>;

export function learningMigration(kind: Storage['kind']): Migration {
  return { up: (db: AnyDb) => up(db, kind) };
}

async function up(db: AnyDb, kind: Storage['kind']): Promise<void> {
  const time: ColumnDataType = kind === 'postgres' ? 'bigint' : 'integer';
  const bool: ColumnDataType = kind === 'postgres' ? 'boolean' : 'integer';

  // Deleting a conversation (a privacy request) takes its captured questions and votes with it.
  await db.schema
    .createTable('unanswered_questions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kb_version', 'integer')
    .addColumn('ranked', 'text', (c) => c.notNull())
    .addColumn('answered_entry_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('resolved_at', time)
    .addColumn('resolution', 'text')
    // One capture per question and reason: the listener may see an event twice (several instances).
    .addUniqueConstraint('unanswered_questions_message_reason', ['message_id', 'reason'])
    .execute();
  // The open questions to cluster, newest first; and the admin's list by time.
  await db.schema
    .createIndex('unanswered_questions_open_created')
    .ifNotExists()
    .on('unanswered_questions')
    .columns(['resolved_at', 'created_at'])
    .execute();
  await db.schema
    .createIndex('unanswered_questions_created')
    .ifNotExists()
    .on('unanswered_questions')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('bot_answers')
    .ifNotExists()
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('kb_version', 'integer')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bot_answers_created_entry')
    .ifNotExists()
    .on('bot_answers')
    .columns(['created_at', 'entry_id'])
    .execute();

  await db.schema
    .createTable('answer_feedback')
    .ifNotExists()
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('entry_id', 'text')
    .addColumn('helpful', bool, (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kb_proposals')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('title', 'text')
    .addColumn('entry_id', 'text')
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('set null'))
    .addColumn('message_id', 'text')
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', time)
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('kb_proposals_status_created')
    .ifNotExists()
    .on('kb_proposals')
    .columns(['status', 'created_at'])
    .execute();
}
