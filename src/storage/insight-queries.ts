// The read side of insights: the dashboard's aggregates, summed up in the database so that only a few
// rows per query come back. Counts come from the global rollups (a few rows per hour, however many
// conversations); response times from their value counts per UTC day (the hours at a range's ends per
// hour); queue waits and abandonment from the handoffs through their covering index, counted per day in
// SQL. Durations come back as one number a row (value and count), which metric-math sorts and sums up:
// SQLite's window functions took five times as long for the same percentiles. Only the not-yet-settled
// correction reads per-conversation rows, from a covering index. Never the messages table.
// Sums come back as numbers or numeric strings depending on the driver, hence Number() everywhere.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DayTotals, Durations, InsightFilter, InsightRepository } from './ports.js';
import type { Executor } from './executor.js';
import { hourStart, TOTAL_FIELDS, utcDayStart } from './insight-rollup.js';

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

/**
 * The hours overlapping the filter as whole UTC days in the middle (for the daily rollups) and the hours
 * at either end (for the hourly ones).
 */
function spans(f: InsightFilter): { hours: Array<[number, number]>; days: [number, number] | null } {
  const hours = hoursOf(f);
  const firstDay = utcDayStart(hours.from + DAY_MS - 1);
  const endDay = utcDayStart(hours.to);
  if (firstDay >= endDay) return { hours: [[hours.from, hours.to]], days: null };
  const edges: Array<[number, number]> = [
    [hours.from, firstDay],
    [endDay, hours.to],
  ];
  return { hours: edges.filter(([from, to]) => from < to), days: [firstDay, endDay] };
}

/** Rows of an hourly rollup (columns `hour`, `channel`) in the hours overlapping the filter. */
function inHours(f: InsightFilter): Expression<SqlBool> {
  const hours = hoursOf(f);
  const channel = f.channel === undefined ? sql`` : sql` and channel = ${f.channel}`;
  return sql<SqlBool>`hour >= ${hours.from} and hour < ${hours.to}${channel}`;
}

/** Rows of a per-conversation table whose `column` lies in [from, to), in the filter's channel. */
function inTimes(table: 'handoffs' | 'ratings', column: string, f: InsightFilter): Expression<SqlBool> {
  const time = sql.ref(`${table}.${column}`);
  const channel =
    f.channel === undefined
      ? sql``
      : sql` and exists (select 1 from conversations where conversations.id = ${sql.ref(`${table}.conversation_id`)} and conversations.channel = ${f.channel})`;
  return sql<SqlBool>`${time} >= ${f.from} and ${time} < ${f.to}${channel}`;
}

/** Epoch ms of the local midnight (`offsetMs` east of UTC) of a time column, in integer arithmetic. */
const localDay = (column: string, offsetMs: number) =>
  sql<number>`((${sql.ref(column)} + ${sql.lit(offsetMs)}) / ${sql.lit(DAY_MS)}) * ${sql.lit(DAY_MS)} - ${sql.lit(offsetMs)}`;

const countIf = (condition: Expression<SqlBool>) =>
  sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/** Handoffs that wait no more: taken by an agent, or ended. */
const DECIDED = sql<SqlBool>`(assigned_at is not null or ended_at is not null)`;

