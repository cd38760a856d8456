// Agents' "save to KB" proposals: pending until an admin accepts or rejects them, decided once.
import type { Selectable } from 'kysely';
import type { KbProposalRecord, KbProposalRepository, NewKbProposal } from './learning-ports.js';
import type { KbProposalsTable } from './learning-schema.js';
import type { Executor } from './executor.js';

export function kbProposalRepository(db: Executor): KbProposalRepository {
  return {
    async create(p: NewKbProposal) {
      const row = await db()
        .insertInto('kb_proposals')
        .values({
          id: p.id,
          kind: p.kind,
          status: 'pending',
          question: p.question,
          answer: p.answer,
          title: p.title,
          entry_id: p.entryId,
          conversation_id: p.conversationId,
          message_id: p.messageId,
          proposed_by: p.proposedBy,
          created_at: p.createdAt,
          decided_by: null,
          decided_at: null,
          note: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async get(id) {
      const row = await db().selectFrom('kb_proposals').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async list(filter) {
      let q = db().selectFrom('kb_proposals').selectAll();
      if (filter.status) q = q.where('status', '=', filter.status);
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, filter.limit))
        .offset(Math.max(0, filter.offset ?? 0))
        .execute();
      return rows.map(toRecord);
    },

    async decide(id, decision, now) {
      // Compare-and-set on status: of two admins deciding at once, exactly one wins.
      const row = await db()
        .updateTable('kb_proposals')
        .set({
          status: decision.status,
          decided_by: decision.by,
          decided_at: now,
          note: decision.note,
          ...(decision.entryId !== undefined ? { entry_id: decision.entryId } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
  };
}

function toRecord(r: Selectable<KbProposalsTable>): KbProposalRecord {
  return {
    id: r.id,
    kind: r.kind as KbProposalRecord['kind'],
    status: r.status as KbProposalRecord['status'],
    question: r.question,
    answer: r.answer,
    title: r.title,
    entryId: r.entry_id,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    proposedBy: r.proposed_by,
    createdAt: r.created_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    note: r.note,
  };
}
