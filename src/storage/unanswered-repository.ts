// Questions the bot could not answer: stored once per (message, reason), listed newest first, resolved
// when an admin turns them into KB content or dismisses them.
import type { Selectable } from 'kysely';
import type {
  NewUnanswered,
  ScoredCandidateRecord,
  UnansweredFilter,
  UnansweredRecord,
  UnansweredRepository,
  UnansweredResolution,
} from './learning-ports.js';
import type { UnansweredQuestionsTable } from './learning-schema.js';
import { isUniqueViolation, jsonOrNull, parseOrNull, type Executor } from './executor.js';

export function unansweredRepository(db: Executor): UnansweredRepository {
  const filtered = (filter: Omit<UnansweredFilter, 'limit' | 'offset'>) => {
    let q = db().selectFrom('unanswered_questions');
    if (filter.open === true) q = q.where('resolved_at', 'is', null);
    if (filter.open === false) q = q.where('resolved_at', 'is not', null);
    if (filter.reasons) {
      if (filter.reasons.length === 0) q = q.where('reason', 'in', ['']);
      else q = q.where('reason', 'in', filter.reasons);
    }
    if (filter.since !== undefined) q = q.where('created_at', '>=', filter.since);
    if (filter.until !== undefined) q = q.where('created_at', '<', filter.until);
    const { channel } = filter;
    if (channel !== undefined)
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('conversations')
            .select('conversations.id')
            .whereRef('conversations.id', '=', 'unanswered_questions.conversation_id')
            .where('conversations.channel', '=', channel),
        ),
      );
    return q;
  };

  return {
    async add(u: NewUnanswered) {
      // "on conflict do nothing" reads the same in SQLite and PostgreSQL; a duplicate is no error here.
      try {
        const result = await db()
          .insertInto('unanswered_questions')
          .values({
            id: u.id,
            conversation_id: u.conversationId,
            message_id: u.messageId,
            reason: u.reason,
            text: u.text,
            kb_version: u.kbVersion,
            ranked: JSON.stringify(u.ranked),
            answered_entry_id: u.answeredEntryId,
            detail: jsonOrNull(u.detail),
            created_at: u.createdAt,
            resolved_at: null,
            resolution: null,
          })
          .onConflict((oc) => oc.columns(['message_id', 'reason']).doNothing())
          .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async list(filter) {
      const rows = await filtered(filter)
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, filter.limit))
        .offset(Math.max(0, filter.offset ?? 0))
        .execute();
      return rows.map(toRecord);
    },

    async count(filter) {
      const row = await filtered(filter)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async resolve(ids: string[], resolution: UnansweredResolution, now: number) {
      if (ids.length === 0) return 0;
      let changed = 0;
      // Chunks keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < ids.length; i += 500) {
        const result = await db()
          .updateTable('unanswered_questions')
          .set({ resolved_at: now, resolution: JSON.stringify(resolution) })
          .where('id', 'in', ids.slice(i, i + 500))
          .where('resolved_at', 'is', null)
          .executeTakeFirst();
        changed += Number(result.numUpdatedRows);
      }
      return changed;
    },
  };
}

function toRecord(r: Selectable<UnansweredQuestionsTable>): UnansweredRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    reason: r.reason as UnansweredRecord['reason'],
    text: r.text,
    kbVersion: r.kb_version,
    ranked: JSON.parse(r.ranked) as ScoredCandidateRecord[],
    answeredEntryId: r.answered_entry_id,
    detail: parseOrNull<Record<string, unknown>>(r.detail),
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolution: parseOrNull<UnansweredResolution>(r.resolution),
  };
}
