// Applies rollup deltas (upserts that add to what is there) and recomputes the customers table for the
// customer keys whose conversations changed. Runs inside saveProjections' transaction.
import { sql, type Insertable } from 'kysely';
import type { Db } from './executor.js';
import type { InsightCustomersTable } from './insight-schema.js';
import { splitKey, TOTAL_FIELDS, type RollupDeltas } from './insight-rollup.js';

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `table.column + excluded.column`, for ON CONFLICT DO UPDATE. */
const plus = (table: string, column: string) =>
  sql<number>`${sql.ref(`${table}.${column}`)} + ${sql.ref(`excluded.${column}`)}`;

export async function applyDeltas(trx: Db, deltas: RollupDeltas): Promise<void> {
  const totals = [...deltas.totals]
    .filter(([, t]) => TOTAL_FIELDS.some((f) => t[f] !== 0))
    .map(([key, t]) => {
      const [hour, channel] = splitKey(key);
      return { hour, channel, ...t };
    });
  for (const rows of chunks(totals)) {
    await trx
      .insertInto('insight_hour_totals')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['hour', 'channel'])
          .doUpdateSet(Object.fromEntries(TOTAL_FIELDS.map((f) => [f, plus('insight_hour_totals', f)]))),
      )
      .execute();
  }
  const reasons = [...deltas.reasons]
    .filter(([, n]) => n !== 0)
    .map(([key, conversations]) => {
      const [hour, channel, reason] = splitKey(key);
      return { hour, channel, reason, conversations };
    });
  for (const rows of chunks(reasons)) {
    await trx
      .insertInto('insight_hour_reasons')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['hour', 'channel', 'reason'])
          .doUpdateSet({ conversations: plus('insight_hour_reasons', 'conversations') }),
      )
      .execute();
  }
  for (const table of ['insight_entry_hours', 'insight_entry_days'] as const) {
    const source = table === 'insight_entry_hours' ? deltas.entryHours : deltas.entryDays;
    const rows = [...source]
      .filter(([, n]) => n !== 0)
      .map(([key, hits]) => {
        const [bucket, channel, entry_id] = splitKey(key);
        return { bucket, channel, entry_id, hits };
      });
    for (const part of chunks(rows)) {
      await trx
        .insertInto(table)
        .values(part)
        .onConflict((oc) =>
          oc.columns(['bucket', 'channel', 'entry_id']).doUpdateSet({ hits: plus(table, 'hits') }),
        )
        .execute();
    }
  }
  await applyResponses(trx, deltas);
}

async function applyResponses(trx: Db, deltas: RollupDeltas): Promise<void> {
  const rowsOf = (source: Map<string, number>) =>
    [...source]
      .filter(([, n]) => n !== 0)
      .map(([key, count]) => {
        const [bucket, channel, rest] = splitKey(key);
        const [kind, ms] = rest.split(':');
        return { bucket, channel, kind, ms: Number(ms), count };
      });
  for (const part of chunks(rowsOf(deltas.responses))) {
    await trx
      .insertInto('insight_response_times')
      .values(part.map(({ bucket, ...row }) => ({ hour: bucket, ...row })))
      .onConflict((oc) =>
        oc
          .columns(['hour', 'channel', 'kind', 'ms'])
          .doUpdateSet({ count: plus('insight_response_times', 'count') }),
      )
      .execute();
  }
  for (const part of chunks(rowsOf(deltas.responseDays))) {
    await trx
      .insertInto('insight_response_days')
      .values(part.map(({ bucket, ...row }) => ({ day: bucket, ...row })))
      .onConflict((oc) =>
        oc
          .columns(['day', 'channel', 'kind', 'ms'])
          .doUpdateSet({ count: plus('insight_response_days', 'count') }),
      )
      .execute();
  }
}

/** Recomputes the customers' rows from their conversations (the latest name and phone given win). */
export async function refreshCustomers(trx: Db, keys: string[]): Promise<void> {
  for (const part of chunks(keys)) {
    const rows = await trx
      .selectFrom('insight_conversations')
      .select(['customer_key', 'started_at', 'customer_name', 'customer_phone'])
      .where('customer_key', 'in', part)
      .orderBy('started_at')
      .execute();
    const customers = new Map<string, Insertable<InsightCustomersTable>>();
    for (const r of rows) {
      const key = r.customer_key as string;
      const at = Number(r.started_at);
      const c = customers.get(key) ?? {
        customer_key: key,
        name: null,
        phone: null,
        contacts: 0,
        first_contact_at: at,
        last_contact_at: at,
      };
      c.contacts = Number(c.contacts) + 1;
      c.last_contact_at = at;
      c.name = r.customer_name ?? c.name;
      c.phone = r.customer_phone ?? c.phone;
      customers.set(key, c);
    }
    await trx.deleteFrom('insight_customers').where('customer_key', 'in', part).execute();
    if (customers.size > 0)
      await trx
        .insertInto('insight_customers')
        .values([...customers.values()])
        .execute();
  }
}
