// The audit log of agent and admin actions (who read, exported, edited, deleted what, when) and of
// customers' transcript downloads. Recorded after the action succeeded, so it lists what was done.
import type { AuditActorRole, AuditFilter, Storage, UserRecord } from '../storage/ports.js';
import type { ServiceContext } from './context.js';

export type AuditActor =
  UserRecord | { role: 'customer' | 'system'; id?: string | null; name?: string | null };

export interface AuditObject {
  type: string;
  id?: string | null;
}

export function createAuditLog(
  ctx: Pick<ServiceContext, 'clock' | 'newId'> & { storage: Pick<Storage, 'audit'> },
) {
  const { storage, clock, newId } = ctx;

  async function record(
    actor: AuditActor,
    action: string,
    object: AuditObject,
    detail: Record<string, unknown> | null = null,
  ) {
    const user = 'username' in actor ? actor : null;
    await storage.audit.record({
      id: newId(),
      at: clock(),
      actorId: user ? user.id : (actor.id ?? null),
      actorRole: actor.role as AuditActorRole,
      actorName: user ? user.displayName : 'name' in actor ? (actor.name ?? null) : null,
      action,
      objectType: object.type,
      objectId: object.id ?? null,
      detail,
    });
  }

  return { record, list: (filter: AuditFilter) => storage.audit.list(filter) };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