export function insightQueries(db: Executor): InsightQueries {
  const entryBuckets = (
    table: 'insight_entry_hours' | 'insight_entry_days',
    [from, to]: [number, number],
    channel?: string,
  ) => {
    let q = db().selectFrom(table).where('bucket', '>=', from).where('bucket', '<', to);
    if (channel !== undefined) q = q.where('channel', '=', channel);
    return q
      .select((eb) => ['entry_id', eb.fn.sum<number>('hits').as('hits')])
      .groupBy('entry_id')
      .execute();
  };

  const responseHours = ([from, to]: [number, number], channel?: string) => {
    let q = db().selectFrom('insight_response_times').where('hour', '>=', from).where('hour', '<', to);
    if (channel !== undefined) q = q.where('channel', '=', channel);
    return q.select(['kind as k', 'ms as v', 'count as w']);
  };

  const responseDays = ([from, to]: [number, number], channel?: string) => {
    let q = db().selectFrom('insight_response_days').where('day', '>=', from).where('day', '<', to);
    if (channel !== undefined) q = q.where('channel', '=', channel);
    return q.select(['kind as k', 'ms as v', 'count as w']);
  };

  return {
    async dayTotals(filter, offsetMs, settledBefore) {
      const day = localDay('hour', offsetMs);
      const rows = await db()
        .selectFrom('insight_hour_totals')
        .where(inHours(filter))
        .select((eb) => [day.as('day_start'), ...TOTAL_FIELDS.map((f) => eb.fn.sum<number>(f).as(f))])
        .groupBy(day)
        .orderBy(day)
        .execute();
      const byDay = new Map<number, DayTotals>();
      for (const r of rows) {
        // Rollup rows stay when re-projections take their counts back to 0.
        if (TOTAL_FIELDS.every((f) => n(r[f]) === 0)) continue;
        const dayStart = n(r.day_start);
        byDay.set(dayStart, {
          dayStart,
          conversations: n(r.conversations),
          engaged: n(r.engaged),
          care: n(r.care),
          handedOff: n(r.handed_off),
          settled: n(r.engaged),
          selfServed: n(r.self_served),
          customer: n(r.customer),
          bot: n(r.bot),
          agent: n(r.agent),
          system: n(r.system),
          answers: n(r.answers),
          clarifies: n(r.clarifies),
          handoffs: n(r.handoffs),
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
        const start = hourStart(n(p.started_at));
        const totals = byDay.get(Math.floor((start + offsetMs) / DAY_MS) * DAY_MS - offsetMs);
        if (!totals || (p.customer_messages === 0 && p.handed_off !== 1)) continue;
        totals.settled -= 1;
        if (p.self_served === 1) totals.selfServed -= 1;
      }
      return [...byDay.values()];
    },

    async handoffReasons(filter) {
      const rows = await db()
        .selectFrom('insight_hour_reasons')
        .where(inHours(filter))
        .select((eb) => ['reason', eb.fn.sum<number>('conversations').as('conversations')])
        .groupBy('reason')
        .having((eb) => eb(eb.fn.sum('conversations'), '>', 0))
        .execute();
      return rows.map((r) => ({ reason: r.reason, conversations: n(r.conversations) }));
    },

    async entryHits(filter) {
      // Whole UTC days from the daily rollup, the hours at either end from the hourly one.
      const { hours, days } = spans(filter);
      const parts = await Promise.all([
        ...hours.map((span) => entryBuckets('insight_entry_hours', span, filter.channel)),
        ...(days ? [entryBuckets('insight_entry_days', days, filter.channel)] : []),
      ]);
      const hits = new Map<string, number>();
      for (const row of parts.flat()) hits.set(row.entry_id, (hits.get(row.entry_id) ?? 0) + n(row.hits));
      return [...hits].filter(([, h]) => h > 0).map(([entryId, h]) => ({ entryId, hits: h }));
    },

    async responseTimes(filter) {
      // As KB hits: whole UTC days from the daily rollup, the hours at either end from the hourly one.
      const { hours, days } = spans(filter);
      const parts = [
        ...hours.map((span) => responseHours(span, filter.channel)),
        ...(days ? [responseDays(days, filter.channel)] : []),
      ];
      const rows = await parts.reduce((all, part) => all.unionAll(part)).execute();
      const times = {
        first: { values: [] as number[], counts: [] as number[] },
        agent: { values: [] as number[], counts: [] as number[] },
      };
      for (const r of rows) {
        const d = r.k === 'agent' ? times.agent : times.first;
        d.values.push(n(r.v));
        d.counts.push(n(r.w));
      }
      return times;
    },

    async queueDays(filter, offsetMs) {
      const day = localDay('handoffs.queued_at', offsetMs);
      const rows = await db()
        .selectFrom('handoffs')
        .where(inTimes('handoffs', 'queued_at', filter))
        // An agent handing a chat to a colleague is not a customer entering the queue.
        .where('handoffs.reason', '<>', 'transfer')
        .select((eb) => [
          day.as('day_start'),
          eb.fn.countAll<number>().as('handoffs'),
          countIf(sql`assigned_at is null and ended_at is null`).as('waiting'),
          countIf(sql`assigned_at is not null`).as('assigned'),
          countIf(DECIDED).as('decided'),
          countIf(sql`${DECIDED} and outcome = ${'abandoned'}`).as('abandoned'),
        ])
        .groupBy(day)
        .orderBy(day)
        .execute();
      return rows.map((r) => ({
        dayStart: n(r.day_start),
        handoffs: n(r.handoffs),
        waiting: n(r.waiting),
        assigned: n(r.assigned),
        decided: n(r.decided),
        abandoned: n(r.abandoned),
      }));
    },

    async queueDurations(filter, kind): Promise<Durations> {
      let q = db()
        .selectFrom('handoffs')
        .where(inTimes('handoffs', 'queued_at', filter))
        .where('handoffs.reason', '<>', 'transfer');
      q =
        kind === 'wait'
          ? q.where('assigned_at', 'is not', null)
          : q.where(DECIDED).where('outcome', '=', 'abandoned');
      const end = kind === 'wait' ? sql`assigned_at` : sql`coalesce(ended_at, queued_at)`;
      const rows = await q.select(sql<number>`${end} - queued_at`.as('v')).execute();
      return { values: rows.map((r) => n(r.v)) };
    },

    async ratingCounts(filter) {
      const rows = await db()
        .selectFrom('ratings')
        .where('ratings.superseded_at', 'is', null)
        .where(inTimes('ratings', 'created_at', filter))
        .select((eb) => ['ratings.score', eb.fn.countAll<number>().as('count')])
        .groupBy('ratings.score')
        .execute();
      return rows.map((r) => ({ score: n(r.score), count: n(r.count) }));
    },
  };
}
