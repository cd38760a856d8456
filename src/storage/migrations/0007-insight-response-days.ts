// Insights: response times also per UTC day (insight_response_days), so that a long range reads a few
// rows per day instead of one per hour; the hours at either end of a range still come from
// insight_response_times. Filled from the hourly table, once: safe to run again after an interrupted
// start-up (SQLite migrations run without a transaction), as the fill adds nothing that is there.
// And the conversations active in the last 24 h (the self-service correction) read from an index alone.
import { sql, type ColumnDataType, type Kysely, type Migration } from 'kysely';
import type { Storage } from '../ports.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against no fixed schema
type AnyDb = Kysely<any>;

const DAY_MS = 86_400_000;

export function insightResponseDaysMigration(kind: Storage['kind']): Migration {
  return { up: (db: AnyDb) => up(db, kind) };
}

async function up(db: AnyDb, kind: Storage['kind']): Promise<void> {
  const time: ColumnDataType = kind === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('insight_response_days')
    .ifNotExists()
    .addColumn('day', time, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ms', time, (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('insight_response_days_pk', ['day', 'channel', 'kind', 'ms'])
    .execute();
  await db.schema
    .createIndex('insight_conversations_pending')
    .ifNotExists()
    .on('insight_conversations')
    .columns(['last_activity_at', 'started_at', 'channel', 'customer_messages', 'handed_off', 'self_served'])
    .execute();
  await db.schema.dropIndex('insight_conversations_activity').ifExists().execute();
  // "where true": SQLite needs a WHERE before ON CONFLICT in an INSERT … SELECT.
  await sql`insert into insight_response_days (day, channel, kind, ms, count)
    select hour - hour % ${sql.lit(DAY_MS)}, channel, kind, ms, sum(count)
      from insight_response_times where true
     group by hour - hour % ${sql.lit(DAY_MS)}, channel, kind, ms
    on conflict do nothing`.execute(db);
}
