// Handoff records: one per trip from the bot (or an agent) to a person, the facts behind time-to-queue,
// waiting time, abandonment and handle-time estimates.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { HandoffOutcome, HandoffPatch, HandoffRecord, HandoffRepository } from './routing-ports.js';
import type { HandoffsTable } from './schema.js';
import type { Executor } from './executor.js';

/** The row of a new handoff (also used by the insights bench to bulk-load synthetic history). */
export function handoffRow(h: HandoffRecord): Insertable<HandoffsTable> {
  return {
    id: h.id,
    conversation_id: h.conversationId,
    reason: h.reason,
    priority: h.priority,
    skill_group: h.skillGroup,
    requested_at: h.requestedAt,
    queued_at: h.queuedAt,
    assigned_at: h.assignedAt,
    agent_id: h.agentId,
    ended_at: h.endedAt,
    outcome: h.outcome,
  };
}

export function handoffRepository(db: Executor): HandoffRepository {
  return {
    async create(h) {
      const row = await db()
        .insertInto('handoffs')
        .values(handoffRow(h))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async open(conversationId) {
      const row = await db()
        .selectFrom('handoffs')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('ended_at', 'is', null)
        .orderBy('queued_at', 'desc')
        .orderBy('requested_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async update(id, patch) {
      const set = toPatchRow(patch);
      const row =
        Object.keys(set).length === 0
          ? await db().selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst()
          : await db()
              .updateTable('handoffs')
              .set(set)
              .where('id', '=', id)
              .returningAll()
              .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async listQueuedBetween(from, to, limit) {
      const rows = await db()
        .selectFrom('handoffs')
        .selectAll()
        .where('queued_at', '>=', from)
        .where('queued_at', '<', to)
        .orderBy('queued_at')
        .orderBy('id')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map(toRecord);
    },

    async recentHandleTimes(limit) {
      const rows = await db()
        .selectFrom('handoffs')
        .select(['assigned_at', 'ended_at'])
        .where('outcome', '=', 'resolved')
        .where('agent_id', 'is not', null)
        .where('assigned_at', 'is not', null)
        .where('ended_at', 'is not', null)
        .orderBy('ended_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map((r) => Number(r.ended_at) - Number(r.assigned_at));
    },
  };
}

/** Only the fields present in the patch (undefined means "leave as is"; null is a value). */
function toPatchRow(p: HandoffPatch): Updateable<HandoffsTable> {
  const row: Updateable<HandoffsTable> = {};
  if (p.assignedAt !== undefined) row.assigned_at = p.assignedAt;
  if (p.agentId !== undefined) row.agent_id = p.agentId;
  if (p.endedAt !== undefined) row.ended_at = p.endedAt;
  if (p.outcome !== undefined) row.outcome = p.outcome;
  return row;
}

export function toRecord(r: Selectable<HandoffsTable>): HandoffRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    reason: r.reason,
    priority: r.priority,
    skillGroup: r.skill_group,
    requestedAt: r.requested_at,
    queuedAt: r.queued_at,
    assignedAt: r.assigned_at,
    agentId: r.agent_id,
    endedAt: r.ended_at,
    outcome: r.outcome as HandoffOutcome | null,
  };
}
