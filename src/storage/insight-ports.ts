// Storage ports of insights (re-exported by ports.ts): per-conversation projections that the dashboard
// aggregates instead of the million-row messages table, the aggregate queries over them, and customer
// profiles (tags, search, erasure). Times are epoch milliseconds.
import type { ConversationRecord, MessageRecord } from './ports.js';
import type { HandoffRecord } from './routing-ports.js';

/** One row per conversation: the facts every dashboard metric and profile is computed from. */
export interface ConversationFacts {
  conversationId: string;
  channel: string;
  care: boolean;
  /** 'ext:<externalId>' or 'tel:<digits>'; null for an anonymous customer. */
  customerKey: string | null;
  customerName: string | null;
  customerPhone: string | null;
  startedAt: number;
  status: string;
  customerMessages: number;
  firstCustomerAt: number | null;
  lastCustomerAt: number | null;
  /** First customer message → first bot or agent reply after it. */
  firstResponseMs: number | null;
  /** Bot replies to a customer message, by decision. */
  botAnswers: number;
  botClarifies: number;
  botHandoffs: number;
  /** Decision of the bot's last reply to a customer message. */
  lastDecision: string | null;
  agentMessages: number;
  /** Any handoff record (the conversation went to a person's queue). */
  handedOff: boolean;
  firstHandoffReason: string | null;
  firstHandoffAt: number | null;
  /** First handoff's queue entry → first agent message after it. */
  agentResponseMs: number | null;
  /** A customer message came within 24 h after an agent resolved the conversation. */
  reopened: boolean;
  /** Answered by the bot alone: ≥1 answer, last reply an answer, no handoff, no agent message, not reopened. */
  selfServed: boolean;
  /** Highest anger intensity of the customer's messages (handoff-intent lexicon). */
  angerMax: number;
  angryMessages: number;
}

/** Message counts of one conversation in one clock hour (hour = epoch ms of the hour's start). */
export interface HourlyCounts {
  hour: number;
  customer: number;
  bot: number;
  agent: number;
  system: number;
  /** Bot replies to customer messages, by decision. */
  answers: number;
  clarifies: number;
  handoffs: number;
}

/** Bot answers of one KB entry in one conversation and hour. */
export interface EntryHits {
  hour: number;
  entryId: string;
  /** The entry's category when the projection was made. */
  category: string | null;
  hits: number;
}

export interface ConversationProjection {
  facts: ConversationFacts;
  hourly: HourlyCounts[];
  hits: EntryHits[];
}

/** What a projection is computed from. */
export interface InsightSource {
  conversation: ConversationRecord;
  messages: MessageRecord[];
  handoffs: HandoffRecord[];
}

/** [from, to) on the relevant time of each metric, and optionally one channel. */
export interface InsightFilter {
  from: number;
  to: number;
  channel?: string;
}

/**
 * Totals of one local day (`dayStart`: epoch ms of its local midnight): message counts by the hour they
 * were stored in, conversation counts by the hour the conversation started in.
 */
export interface DayTotals extends Omit<HourlyCounts, 'hour'> {
  dayStart: number;
  conversations: number;
  /** With at least one customer message, or handed off (the button needs no message). */
  engaged: number;
  care: number;
  handedOff: number;
  /** Engaged and quiet since before `settledBefore` (no customer message after it). */
  settled: number;
  /** Settled and self-served. */
  selfServed: number;
}

/** Durations in ms, each with how many times it occurs (`counts` absent: once each), in no order. */
export interface Durations {
  values: number[];
  counts?: number[];
}

/** Handoffs queued on one local day (agent-to-agent transfers excluded). */
export interface QueueDay {
  dayStart: number;
  handoffs: number;
  /** Neither taken by an agent nor ended. */
  waiting: number;
  assigned: number;
  /** Taken by an agent, or ended. */
  decided: number;
  /** Decided, with outcome `abandoned`. */
  abandoned: number;
}

