// The read side of insights: aggregate queries over the projections (never over messages), each served
// by an index of migration 0006. Sums come back as numbers or numeric strings depending on the driver,
// hence Number() everywhere.
import { sql } from 'kysely';
import type { InsightRepository } from './ports.js';
import type { Executor } from './executor.js';

type InsightQueries = Omit<
  InsightRepository,
  'conversationIdsAfter' | 'unprojectedIds' | 'sources' | 'entryCatalogue' | 'saveProjections'
>;

const HOUR_MS = 3_600_000;
const n = (value: unknown): number => Number(value ?? 0);
/** The start of the hour containing t (t is positive). */
const floorHour = (t: number) => t - (t % HOUR_MS);

export function insightQueries(db: Executor): InsightQueries {
  /** Conversations started in the filter. */
  const started = (filter: Parameters<InsightQueries['startTotals']>[0]) => {
    let q = db()
      .selectFrom('insight_conversations')
      .where('started_at', '>=', filter.from)
      .where('started_at', '<', filter.to);
    if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
    return q;
  };
  const engaged = sql<number>`case when customer_messages > 0 or handed_off = 1 then 1 else 0 end`;

  return {
    async hourTotals(filter) {
      let q = db()
        .selectFrom('insight_hourly')
        .where('hour', '>=', floorHour(filter.from))
        .where('hour', '<', filter.to);
      if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
      const rows = await q
        .select((eb) => [
          'hour',
          eb.fn.sum<number>('customer').as('customer'),
          eb.fn.sum<number>('bot').as('bot'),
          eb.fn.sum<number>('agent').as('agent'),
          eb.fn.sum<number>('system').as('system'),
          eb.fn.sum<number>('answers').as('answers'),
          eb.fn.sum<number>('clarifies').as('clarifies'),
          eb.fn.sum<number>('handoffs').as('handoffs'),
        ])
        .groupBy('hour')
        .orderBy('hour')
        .execute();
      return rows.map((r) => ({
        hour: n(r.hour),
        customer: n(r.customer),
        bot: n(r.bot),
        agent: n(r.agent),
        system: n(r.system),
        answers: n(r.answers),
        clarifies: n(r.clarifies),
        handoffs: n(r.handoffs),
      }));
    },

    async startTotals(filter, settledBefore) {
      const hour = sql<number>`started_at - (started_at % ${sql.lit(HOUR_MS)})`;
      const quiet = sql`coalesce(last_customer_at, started_at) < ${settledBefore}`;
      const settled = sql<number>`case when (customer_messages > 0 or handed_off = 1) and ${quiet} then 1 else 0 end`;
      const selfServed = sql<number>`case when self_served = 1 and ${quiet} then 1 else 0 end`;
      const rows = await started(filter)
        .select((eb) => [
          hour.as('hour'),
          eb.fn.countAll<number>().as('conversations'),
          eb.fn.sum<number>(engaged).as('engaged'),
          eb.fn.sum<number>('care').as('care'),
          eb.fn.sum<number>('handed_off').as('handed_off'),
          eb.fn.sum<number>(settled).as('settled'),
          eb.fn.sum<number>(selfServed).as('self_served'),
        ])
        .groupBy(hour)
        .orderBy(hour)
        .execute();
      return rows.map((r) => ({
        hour: n(r.hour),
        conversations: n(r.conversations),
        engaged: n(r.engaged),
        care: n(r.care),
        handedOff: n(r.handed_off),
        settled: n(r.settled),
        selfServed: n(r.self_served),
      }));
    },

    async handoffReasons(filter) {
      const rows = await started(filter)
        .where('handed_off', '=', 1)
        .select((eb) => ['first_handoff_reason', eb.fn.countAll<number>().as('conversations')])
        .groupBy('first_handoff_reason')
        .execute();
      return rows.map((r) => ({ reason: r.first_handoff_reason ?? 'unknown', conversations: n(r.conversations) }));
    },

    async entryHits(filter) {
      let q = db()
        .selectFrom('insight_entry_hits')
        .where('hour', '>=', floorHour(filter.from))
        .where('hour', '<', filter.to);
      if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
      const rows = await q
        .select((eb) => ['entry_id', 'category', eb.fn.sum<number>('hits').as('hits')])
        .groupBy(['entry_id', 'category'])
        .execute();
      return rows.map((r) => ({ entryId: r.entry_id, category: r.category, hits: n(r.hits) }));
    },

    async responseTimes(filter) {
      const rows = await started(filter)
        .where((eb) => eb.or([eb('first_response_ms', 'is not', null), eb('agent_response_ms', 'is not', null)]))
        .select(['first_response_ms', 'agent_response_ms'])
        .execute();
      const first: number[] = [];
      const agent: number[] = [];
      for (const r of rows) {
        if (r.first_response_ms !== null) first.push(n(r.first_response_ms));
        if (r.agent_response_ms !== null) agent.push(n(r.agent_response_ms));
      }
      return { first, agent };
    },

    async handoffFacts(filter) {
      let q = db()
        .selectFrom('handoffs')
        .where('handoffs.queued_at', '>=', filter.from)
        .where('handoffs.queued_at', '<', filter.to)
        // An agent handing a chat to a colleague is not a customer entering the queue.
        .where('handoffs.reason', '<>', 'transfer');
      if (filter.channel !== undefined) {
        const channel = filter.channel;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('conversations')
              .select('conversations.id')
              .whereRef('conversations.id', '=', 'handoffs.conversation_id')
              .where('conversations.channel', '=', channel),
          ),
        );
      }
      const rows = await q
        .select(['handoffs.reason', 'handoffs.queued_at', 'handoffs.assigned_at', 'handoffs.ended_at', 'handoffs.outcome'])
        .execute();
      return rows.map((r) => ({
        reason: r.reason,
        queuedAt: n(r.queued_at),
        assignedAt: r.assigned_at === null ? null : n(r.assigned_at),
        endedAt: r.ended_at === null ? null : n(r.ended_at),
        outcome: r.outcome,
      }));
    },

    async ratingCounts(filter) {
      let q = db()
        .selectFrom('ratings')
        .where('ratings.superseded_at', 'is', null)
        .where('ratings.created_at', '>=', filter.from)
        .where('ratings.created_at', '<', filter.to);
      if (filter.channel !== undefined) {
        const channel = filter.channel;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('conversations')
              .select('conversations.id')
              .whereRef('conversations.id', '=', 'ratings.conversation_id')
              .where('conversations.channel', '=', channel),
          ),
        );
      }
      const rows = await q
        .select((eb) => ['ratings.score', eb.fn.countAll<number>().as('count')])
        .groupBy('ratings.score')
        .execute();
      return rows.map((r) => ({ score: n(r.score), count: n(r.count) }));
    },
  };
}
