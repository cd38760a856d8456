// Internal notes on a conversation: written and read by agents only, never shown to the customer.
import type { NoteRepository } from './routing-ports.js';
import type { Executor } from './executor.js';

export function noteRepository(db: Executor): NoteRepository {
  return {
    async add(note) {
      await db()
        .insertInto('conversation_notes')
        .values({
          id: note.id,
          conversation_id: note.conversationId,
          author_id: note.authorId,
          text: note.text,
          created_at: note.createdAt,
        })
        .execute();
      return { ...note };
    },

    async list(conversationId) {
      const rows = await db()
        .selectFrom('conversation_notes')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        authorId: r.author_id,
        text: r.text,
        createdAt: r.created_at,
      }));
    },
  };
}
