// Agents' presence, capacity and skill groups: one row per agent, replaced whole on every put.
import type { Selectable } from 'kysely';
import type { Presence } from '../domain/routing.js';
import type { AgentStateRecord, AgentStateRepository } from './routing-ports.js';
import type { AgentStatesTable } from './schema.js';
import type { Executor } from './executor.js';

export function agentStateRepository(db: Executor): AgentStateRepository {
  return {
    async get(userId) {
      const row = await db()
        .selectFrom('agent_states')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async put(state) {
      const row = {
        presence: state.presence,
        capacity: state.capacity,
        groups: JSON.stringify(state.groups),
        last_seen_at: state.lastSeenAt,
        idle_since: state.idleSince,
      };
      await db()
        .insertInto('agent_states')
        .values({ user_id: state.userId, ...row })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
        .execute();
    },

    async list() {
      const rows = await db().selectFrom('agent_states').selectAll().orderBy('user_id').execute();
      return rows.map(toRecord);
    },

    async listStale(before) {
      const rows = await db()
        .selectFrom('agent_states')
        .selectAll()
        .where('presence', 'in', ['online', 'away'])
        .where('last_seen_at', '<', before)
        .orderBy('last_seen_at')
        .orderBy('user_id')
        .execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(r: Selectable<AgentStatesTable>): AgentStateRecord {
  return {
    userId: r.user_id,
    presence: r.presence as Presence,
    capacity: r.capacity,
    groups: JSON.parse(r.groups) as string[],
    lastSeenAt: r.last_seen_at,
    idleSince: r.idle_since,
  };
}
