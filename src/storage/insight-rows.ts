// Row ⇄ record mapping of the per-conversation insight tables, shared by the projection store and the
// customer repository.
import type { Insertable, Selectable } from 'kysely';
import type { ConversationFacts, ConversationProjection } from './ports.js';
import type {
  InsightConversationsTable,
  InsightEntryHitsTable,
  InsightHourlyTable,
} from './insight-schema.js';

const n = (value: unknown): number => Number(value ?? 0);
const orNull = (value: number | null): number | null => (value === null ? null : n(value));

const flag = (b: boolean): number => (b ? 1 : 0);

export function factsRow({ facts: f }: ConversationProjection): Insertable<InsightConversationsTable> {
  return {
    conversation_id: f.conversationId,
    channel: f.channel,
    care: flag(f.care),
    customer_key: f.customerKey,
    customer_name: f.customerName,
    customer_phone: f.customerPhone,
    started_at: f.startedAt,
    status: f.status,
    customer_messages: f.customerMessages,
    first_customer_at: f.firstCustomerAt,
    last_customer_at: f.lastCustomerAt,
    last_activity_at: f.lastCustomerAt ?? f.startedAt,
    first_response_ms: f.firstResponseMs,
    bot_answers: f.botAnswers,
    bot_clarifies: f.botClarifies,
    bot_handoffs: f.botHandoffs,
    last_decision: f.lastDecision,
    agent_messages: f.agentMessages,
    handed_off: flag(f.handedOff),
    first_handoff_reason: f.firstHandoffReason,
    first_handoff_at: f.firstHandoffAt,
    agent_response_ms: f.agentResponseMs,
    reopened: flag(f.reopened),
    self_served: flag(f.selfServed),
    anger_max: f.angerMax,
    angry_messages: f.angryMessages,
  };
}

export function hourlyRows(p: ConversationProjection): Insertable<InsightHourlyTable>[] {
  return p.hourly.map((h) => ({ conversation_id: p.facts.conversationId, channel: p.facts.channel, ...h }));
}

export function hitRows(p: ConversationProjection): Insertable<InsightEntryHitsTable>[] {
  return p.hits.map((h) => ({
    conversation_id: p.facts.conversationId,
    channel: p.facts.channel,
    hour: h.hour,
    entry_id: h.entryId,
    category: h.category,
    hits: h.hits,
  }));
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
    firstCustomerAt: orNull(r.first_customer_at),
    lastCustomerAt: orNull(r.last_customer_at),
    firstResponseMs: orNull(r.first_response_ms),
    botAnswers: r.bot_answers,
    botClarifies: r.bot_clarifies,
    botHandoffs: r.bot_handoffs,
    lastDecision: r.last_decision,
    agentMessages: r.agent_messages,
    handedOff: r.handed_off === 1,
    firstHandoffReason: r.first_handoff_reason,
    firstHandoffAt: orNull(r.first_handoff_at),
    agentResponseMs: orNull(r.agent_response_ms),
    reopened: r.reopened === 1,
    selfServed: r.self_served === 1,
    angerMax: r.anger_max,
    angryMessages: r.angry_messages,
  };
}

/** A stored projection read back (to take its counts out of the rollups before it is replaced). */
export function projectionOf(
  facts: Selectable<InsightConversationsTable>,
  hourly: Selectable<InsightHourlyTable>[],
  hits: Selectable<InsightEntryHitsTable>[],
): ConversationProjection {
  return {
    facts: factsOf(facts),
    hourly: hourly.map((h) => ({
      hour: n(h.hour),
      customer: h.customer,
      bot: h.bot,
      agent: h.agent,
      system: h.system,
      answers: h.answers,
      clarifies: h.clarifies,
      handoffs: h.handoffs,
    })),
    hits: hits.map((h) => ({ hour: n(h.hour), entryId: h.entry_id, category: h.category, hits: h.hits })),
  };
}
