// The write side of insights: reads what a projection is computed from, in batches, and replaces stored
// projections. Part of the InsightRepository (see insight-repository.ts).
import type { Insertable } from 'kysely';
import type { ConversationProjection, InsightRepository, InsightSource } from './ports.js';
import type { InsightConversationsTable, InsightEntryHitsTable, InsightHourlyTable } from './insight-schema.js';
import { atomically, type Executor } from './executor.js';
import { toRecord as conversationRecord } from './conversation-repository.js';
import { toRecord as messageRecord } from './message-repository.js';
import { toRecord as handoffRecord } from './handoff-repository.js';

type ProjectionStore = Pick<
  InsightRepository,
  'conversationIdsAfter' | 'unprojectedIds' | 'sources' | 'entryCatalogue' | 'saveProjections'
>;

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function projectionStore(db: Executor): ProjectionStore {
  return {
    async conversationIdsAfter(afterId, limit) {
      let query = db().selectFrom('conversations').select('id').orderBy('id').limit(Math.max(0, limit));
      if (afterId !== null) query = query.where('id', '>', afterId);
      return (await query.execute()).map((r) => r.id);
    },

    async unprojectedIds(limit) {
      const rows = await db()
        .selectFrom('conversations')
        .select('id')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('insight_conversations')
                .select('conversation_id')
                .whereRef('insight_conversations.conversation_id', '=', 'conversations.id'),
            ),
          ),
        )
        .orderBy('id')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map((r) => r.id);
    },

    async sources(ids) {
      const out: InsightSource[] = [];
      for (const part of chunks(ids)) {
        const [conversations, messages, handoffs] = await Promise.all([
          db().selectFrom('conversations').selectAll().where('id', 'in', part).execute(),
          db()
            .selectFrom('messages')
            .selectAll()
            .where('conversation_id', 'in', part)
            .orderBy('conversation_id')
            .orderBy('seq')
            .execute(),
          db().selectFrom('handoffs').selectAll().where('conversation_id', 'in', part).execute(),
        ]);
        const byId = new Map<string, InsightSource>();
        for (const row of conversations) {
          byId.set(row.id, { conversation: conversationRecord(row), messages: [], handoffs: [] });
        }
        for (const row of messages) byId.get(row.conversation_id)?.messages.push(messageRecord(row));
        for (const row of handoffs) byId.get(row.conversation_id)?.handoffs.push(handoffRecord(row));
        out.push(...byId.values());
      }
      return out;
    },

    async entryCatalogue() {
      const rows = await db().selectFrom('kb_entries').select(['id', 'title', 'category']).execute();
      return new Map(rows.map((r) => [r.id, { title: r.title, category: r.category }]));
    },

    saveProjections: (projections) =>
      atomically(db(), async (trx) => {
        for (const part of chunks(projections)) {
          const ids = part.map((p) => p.facts.conversationId);
          await trx.deleteFrom('insight_hourly').where('conversation_id', 'in', ids).execute();
          await trx.deleteFrom('insight_entry_hits').where('conversation_id', 'in', ids).execute();
          await trx.deleteFrom('insight_conversations').where('conversation_id', 'in', ids).execute();
          await trx.insertInto('insight_conversations').values(part.map(factsRow)).execute();
          const hourly = part.flatMap(hourlyRows);
          for (const rows of chunks(hourly, 2 * CHUNK)) await trx.insertInto('insight_hourly').values(rows).execute();
          const hits = part.flatMap(hitRows);
          for (const rows of chunks(hits, 2 * CHUNK)) await trx.insertInto('insight_entry_hits').values(rows).execute();
        }
      }),
  };
}

const flag = (b: boolean): number => (b ? 1 : 0);

function factsRow({ facts: f }: ConversationProjection): Insertable<InsightConversationsTable> {
  return {
    conversation_id: f.conversationId,
    channel: f.channel,
    care: flag(f.care),
    customer_key: f.customerKey,
    customer_name: f.customerName,
    customer_phone: f.customerPhone,
    started_at: f.startedAt,
    status: f.status,
    customer_messages: f.customerMessages,
    first_customer_at: f.firstCustomerAt,
    last_customer_at: f.lastCustomerAt,
    first_response_ms: f.firstResponseMs,
    bot_answers: f.botAnswers,
    bot_clarifies: f.botClarifies,
    bot_handoffs: f.botHandoffs,
    last_decision: f.lastDecision,
    agent_messages: f.agentMessages,
    handed_off: flag(f.handedOff),
    first_handoff_reason: f.firstHandoffReason,
    first_handoff_at: f.firstHandoffAt,
    agent_response_ms: f.agentResponseMs,
    reopened: flag(f.reopened),
    self_served: flag(f.selfServed),
    anger_max: f.angerMax,
    angry_messages: f.angryMessages,
  };
}

function hourlyRows(p: ConversationProjection): Insertable<InsightHourlyTable>[] {
  return p.hourly.map((h) => ({ conversation_id: p.facts.conversationId, channel: p.facts.channel, ...h }));
}

function hitRows(p: ConversationProjection): Insertable<InsightEntryHitsTable>[] {
  return p.hits.map((h) => ({
    conversation_id: p.facts.conversationId,
    channel: p.facts.channel,
    hour: h.hour,
    entry_id: h.entryId,
    category: h.category,
    hits: h.hits,
  }));
}
