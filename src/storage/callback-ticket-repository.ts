// Callback (leave-a-message) tickets, for when nobody can take the chat now.
import type { Selectable } from 'kysely';
import type { CallbackTicketRecord, CallbackTicketRepository, TicketStatus } from './routing-ports.js';
import type { CallbackTicketsTable } from './schema.js';
import type { Executor } from './executor.js';

export function callbackTicketRepository(db: Executor): CallbackTicketRepository {
  return {
    async create(t) {
      const row = await db()
        .insertInto('callback_tickets')
        .values({
          id: t.id,
          conversation_id: t.conversationId,
          name: t.name,
          phone: t.phone,
          question: t.question,
          status: t.status,
          created_at: t.createdAt,
          handled_by: t.handledBy,
          handled_at: t.handledAt,
          note: t.note,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async get(id) {
      const row = await db()
        .selectFrom('callback_tickets')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async list(status, limit) {
      let query = db().selectFrom('callback_tickets').selectAll();
      if (status !== null) query = query.where('status', '=', status);
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map(toRecord);
    },

    async setStatus(id, status, by, at, note) {
      const row = await db()
        .updateTable('callback_tickets')
        .set({ status, handled_by: by, handled_at: at, note })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
  };
}

function toRecord(r: Selectable<CallbackTicketsTable>): CallbackTicketRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    name: r.name,
    phone: r.phone,
    question: r.question,
    status: r.status as TicketStatus,
    createdAt: r.created_at,
    handledBy: r.handled_by,
    handledAt: r.handled_at,
    note: r.note,
  };
}
