// Conversations: one row each; update is a single UPDATE … WHERE so that expectedStatus is a true
// compare-and-set (two agents accepting one chat: exactly one wins).
import { sql, type Selectable, type Updateable } from 'kysely';
import type { ConversationStatus } from '../domain/conversation-status.js';
import { PRIORITY_RANK, type PriorityClass } from '../domain/queue-order.js';
import type {
  ConversationPatch,
  ConversationRecord,
  ConversationRepository,
  CustomerInfo,
  NewConversation,
} from './ports.js';
import type { ConversationsTable } from './schema.js';
import { conflictAs, jsonOrNull, parseOrNull, type Executor } from './executor.js';

const PRIORITY_CLASSES = Object.keys(PRIORITY_RANK) as PriorityClass[];

export function conversationRepository(db: Executor): ConversationRepository {
  return {
    async create(c: NewConversation) {
      const row = await conflictAs(`conversation ${c.id} already exists`, () =>
        db()
          .insertInto('conversations')
          .values({
            id: c.id,
            token_hash: c.tokenHash,
            status: c.status,
            locale: c.locale,
            care: c.care ? 1 : 0,
            customer: JSON.stringify(c.customer),
            assigned_agent_id: c.assignedAgentId,
            handoff_reason: c.handoffReason,
            queued_at: c.queuedAt,
            bot_misses: c.botMisses,
            pending_clarify: jsonOrNull(c.pendingClarify),
            priority: c.priority ?? 'normal',
            skill_group: c.skillGroup ?? null,
            front_of_queue: c.frontOfQueue ? 1 : 0,
            assigned_at: c.assignedAt ?? null,
            channel: c.channel ?? 'web',
            created_at: c.createdAt,
            updated_at: c.createdAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toRecord(row);
    },

    async get(id) {
      const row = await db().selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async update(id, patch, now, expectedStatus) {
      let query = db()
        .updateTable('conversations')
        .set({ ...toPatchRow(patch), updated_at: now })
        .where('id', '=', id);
      if (expectedStatus !== undefined) query = query.where('status', '=', expectedStatus);
      const row = await query.returningAll().executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async listByStatus(statuses, limit) {
      if (statuses.length === 0) return [];
      const rows = await db()
        .selectFrom('conversations')
        .selectAll()
        .where('status', 'in', statuses)
        // Explicit: SQLite and PostgreSQL disagree on where NULLs sort by default.
        .orderBy('queued_at', (o) => o.asc().nullsLast())
        .orderBy('created_at')
        .orderBy('id')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map(toRecord);
    },

    async listByAgent(agentId, statuses, limit) {
      if (statuses.length === 0) return [];
      const rows = await db()
        .selectFrom('conversations')
        .selectAll()
        .where('assigned_agent_id', '=', agentId)
        .where('status', 'in', statuses)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map(toRecord);
    },

    async countQueuedAhead(ahead) {
      const queuedAt = sql<number>`coalesce(queued_at, created_at)`;
      const row = await db()
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('status', '=', 'queued')
        .where('id', '!=', ahead.id)
        .where((eb) => {
          const byScore = eb.and([
            eb('front_of_queue', '=', ahead.front ? 1 : 0),
            eb.or([
              ...PRIORITY_CLASSES.map((p) =>
                eb.and([eb('priority', '=', p), eb(queuedAt, '<', ahead.before[p])]),
              ),
              eb.and([
                eb('priority', '=', ahead.tie.priority),
                eb(queuedAt, '=', ahead.tie.at),
                eb('id', '<', ahead.id),
              ]),
            ]),
          ]);
          return ahead.front ? byScore : eb.or([eb('front_of_queue', '=', 1), byScore]);
        })
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** Only the fields present in the patch (undefined means "leave as is"; null is a value). */
function toPatchRow(p: ConversationPatch): Updateable<ConversationsTable> {
  const row: Updateable<ConversationsTable> = {};
  if (p.status !== undefined) row.status = p.status;
  if (p.assignedAgentId !== undefined) row.assigned_agent_id = p.assignedAgentId;
  if (p.handoffReason !== undefined) row.handoff_reason = p.handoffReason;
  if (p.queuedAt !== undefined) row.queued_at = p.queuedAt;
  if (p.botMisses !== undefined) row.bot_misses = p.botMisses;
  if (p.pendingClarify !== undefined) row.pending_clarify = jsonOrNull(p.pendingClarify);
  if (p.priority !== undefined) row.priority = p.priority;
  if (p.skillGroup !== undefined) row.skill_group = p.skillGroup;
  if (p.frontOfQueue !== undefined) row.front_of_queue = p.frontOfQueue ? 1 : 0;
  if (p.assignedAt !== undefined) row.assigned_at = p.assignedAt;
  return row;
}

export function toRecord(r: Selectable<ConversationsTable>): ConversationRecord {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    status: r.status as ConversationStatus,
    locale: r.locale,
    care: Boolean(r.care),
    customer: JSON.parse(r.customer) as CustomerInfo,
    assignedAgentId: r.assigned_agent_id,
    handoffReason: r.handoff_reason,
    queuedAt: r.queued_at,
    botMisses: r.bot_misses,
    pendingClarify: parseOrNull<string[]>(r.pending_clarify),
    priority: r.priority as PriorityClass,
    skillGroup: r.skill_group,
    frontOfQueue: Boolean(r.front_of_queue),
    assignedAt: r.assigned_at,
    channel: r.channel,
    lastSeq: r.last_seq,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
