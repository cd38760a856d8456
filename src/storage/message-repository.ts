// Messages: per-conversation seqs 1, 2, 3 … without gaps, and idempotent appends by clientMessageId.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { MessageRecord, MessageRepository, NewMessage, Sender } from './ports.js';
import type { MessagesTable } from './schema.js';
import { atomically, jsonOrNull, parseOrNull, type Executor } from './executor.js';

/** The row of a message at position seq (also used by the insights bench to bulk-load synthetic history). */
export function messageRow(m: NewMessage, seq: number): Insertable<MessagesTable> {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    seq,
    sender: m.sender,
    author_id: m.authorId,
    text: m.text,
    client_message_id: m.clientMessageId,
    in_reply_to: m.inReplyTo,
    meta: jsonOrNull(m.meta),
    created_at: m.createdAt,
  };
}

export function messageRepository(db: Executor): MessageRepository {
  return {
    append: (m: NewMessage) =>
      atomically(db(), async (trx) => {
        // First a write that changes nothing but takes the conversation row's lock (PostgreSQL; SQLite
        // holds its one write lock already). Concurrent appends to a conversation queue up here, so the
        // duplicate check and the seq below see every append committed before this one.
        const conversation = await trx
          .updateTable('conversations')
          .set({ last_seq: sql`last_seq` })
          .where('id', '=', m.conversationId)
          .returning('last_seq')
          .executeTakeFirst();
        if (!conversation) throw new Error(`cannot append to unknown conversation ${m.conversationId}`);
        if (m.clientMessageId != null) {
          const existing = await trx
            .selectFrom('messages')
            .selectAll()
            .where('conversation_id', '=', m.conversationId)
            .where('client_message_id', '=', m.clientMessageId)
            .executeTakeFirst();
          if (existing) return { message: toRecord(existing), created: false };
        }
        const seq = conversation.last_seq + 1;
        const row = await trx
          .insertInto('messages')
          .values(messageRow(m, seq))
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('conversations')
          // Never backwards: a status change in the same transaction may carry a later time than the
          // message, and clients drop views older than one they have (customer stream, widget).
          .set((eb) => ({
            last_seq: seq,
            updated_at: eb
              .case()
              .when('updated_at', '>', m.createdAt)
              .then(eb.ref('updated_at'))
              .else(m.createdAt)
              .end(),
          }))
          .where('id', '=', m.conversationId)
          .execute();
        return { message: toRecord(row), created: true };
      }),

    async listAfter(conversationId, afterSeq, limit) {
      const rows = await db()
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map(toRecord);
    },

    async listReplies(conversationId, inReplyTo) {
      const rows = await db()
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('in_reply_to', '=', inReplyTo)
        .where('sender', 'in', ['bot', 'system'])
        .orderBy('seq')
        .execute();
      return rows.map(toRecord);
    },

    async get(conversationId, id) {
      const row = await db()
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', id)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
  };
}

export function toRecord(r: Selectable<MessagesTable>): MessageRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: r.seq,
    sender: r.sender as Sender,
    authorId: r.author_id,
    text: r.text,
    clientMessageId: r.client_message_id,
    inReplyTo: r.in_reply_to,
    meta: parseOrNull<Record<string, unknown>>(r.meta),
    createdAt: r.created_at,
  };
}
