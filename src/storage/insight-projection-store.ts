// The write side of insights: reads what a projection is computed from, in batches, and replaces stored
// projections. Part of the InsightRepository (see insight-repository.ts).
import type { InsightRepository, InsightSource } from './ports.js';
import { atomically, type Executor } from './executor.js';
import { factsRow, hitRows, hourlyRows, projectionOf } from './insight-rows.js';
import { addContribution, emptyDeltas } from './insight-rollup.js';
import { applyDeltas, refreshCustomers } from './insight-rollup-writer.js';
import { toRecord as conversationRecord } from './conversation-repository.js';
import { toRecord as messageRecord } from './message-repository.js';
import { toRecord as handoffRecord } from './handoff-repository.js';

type ProjectionStore = Pick<
  InsightRepository,
  | 'conversationIdsAfter'
  | 'unprojectedIds'
  | 'sources'
  | 'entryCatalogue'
  | 'saveProjections'
  | 'clearProjections'
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

    clearProjections: () =>
      atomically(db(), async (trx) => {
        const tables = [
          'insight_hourly',
          'insight_entry_hits',
          'insight_conversations',
          'insight_hour_totals',
          'insight_hour_reasons',
          'insight_entry_hours',
          'insight_entry_days',
          'insight_response_times',
          'insight_response_days',
          'insight_customers',
        ] as const;
        for (const table of tables) await trx.deleteFrom(table).execute();
      }),

    saveProjections: (projections) =>
      atomically(db(), async (trx) => {
        for (const part of chunks(projections)) {
          const ids = part.map((p) => p.facts.conversationId);
          // Takes the stored projections' row locks first (PostgreSQL; SQLite holds its one write lock
          // already): two writers re-projecting one conversation queue up here, so each takes out of
          // the rollups exactly what the other put in.
          await trx
            .updateTable('insight_conversations')
            .set((eb) => ({ conversation_id: eb.ref('conversation_id') }))
            .where('conversation_id', 'in', ids)
            .execute();
          const [facts, hourly, hits] = await Promise.all([
            trx.selectFrom('insight_conversations').selectAll().where('conversation_id', 'in', ids).execute(),
            trx.selectFrom('insight_hourly').selectAll().where('conversation_id', 'in', ids).execute(),
            trx.selectFrom('insight_entry_hits').selectAll().where('conversation_id', 'in', ids).execute(),
          ]);
          const deltas = emptyDeltas();
          const keys = new Set<string>();
          for (const f of facts) {
            const id = f.conversation_id;
            const old = projectionOf(
              f,
              hourly.filter((h) => h.conversation_id === id),
              hits.filter((h) => h.conversation_id === id),
            );
            addContribution(deltas, old, -1);
            if (f.customer_key) keys.add(f.customer_key);
          }
          for (const p of part) {
            addContribution(deltas, p, 1);
            if (p.facts.customerKey) keys.add(p.facts.customerKey);
          }
          await trx.deleteFrom('insight_hourly').where('conversation_id', 'in', ids).execute();
          await trx.deleteFrom('insight_entry_hits').where('conversation_id', 'in', ids).execute();
          await trx.deleteFrom('insight_conversations').where('conversation_id', 'in', ids).execute();
          await trx.insertInto('insight_conversations').values(part.map(factsRow)).execute();
          for (const rows of chunks(part.flatMap(hourlyRows), 2 * CHUNK)) {
            await trx.insertInto('insight_hourly').values(rows).execute();
          }
          for (const rows of chunks(part.flatMap(hitRows), 2 * CHUNK)) {
            await trx.insertInto('insight_entry_hits').values(rows).execute();
          }
          await applyDeltas(trx, deltas);
          await refreshCustomers(trx, [...keys]);
        }
      }),
  };
}
