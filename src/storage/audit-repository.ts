// The audit log: append-only; read newest first with filters and a total for paging.
import type { Selectable } from 'kysely';
import type { AuditActorRole, AuditFilter, AuditRecord, AuditRepository } from './ports.js';
import type { AuditLogTable } from './evidence-schema.js';
import { jsonOrNull, parseOrNull, type Executor } from './executor.js';

export function auditRepository(db: Executor): AuditRepository {
  const matching = (f: AuditFilter) => {
    let q = db().selectFrom('audit_log');
    if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
    if (f.action !== undefined) q = q.where('action', '=', f.action);
    if (f.objectType !== undefined) q = q.where('object_type', '=', f.objectType);
    if (f.objectId !== undefined) q = q.where('object_id', '=', f.objectId);
    return q;
  };
  return {
    async record(e) {
      await db()
        .insertInto('audit_log')
        .values({
          id: e.id,
          at: e.at,
          actor_id: e.actorId,
          actor_role: e.actorRole,
          actor_name: e.actorName,
          action: e.action,
          object_type: e.objectType,
          object_id: e.objectId,
          detail: jsonOrNull(e.detail),
        })
        .execute();
    },

    async list(filter) {
      const [rows, total] = await Promise.all([
        matching(filter)
          .selectAll()
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(Math.max(0, filter.limit))
          .offset(Math.max(0, filter.offset ?? 0))
          .execute(),
        matching(filter)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { entries: rows.map(toRecord), total: Number(total.n) };
    },
  };
}

function toRecord(r: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role as AuditActorRole,
    actorName: r.actor_name,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    detail: parseOrNull<Record<string, unknown>>(r.detail),
  };
}
