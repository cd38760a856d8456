// The read side of insights: the dashboard's aggregates. Counts come from the global rollups (a few
// rows per hour, however many conversations); only percentiles and the not-yet-settled correction read
// per-conversation rows, through covering indexes. Never the messages table. Sums come back as numbers
// or numeric strings depending on the driver, hence Number() everywhere.
import type { InsightFilter, InsightRepository, StartTotals } from './ports.js';
import type { Executor } from './executor.js';
import { hourStart, utcDayStart } from './insight-rollup.js';

type InsightQueries = Omit<
  InsightRepository,
  | 'conversationIdsAfter'
  | 'unprojectedIds'
  | 'sources'
  | 'entryCatalogue'
  | 'saveProjections'
  | 'clearProjections'
>;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const n = (value: unknown): number => Number(value ?? 0);
/** The hours overlapping [from, to): [first hour, end hour). */
const hoursOf = (f: InsightFilter) => ({ from: hourStart(f.from), to: hourStart(f.to - 1) + HOUR_MS });

export function insightQueries(db: Executor): InsightQueries {
  const totalsIn = (filter: InsightFilter) => {
    const hours = hoursOf(filter);
    let q = db()
      .selectFrom('insight_hour_totals')
      .where('hour', '>=', hours.from)
      .where('hour', '<', hours.to);
    if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
    return q;
  };

  const entryBuckets = async (
    table: 'insight_entry_hours' | 'insight_entry_days',
    from: number,
    to: number,
    channel?: string,
  ) => {
    if (from >= to) return [];
    let q = db().selectFrom(table).where('bucket', '>=', from).where('bucket', '<', to);
    if (channel !== undefined) q = q.where('channel', '=', channel);
    return q
      .select((eb) => ['entry_id', eb.fn.sum<number>('hits').as('hits')])
      .groupBy('entry_id')
      .execute();
  };

  return {
    async hourTotals(filter) {
      const rows = await totalsIn(filter)
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
        .having((eb) =>
          eb(eb.fn.sum('customer'), '>', 0)
            .or(eb.fn.sum('bot'), '>', 0)
            .or(eb.fn.sum('agent'), '>', 0)
            .or(eb.fn.sum('system'), '>', 0),
        )
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
      const rows = await totalsIn(filter)
        .select((eb) => [
          'hour',
          eb.fn.sum<number>('conversations').as('conversations'),
          eb.fn.sum<number>('engaged').as('engaged'),
          eb.fn.sum<number>('care').as('care'),
          eb.fn.sum<number>('handed_off').as('handed_off'),
          eb.fn.sum<number>('self_served').as('self_served'),
        ])
        .groupBy('hour')
        .having((eb) => eb(eb.fn.sum('conversations'), '>', 0))
        .orderBy('hour')
        .execute();
      const byHour = new Map<number, StartTotals>();
      for (const r of rows) {
        const engaged = n(r.engaged);
        const hour = n(r.hour);
        byHour.set(hour, {
          hour,
          conversations: n(r.conversations),
          engaged,
          care: n(r.care),
          handedOff: n(r.handed_off),
          settled: engaged,
          selfServed: n(r.self_served),
        });
      }
      // Not settled yet: active in the last 24 h. Few rows, found through their own index.
      const hours = hoursOf(filter);
      let pending = db()
        .selectFrom('insight_conversations')
        .select(['started_at', 'customer_messages', 'handed_off', 'self_served'])
        .where('last_activity_at', '>=', settledBefore)
        .where('started_at', '>=', hours.from)
        .where('started_at', '<', hours.to);
      if (filter.channel !== undefined) pending = pending.where('channel', '=', filter.channel);
      for (const p of await pending.execute()) {
        const totals = byHour.get(hourStart(n(p.started_at)));
        if (!totals || (p.customer_messages === 0 && p.handed_off !== 1)) continue;
        totals.settled -= 1;
        if (p.self_served === 1) totals.selfServed -= 1;
      }
      return [...byHour.values()];
    },

    async handoffReasons(filter) {
      const hours = hoursOf(filter);
      let q = db()
        .selectFrom('insight_hour_reasons')
        .where('hour', '>=', hours.from)
        .where('hour', '<', hours.to);
      if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
      const rows = await q
        .select((eb) => ['reason', eb.fn.sum<number>('conversations').as('conversations')])
        .groupBy('reason')
        .having((eb) => eb(eb.fn.sum('conversations'), '>', 0))
        .execute();
      return rows.map((r) => ({ reason: r.reason, conversations: n(r.conversations) }));
    },

    async entryHits(filter) {
      // Whole UTC days from the daily rollup, the hours at either end from the hourly one.
      const hours = hoursOf(filter);
      const firstDay = utcDayStart(hours.from + DAY_MS - 1);
      const endDay = utcDayStart(hours.to);
      const parts =
        firstDay < endDay
          ? await Promise.all([
              entryBuckets('insight_entry_hours', hours.from, firstDay, filter.channel),
              entryBuckets('insight_entry_days', firstDay, endDay, filter.channel),
              entryBuckets('insight_entry_hours', endDay, hours.to, filter.channel),
            ])
          : [await entryBuckets('insight_entry_hours', hours.from, hours.to, filter.channel)];
      const hits = new Map<string, number>();
      for (const row of parts.flat()) hits.set(row.entry_id, (hits.get(row.entry_id) ?? 0) + n(row.hits));
      return [...hits].filter(([, h]) => h > 0).map(([entryId, h]) => ({ entryId, hits: h }));
    },

    async responseTimes(filter) {
      const hours = hoursOf(filter);
      let q = db()
        .selectFrom('insight_response_times')
        .where('hour', '>=', hours.from)
        .where('hour', '<', hours.to);
      if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
      const rows = await q
        .select((eb) => ['kind', 'ms', eb.fn.sum<number>('count').as('count')])
        .groupBy(['kind', 'ms'])
        .orderBy('ms')
        .execute();
      const times = { first: [] as number[], agent: [] as number[] };
      for (const r of rows) {
        const values = r.kind === 'agent' ? times.agent : times.first;
        for (let i = n(r.count); i > 0; i--) values.push(n(r.ms));
      }
      return times;
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
        .select([
          'handoffs.reason',
          'handoffs.queued_at',
          'handoffs.assigned_at',
          'handoffs.ended_at',
          'handoffs.outcome',
        ])
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