export interface InsightRepository {
  /** Conversation ids after `afterId` in id order (null: from the start), for rebuilding. */
  conversationIdsAfter(afterId: string | null, limit: number): Promise<string[]>;
  /** Conversation ids that have no projection yet (after an upgrade, or a missed event). */
  unprojectedIds(limit: number): Promise<string[]>;
  /** The conversations with all their messages and handoffs (unknown ids are skipped). */
  sources(ids: string[]): Promise<InsightSource[]>;
  /** KB entry id → title and category, as the KB is now. */
  entryCatalogue(): Promise<Map<string, { title: string; category: string | null }>>;
  /** Deletes every projection and rollup (customer tags stay), before a rebuild from scratch. */
  clearProjections(): Promise<void>;
  /** Replaces the projections of these conversations, atomically. */
  saveProjections(projections: ConversationProjection[]): Promise<void>;

  /** Totals per local day (`offsetMs` east of UTC) of the hours overlapping [from, to). */
  dayTotals(filter: InsightFilter, offsetMs: number, settledBefore: number): Promise<DayTotals[]>;
  /** Conversations started in the filter (by hour, as above) that were handed off, by first handoff reason. */
  handoffReasons(filter: InsightFilter): Promise<Array<{ reason: string; conversations: number }>>;
  /** Bot answers in the filter by entry (hours overlapping [from, to)). */
  entryHits(filter: InsightFilter): Promise<Array<{ entryId: string; hits: number }>>;
  /** Response times of conversations started in the filter (hours as above). */
  responseTimes(filter: InsightFilter): Promise<{ first: Durations; agent: Durations }>;
  /** Handoffs queued in [from, to), except agent-initiated transfers, per local day of queue entry. */
  queueDays(filter: InsightFilter, offsetMs: number): Promise<QueueDay[]>;
  /**
   * Of the same handoffs: `wait`, queue entry → taken by an agent; `abandoned`, queue entry → the end
   * of a decided handoff whose outcome is `abandoned`.
   */
  queueDurations(filter: InsightFilter, kind: 'wait' | 'abandoned'): Promise<Durations>;
  /** Current ratings given in the filter, by score. */
  ratingCounts(filter: InsightFilter): Promise<Array<{ score: number; count: number }>>;
}

export interface CustomerSummary {
  key: string;
  name: string | null;
  phone: string | null;
  contacts: number;
  firstContactAt: number;
  lastContactAt: number;
}

export interface CustomerTag {
  tag: string;
  addedBy: string;
  addedAt: number;
}

/** What a profile shows of a rating, complaint or callback ticket (the full records stay in their own APIs). */
export interface CustomerRating {
  conversationId: string;
  score: number;
  comment: string | null;
  createdAt: number;
}

export interface CustomerComplaint {
  id: string;
  conversationId: string;
  category: string;
  status: string;
  priority: string;
  createdAt: number;
}

export interface CustomerTicket {
  id: string;
  conversationId: string | null;
  status: string;
  createdAt: number;
}

export interface ErasureCounts {
  conversations: number;
  messages: number;
}

export interface CustomerRepository {
  /** Customers whose key, name or phone contains the query (all when empty), most recent contact first. */
  search(query: string, limit: number): Promise<CustomerSummary[]>;
  /** The customer's conversations' facts, newest first. */
  conversations(key: string, limit: number): Promise<ConversationFacts[]>;
  /** Bot answers in the customer's conversations by hour and category (for topics over time). */
  topics(key: string): Promise<Array<{ hour: number; category: string | null; hits: number }>>;
  /** Current ratings of the customer's conversations, newest first. */
  ratings(key: string): Promise<CustomerRating[]>;
  /** Complaints of the customer's conversations, newest first. */
  complaints(key: string): Promise<CustomerComplaint[]>;
  /** Callback tickets of the customer's conversations, newest first. */
  tickets(key: string): Promise<CustomerTicket[]>;
  tags(key: string): Promise<CustomerTag[]>;
  /** Adds (existing tags are kept as they were) and removes tags. */
  changeTags(key: string, add: CustomerTag[], remove: string[]): Promise<void>;
  /**
   * Erases the customer's personal data and message texts, keeping every count: see docs/metrics.md
   * ("Erasure"). `placeholder` replaces texts.
   */
  erase(key: string, placeholder: string): Promise<ErasureCounts>;
}
