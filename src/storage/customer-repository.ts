// Customers as the projections see them (a customer key groups conversations), agents' tags on them,
// and erasure on request. The customer's conversations are found through insight_conversations.
import { sql, type Selectable } from 'kysely';
import type { ConversationFacts, CustomerRepository } from './ports.js';
import type { InsightConversationsTable } from './insight-schema.js';
import { atomically, type Executor } from './executor.js';

const n = (value: unknown): number => Number(value ?? 0);

/** LIKE pattern matching `query` anywhere, with LIKE's own wildcards taken literally. */
const containing = (query: string) => `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function customerRepository(db: Executor): CustomerRepository {
  const ofCustomer = (key: string) =>
    db().selectFrom('insight_conversations').select('conversation_id').where('customer_key', '=', key);

  return {
    async search(query, limit) {
      let q = db().selectFrom('insight_conversations').where('customer_key', 'is not', null);
      const text = query.trim();
      if (text) {
        const pattern = containing(text);
        const like = (column: 'customer_key' | 'customer_name' | 'customer_phone') =>
          sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
        // Any of the customer's conversations may carry the name or phone: match keys, then count them all.
        const matching = db()
          .selectFrom('insight_conversations')
          .select('customer_key')
          .where((eb) => eb.or([like('customer_key'), like('customer_name'), like('customer_phone')]));
        q = q.where('customer_key', 'in', matching);
      }
      const rows = await q
        .select((eb) => [
          'customer_key',
          eb.fn.max('customer_name').as('name'),
          eb.fn.max('customer_phone').as('phone'),
          eb.fn.countAll<number>().as('contacts'),
          eb.fn.min('started_at').as('first'),
          eb.fn.max('started_at').as('last'),
        ])
        .groupBy('customer_key')
        .orderBy(sql`max(started_at)`, 'desc')
        .orderBy('customer_key')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map((r) => ({
        key: r.customer_key as string,
        name: r.name,
        phone: r.phone,
        contacts: n(r.contacts),
        firstContactAt: n(r.first),
        lastContactAt: n(r.last),
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
          await trx.deleteFrom('customer_tags').where('customer_key', '=', key).where('tag', 'in', remove).execute();
        }
        if (add.length > 0) {
          await trx
            .insertInto('customer_tags')
            .values(add.map((t) => ({ customer_key: key, tag: t.tag, added_by: t.addedBy, added_at: t.addedAt })))
            .onConflict((oc) => oc.columns(['customer_key', 'tag']).doNothing())
            .execute();
        }
      }),

    erase: (key, placeholder) =>
      atomically(db(), async (trx) => {
        // Subqueries rather than id lists: no bound-parameter limit, whatever the number of conversations.
        // The projection's customer_key is cleared last, since every step finds the conversations by it.
        const ids = () =>
          trx.selectFrom('insight_conversations').select('conversation_id').where('customer_key', '=', key);
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
        await trx.updateTable('ratings').set({ comment: null }).where('conversation_id', 'in', ids()).execute();
        await trx
          .updateTable('complaint_events')
          .set({ text: placeholder })
          .where('text', 'is not', null)
          .where('complaint_id', 'in', trx.selectFrom('complaints').select('id').where('conversation_id', 'in', ids()))
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
        await trx.updateTable('conversation_notes').set({ text: placeholder }).where('conversation_id', 'in', ids()).execute();
        await trx.deleteFrom('customer_tags').where('customer_key', '=', key).execute();
        await trx
          .updateTable('insight_conversations')
          .set({ customer_key: null, customer_name: null, customer_phone: null, anger_max: 0, angry_messages: 0 })
          .where('customer_key', '=', key)
          .execute();
        return { conversations: n(count), messages: n(messages.numUpdatedRows) };
      }),
  };
}

export function factsOf(r: Selectable<InsightConversationsTable>): ConversationFacts {
  return {
    conversationId: r.conversation_id,
    channel: r.channel,
    care: r.care === 1,
    customerKey: r.customer_key,
    customerName: r.customer_name,
    customerPhone: r.customer_phone,
    startedAt: n(r.started_at),
    status: r.status,
    customerMessages: r.customer_messages,
    firstCustomerAt: r.first_customer_at === null ? null : n(r.first_customer_at),
    lastCustomerAt: r.last_customer_at === null ? null : n(r.last_customer_at),
    firstResponseMs: r.first_response_ms === null ? null : n(r.first_response_ms),
    botAnswers: r.bot_answers,
    botClarifies: r.bot_clarifies,
    botHandoffs: r.bot_handoffs,
    lastDecision: r.last_decision,
    agentMessages: r.agent_messages,
    handedOff: r.handed_off === 1,
    firstHandoffReason: r.first_handoff_reason,
    firstHandoffAt: r.first_handoff_at === null ? null : n(r.first_handoff_at),
    agentResponseMs: r.agent_response_ms === null ? null : n(r.agent_response_ms),
    reopened: r.reopened === 1,
    selfServed: r.self_served === 1,
    angerMax: r.anger_max,
    angryMessages: r.angry_messages,
  };
}
