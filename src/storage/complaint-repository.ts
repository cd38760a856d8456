// Complaint tickets and their history. update() is a compare-and-set on the version, so two agents
// changing one ticket at once cannot both win; each change's event takes the version it made as its seq.
import type { Selectable, Updateable } from 'kysely';
import type { ComplaintStatus } from '../domain/complaint-status.js';
import type { ComplaintPriority } from '../domain/sla.js';
import type {
  ComplaintActor,
  ComplaintEventKind,
  ComplaintEventRecord,
  ComplaintOpener,
  ComplaintPatch,
  ComplaintRecord,
  ComplaintRepository,
  NewComplaint,
} from './ports.js';
import type { ComplaintEventsTable, ComplaintsTable } from './evidence-schema.js';
import { atomically, conflictAs, jsonOrNull, parseOrNull, type Executor } from './executor.js';

export function complaintRepository(db: Executor): ComplaintRepository {
  return {
    async create(c: NewComplaint) {
      const row = await conflictAs(`complaint ${c.id} already exists`, () =>
        atomically(db(), (trx) =>
          trx
            .insertInto('complaints')
            .values({
              id: c.id,
              conversation_id: c.conversationId,
              category: c.category,
              description: c.description,
              priority: c.priority,
              status: c.status,
              assignee_id: c.assigneeId,
              opened_by: c.openedBy,
              opened_by_id: c.openedById,
              first_response_at: c.firstResponseAt,
              resolved_at: c.resolvedAt,
              paused_ms: c.pausedMs,
              paused_since: c.pausedSince,
              version: 1,
              created_at: c.createdAt,
              updated_at: c.createdAt,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      );
      return toRecord(row);
    },

    async get(id) {
      const row = await db().selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async update(id, patch, now, expectedVersion) {
      const row = await db()
        .updateTable('complaints')
        .set({ ...toPatchRow(patch), version: expectedVersion + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async list(filter) {
      if (filter.statuses && filter.statuses.length === 0) return [];
      let q = db().selectFrom('complaints').selectAll();
      if (filter.statuses) q = q.where('status', 'in', [...filter.statuses]);
      if (filter.assigneeId !== undefined) q = q.where('assignee_id', '=', filter.assigneeId);
      if (filter.conversationId !== undefined) q = q.where('conversation_id', '=', filter.conversationId);
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, filter.limit))
        .offset(Math.max(0, filter.offset ?? 0))
        .execute();
      return rows.map(toRecord);
    },

    async addEvent(e) {
      await conflictAs(`complaint ${e.complaintId} already has event ${e.seq}`, () =>
        atomically(db(), (trx) =>
          trx
            .insertInto('complaint_events')
            .values({
              complaint_id: e.complaintId,
              seq: e.seq,
              at: e.at,
              kind: e.kind,
              actor: e.actor,
              actor_id: e.actorId,
              from_status: e.fromStatus,
              to_status: e.toStatus,
              text: e.text,
              internal: e.internal ? 1 : 0,
              data: jsonOrNull(e.data),
            })
            .execute(),
        ),
      );
    },

    async events(complaintId) {
      const rows = await db()
        .selectFrom('complaint_events')
        .selectAll()
        .where('complaint_id', '=', complaintId)
        .orderBy('seq')
        .execute();
      return rows.map(toEvent);
    },
  };
}

function toPatchRow(p: ComplaintPatch): Updateable<ComplaintsTable> {
  const row: Updateable<ComplaintsTable> = {};
  if (p.status !== undefined) row.status = p.status;
  if (p.assigneeId !== undefined) row.assignee_id = p.assigneeId;
  if (p.firstResponseAt !== undefined) row.first_response_at = p.firstResponseAt;
  if (p.resolvedAt !== undefined) row.resolved_at = p.resolvedAt;
  if (p.pausedMs !== undefined) row.paused_ms = p.pausedMs;
  if (p.pausedSince !== undefined) row.paused_since = p.pausedSince;
  if (p.priority !== undefined) row.priority = p.priority;
  return row;
}

function toRecord(r: Selectable<ComplaintsTable>): ComplaintRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    category: r.category,
    description: r.description,
    priority: r.priority as ComplaintPriority,
    status: r.status as ComplaintStatus,
    assigneeId: r.assignee_id,
    openedBy: r.opened_by as ComplaintOpener,
    openedById: r.opened_by_id,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    pausedMs: Number(r.paused_ms),
    pausedSince: r.paused_since,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toEvent(r: Selectable<ComplaintEventsTable>): ComplaintEventRecord {
  return {
    complaintId: r.complaint_id,
    seq: r.seq,
    at: r.at,
    kind: r.kind as ComplaintEventKind,
    actor: r.actor as ComplaintActor,
    actorId: r.actor_id,
    fromStatus: r.from_status as ComplaintStatus | null,
    toStatus: r.to_status as ComplaintStatus | null,
    text: r.text,
    internal: Boolean(r.internal),
    data: parseOrNull<Record<string, unknown>>(r.data),
  };
}
