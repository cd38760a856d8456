// Customers as the projections see them (a customer key groups conversations), agents' tags on them,
// and erasure on request. The customer's conversations are found through insight_conversations.
import { sql } from 'kysely';
import type { CustomerRepository } from './ports.js';
import { atomically, type Db, type Executor } from './executor.js';
import { factsOf } from './insight-rows.js';

const n = (value: unknown): number => Number(value ?? 0);

/** LIKE pattern matching `query` anywhere, with LIKE's own wildcards taken literally. */
const containing = (query: string) => `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The customer's conversation ids, as a subquery on q (the connection, or erase's transaction): the
 * projection's customer_key is how every read and the erasure find a customer's conversations. A
 * subquery rather than an id list: no bound-parameter limit, whatever the number of conversations.
 */
const conversationsOf = (q: Db, key: string) =>
  q.selectFrom('insight_conversations').select('conversation_id').where('customer_key', '=', key);

export function customerRepository(db: Executor): CustomerRepository {
  const ofCustomer = (key: string) => conversationsOf(db(), key);

  return {
    async search(query, limit) {
      let q = db().selectFrom('insight_customers').selectAll();
      const text = query.trim();
      if (text) {
        const pattern = containing(text);
        const like = (column: 'customer_key' | 'name' | 'phone') =>
          sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
        q = q.where((eb) => eb.or([like('customer_key'), like('name'), like('phone')]));
      }
      const rows = await q
        .orderBy('last_contact_at', 'desc')
        .orderBy('customer_key')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map((r) => ({
        key: r.customer_key,
        name: r.name,
        phone: r.phone,
        contacts: n(r.contacts),
        firstContactAt: n(r.first_contact_at),
        lastContactAt: n(r.last_contact_at),
      }));
    },

    async conversations(key, limit) {
      const rows = await db()
        .selectFrom('insight_conversations')
        .selectAll()
        .where('customer_key', '=', key)
        .orderBy('started_at', 'desc')
        .orderBy('conversation_id', 'desc')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map(factsOf);
    },

    async topics(key) {
      const rows = await db()
        .selectFrom('insight_entry_hits')
        .where('conversation_id', 'in', ofCustomer(key))
        .select((eb) => ['hour', 'category', eb.fn.sum<number>('hits').as('hits')])
        .groupBy(['hour', 'category'])
        .orderBy('hour')
        .execute();
      return rows.map((r) => ({ hour: n(r.hour), category: r.category, hits: n(r.hits) }));
    },

    async ratings(key) {
      const rows = await db()
        .selectFrom('ratings')
        .select(['conversation_id', 'score', 'comment', 'created_at'])
        .where('conversation_id', 'in', ofCustomer(key))
        .where('superseded_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({
        conversationId: r.conversation_id,
        score: r.score,
        comment: r.comment,
        createdAt: n(r.created_at),
      }));
    },

    async complaints(key) {
      const rows = await db()
        .selectFrom('complaints')
        .select(['id', 'conversation_id', 'category', 'status', 'priority', 'created_at'])
        .where('conversation_id', 'in', ofCustomer(key))
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        category: r.category,
        status: r.status,
        priority: r.priority,
        createdAt: n(r.created_at),
      }));
    },

    async tickets(key) {
      const rows = await db()
        .selectFrom('callback_tickets')
        .select(['id', 'conversation_id', 'status', 'created_at'])
        .where('conversation_id', 'in', ofCustomer(key))
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        status: r.status,
        createdAt: n(r.created_at),
      }));
    },

    async tags(key) {
      const rows = await db()
        .selectFrom('customer_tags')
        .selectAll()
        .where('customer_key', '=', key)
        .orderBy('added_at')
        .orderBy('tag')
        .execute();
      return rows.map((r) => ({ tag: r.tag, addedBy: r.added_by, addedAt: n(r.added_at) }));
    },

    changeTags: (key, add, remove) =>
      atomically(db(), async (trx) => {
        if (remove.length > 0) {
          await trx
            .deleteFrom('customer_tags')
            .where('customer_key', '=', key)
            .where('tag', 'in', remove)
            .execute();
        }
        if (add.length > 0) {
          await trx
            .insertInto('customer_tags')
            .values(
              add.map((t) => ({ customer_key: key, tag: t.tag, added_by: t.addedBy, added_at: t.addedAt })),
            )
            .onConflict((oc) => oc.columns(['customer_key', 'tag']).doNothing())
            .execute();
        }
      }),

    erase: (key, placeholder) =>
      atomically(db(), async (trx) => {
        // The projection's customer_key is cleared last, since every step finds the conversations by it.
        const ids = () => conversationsOf(trx, key);
        const { count } = await trx
          .selectFrom('insight_conversations')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('customer_key', '=', key)
          .executeTakeFirstOrThrow();
        await trx.updateTable('conversations').set({ customer: '{}' }).where('id', 'in', ids()).execute();
        const messages = await trx
          .updateTable('messages')
          .set({ text: placeholder })
          .where('conversation_id', 'in', ids())
          .executeTakeFirst();
        await trx
          .updateTable('ratings')
          .set({ comment: null })
          .where('conversation_id', 'in', ids())
          .execute();
        await trx
          .updateTable('complaint_events')
          .set({ text: placeholder })
          .where('text', 'is not', null)
          .where(
            'complaint_id',
            'in',
            trx.selectFrom('complaints').select('id').where('conversation_id', 'in', ids()),
          )
          .execute();
        await trx
          .updateTable('complaints')
          .set({ description: placeholder })
          .where('conversation_id', 'in', ids())
          .execute();
        await trx
          .updateTable('callback_tickets')
          .set({ name: placeholder, phone: '', question: placeholder, note: null })
          .where('conversation_id', 'in', ids())
          .execute();
        await trx
          .updateTable('conversation_notes')
          .set({ text: placeholder })
          .where('conversation_id', 'in', ids())
          .execute();
        await trx.deleteFrom('customer_tags').where('customer_key', '=', key).execute();
        await trx.deleteFrom('insight_customers').where('customer_key', '=', key).execute();
        await trx
          .updateTable('insight_conversations')
          .set({
            customer_key: null,
            customer_name: null,
            customer_phone: null,
            anger_max: 0,
            angry_messages: 0,
          })
          .where('customer_key', '=', key)
          .execute();
        return { conversations: n(count), messages: n(messages.numUpdatedRows) };
      }),
  };
}
