// Pure: one conversation (with its messages and handoffs) → the facts, hourly counts and KB hits the
// dashboard aggregates. Recomputed whole from the stored records, so it is idempotent and does not care
// in which order, or how often, events about the conversation arrived.
import type {
  ConversationFacts,
  ConversationProjection,
  EntryHits,
  HourlyCounts,
  InsightSource,
  MessageRecord,
} from '../storage/ports.js';
import { customerKeyOf } from './customer-key.js';
import { messageAnger } from './sentiment.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const hourOf = (t: number): number => t - (((t % HOUR_MS) + HOUR_MS) % HOUR_MS);

const DECISIONS = new Set(['answer', 'clarify', 'handoff']);

/** The decision of a bot reply to a customer message (greetings and notices are no decisions). */
export function botDecision(m: MessageRecord): string | null {
  if (m.sender !== 'bot' || m.inReplyTo === null) return null;
  const decision = m.meta?.decision;
  return typeof decision === 'string' && DECISIONS.has(decision) ? decision : null;
}

/** `categoryOf` gives a KB entry's current category (undefined/null when unknown or uncategorised). */
export function projectConversation(
  source: InsightSource,
  categoryOf: (entryId: string) => string | null | undefined,
): ConversationProjection {
  const { conversation: c } = source;
  const messages = [...source.messages].sort((a, b) => a.seq - b.seq);
  const handoffs = [...source.handoffs].sort(
    (a, b) => a.queuedAt - b.queuedAt || a.requestedAt - b.requestedAt,
  );
  const firstHandoff = handoffs[0] ?? null;

  const hourly = new Map<number, HourlyCounts>();
  const hits = new Map<string, EntryHits>();
  const facts: ConversationFacts = {
    conversationId: c.id,
    channel: c.channel,
    care: c.care,
    customerKey: customerKeyOf(c.customer),
    customerName: c.customer.name?.trim() || null,
    customerPhone: c.customer.phone?.trim() || null,
    startedAt: c.createdAt,
    status: c.status,
    customerMessages: 0,
    firstCustomerAt: null,
    lastCustomerAt: null,
    firstResponseMs: null,
    botAnswers: 0,
    botClarifies: 0,
    botHandoffs: 0,
    lastDecision: null,
    agentMessages: 0,
    handedOff: handoffs.length > 0,
    firstHandoffReason: firstHandoff?.reason ?? null,
    firstHandoffAt: firstHandoff?.queuedAt ?? null,
    agentResponseMs: null,
    reopened: false,
    selfServed: false,
    angerMax: 0,
    angryMessages: 0,
  };

  let firstCustomer: MessageRecord | null = null;
  let resolvedAt: number | null = null;
  for (const m of messages) {
    const hour = hourOf(m.createdAt);
    let counts = hourly.get(hour);
    if (!counts) {
      counts = { hour, customer: 0, bot: 0, agent: 0, system: 0, answers: 0, clarifies: 0, handoffs: 0 };
      hourly.set(hour, counts);
    }
    counts[m.sender] += 1;

    if (m.sender === 'customer') {
      facts.customerMessages += 1;
      firstCustomer ??= m;
      facts.firstCustomerAt ??= m.createdAt;
      facts.lastCustomerAt = m.createdAt;
      const anger = messageAnger(m.text);
      facts.angerMax = Math.max(facts.angerMax, anger);
      if (anger > 0) facts.angryMessages += 1;
      // Back within 24 h of an agent's resolution: that resolution did not hold.
      if (resolvedAt !== null && m.createdAt - resolvedAt <= DAY_MS) facts.reopened = true;
      resolvedAt = null;
      continue;
    }
    if (firstCustomer && facts.firstResponseMs === null && (m.sender === 'bot' || m.sender === 'agent')) {
      facts.firstResponseMs = m.createdAt - firstCustomer.createdAt;
    }
    if (m.sender === 'system' && m.meta?.event === 'resolved') resolvedAt = m.createdAt;
    if (m.sender === 'agent') {
      facts.agentMessages += 1;
      if (firstHandoff && facts.agentResponseMs === null && m.createdAt >= firstHandoff.queuedAt) {
        facts.agentResponseMs = m.createdAt - firstHandoff.queuedAt;
      }
    }
    const decision = botDecision(m);
    if (decision === null) continue;
    facts.lastDecision = decision;
    if (decision === 'answer') {
      facts.botAnswers += 1;
      counts.answers += 1;
      const entryId = m.meta?.entryId;
      if (typeof entryId === 'string') {
        const key = `${hour}\u0000${entryId}`;
        const hit = hits.get(key) ?? { hour, entryId, category: categoryOf(entryId) ?? null, hits: 0 };
        hit.hits += 1;
        hits.set(key, hit);
      }
    } else if (decision === 'clarify') {
      facts.botClarifies += 1;
      counts.clarifies += 1;
    } else {
      facts.botHandoffs += 1;
      counts.handoffs += 1;
    }
  }
  facts.selfServed =
    facts.botAnswers > 0 &&
    facts.lastDecision === 'answer' &&
    !facts.handedOff &&
    facts.agentMessages === 0 &&
    !facts.reopened;
  return { facts, hourly: [...hourly.values()], hits: [...hits.values()] };
}
