// Satisfaction ratings: a conversation has at most one current rating; rating again supersedes it (the
// earlier one is kept, with when it was replaced).
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { NewRating, RatingFilter, RatingRecord, RatingRepository, RatingScore } from './ports.js';
import type { RatingsTable } from './evidence-schema.js';
import type { Database } from './schema.js';
import { atomically, type Executor } from './executor.js';

type RatingQuery = SelectQueryBuilder<Database, 'ratings', object>;

export function ratingRepository(db: Executor): RatingRepository {
  // Current ratings within the filter; agentId joins the rated conversation's assignee.
  const current = (filter: RatingFilter): RatingQuery => {
    let q = db().selectFrom('ratings').where('ratings.superseded_at', 'is', null) as RatingQuery;
    if (filter.since !== undefined) q = q.where('ratings.created_at', '>=', filter.since);
    if (filter.until !== undefined) q = q.where('ratings.created_at', '<', filter.until);
    if (filter.agentId !== undefined) {
      const agentId = filter.agentId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('conversations')
            .select('conversations.id')
            .whereRef('conversations.id', '=', 'ratings.conversation_id')
            .where('conversations.assigned_agent_id', '=', agentId),
        ),
      );
    }
    return q;
  };

  return {
    add: (r: NewRating) =>
      atomically(db(), async (trx) => {
        // Locks the conversation row first (PostgreSQL), so two ratings at once cannot both stay current.
        const conversation = await trx
          .updateTable('conversations')
          .set((eb) => ({ last_seq: eb.ref('last_seq') }))
          .where('id', '=', r.conversationId)
          .returning('id')
          .executeTakeFirst();
        if (!conversation) throw new Error(`cannot rate unknown conversation ${r.conversationId}`);
        await trx
          .updateTable('ratings')
          .set({ superseded_at: r.createdAt })
          .where('conversation_id', '=', r.conversationId)
          .where('superseded_at', 'is', null)
          .execute();
        const row = await trx
          .insertInto('ratings')
          .values({
            id: r.id,
            conversation_id: r.conversationId,
            score: r.score,
            comment: r.comment,
            created_at: r.createdAt,
            superseded_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toRecord(row);
      }),

    async current(conversationId) {
      const row = await db()
        .selectFrom('ratings')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('superseded_at', 'is', null)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async history(conversationId) {
      const rows = await db()
        .selectFrom('ratings')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .orderBy('superseded_at', (o) => o.asc().nullsLast())
        .execute();
      return rows.map(toRecord);
    },

    async list(filter) {
      const rows = await current(filter)
        .selectAll('ratings')
        .orderBy('ratings.created_at', 'desc')
        .orderBy('ratings.id', 'desc')
        .limit(Math.max(0, filter.limit))
        .offset(Math.max(0, filter.offset ?? 0))
        .execute();
      return rows.map(toRecord);
    },

    async summary(filter) {
      const rows = await current(filter)
        .select((eb) => ['ratings.score', eb.fn.countAll().as('n')])
        .groupBy('ratings.score')
        .execute();
      const distribution: Record<RatingScore, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      let count = 0;
      let total = 0;
      for (const row of rows) {
        const n = Number(row.n);
        distribution[row.score as RatingScore] = n;
        count += n;
        total += n * row.score;
      }
      return { count, average: count === 0 ? null : total / count, distribution };
    },
  };
}

function toRecord(r: Selectable<RatingsTable>): RatingRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    score: r.score as RatingScore,
    comment: r.comment,
    createdAt: r.created_at,
    supersededAt: r.superseded_at,
  };
}
