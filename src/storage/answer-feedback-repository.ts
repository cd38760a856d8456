// Answers the bot showed and customers' 👍/👎 on them: one current vote per bot message (the last wins),
// and per-entry counts so the admin sees which answers need rewriting.
import type { Selectable } from 'kysely';
import type { AnswerFeedbackRecord, AnswerFeedbackRepository, EntryRatingRow } from './learning-ports.js';
import type { AnswerFeedbackTable } from './learning-schema.js';
import type { Executor } from './executor.js';

export function answerFeedbackRepository(db: Executor): AnswerFeedbackRepository {
  return {
    async recordAnswer(a) {
      await db()
        .insertInto('bot_answers')
        .values({
          message_id: a.messageId,
          conversation_id: a.conversationId,
          entry_id: a.entryId,
          kb_version: a.kbVersion,
          created_at: a.createdAt,
        })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .execute();
    },

    async vote(f, now) {
      const row = await db()
        .insertInto('answer_feedback')
        .values({
          message_id: f.messageId,
          conversation_id: f.conversationId,
          entry_id: f.entryId,
          helpful: f.helpful ? 1 : 0,
          comment: f.comment,
          created_at: f.createdAt,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .column('message_id')
            .doUpdateSet({ helpful: f.helpful ? 1 : 0, comment: f.comment, updated_at: now }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async get(messageId) {
      const row = await db()
        .selectFrom('answer_feedback')
        .selectAll()
        .where('message_id', '=', messageId)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async entryRatings(since) {
      let shownQ = db()
        .selectFrom('bot_answers')
        .select((eb) => ['entry_id', eb.fn.countAll().as('n')])
        .groupBy('entry_id');
      let votesQ = db()
        .selectFrom('answer_feedback')
        .where('entry_id', 'is not', null)
        .select((eb) => ['entry_id', 'helpful', eb.fn.countAll().as('n')])
        .groupBy(['entry_id', 'helpful']);
      if (since !== undefined) {
        shownQ = shownQ.where('created_at', '>=', since);
        votesQ = votesQ.where('created_at', '>=', since);
      }
      const [shown, votes] = await Promise.all([shownQ.execute(), votesQ.execute()]);
      const rows = new Map<string, EntryRatingRow>();
      const row = (entryId: string) => {
        let r = rows.get(entryId);
        if (!r) rows.set(entryId, (r = { entryId, shown: 0, helpful: 0, unhelpful: 0 }));
        return r;
      };
      for (const s of shown) row(s.entry_id).shown = Number(s.n);
      for (const v of votes) {
        if (v.entry_id === null) continue;
        if (v.helpful === true || v.helpful === 1) row(v.entry_id).helpful += Number(v.n);
        else row(v.entry_id).unhelpful += Number(v.n);
      }
      return [...rows.values()].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
    },
  };
}

function toRecord(r: Selectable<AnswerFeedbackTable>): AnswerFeedbackRecord {
  return {
    messageId: r.message_id,
    conversationId: r.conversation_id,
    entryId: r.entry_id,
    helpful: r.helpful === true || r.helpful === 1,
    comment: r.comment,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
