// Table shapes of insights (migrations 0006-insights and 0007), merged into Database. Flags are integers 0/1 in
// both dialects so that SUM() counts them the same way.

export interface InsightConversationsTable {
  conversation_id: string;
  channel: string;
  care: number;
  customer_key: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  started_at: number;
  status: string;
  customer_messages: number;
  first_customer_at: number | null;
  last_customer_at: number | null;
  /** The last customer message, else the start: a conversation is settled 24 h after it. */
  last_activity_at: number;
  first_response_ms: number | null;
  bot_answers: number;
  bot_clarifies: number;
  bot_handoffs: number;
  last_decision: string | null;
  agent_messages: number;
  handed_off: number;
  first_handoff_reason: string | null;
  first_handoff_at: number | null;
  agent_response_ms: number | null;
  reopened: number;
  self_served: number;
  anger_max: number;
  angry_messages: number;
}

export interface InsightHourlyTable {
  conversation_id: string;
  hour: number;
  channel: string;
  customer: number;
  bot: number;
  agent: number;
  system: number;
  answers: number;
  clarifies: number;
  handoffs: number;
}

export interface InsightEntryHitsTable {
  conversation_id: string;
  hour: number;
  entry_id: string;
  category: string | null;
  channel: string;
  hits: number;
}

/**
 * Global rollups, one row per hour (or UTC day) and channel (and reason / entry), kept by deltas as
 * conversations are re-projected: their size does not grow with the number of conversations.
 * Conversation counts are by start hour, message counts by message hour.
 */
export interface InsightHourTotalsTable {
  hour: number;
  channel: string;
  conversations: number;
  engaged: number;
  care: number;
  handed_off: number;
  self_served: number;
  customer: number;
  bot: number;
  agent: number;
  system: number;
  answers: number;
  clarifies: number;
  handoffs: number;
}

export interface InsightHourReasonsTable {
  hour: number;
  channel: string;
  reason: string;
  conversations: number;
}

/** `bucket` is an hour (insight_entry_hours) or a UTC day (insight_entry_days). */
export interface InsightEntryBucketsTable {
  bucket: number;
  channel: string;
  entry_id: string;
  hits: number;
}

/** How many conversations started in an hour had this exact response time ('first' or 'agent', in ms). */
export interface InsightResponseTimesTable {
  hour: number;
  channel: string;
  kind: string;
  ms: number;
  count: number;
}

/** The same per UTC day (`day`: epoch ms of its midnight UTC), for long ranges (0007). */
export interface InsightResponseDaysTable {
  day: number;
  channel: string;
  kind: string;
  ms: number;
  count: number;
}

/** One row per identified customer, recomputed from insight_conversations when theirs change. */
export interface InsightCustomersTable {
  customer_key: string;
  name: string | null;
  phone: string | null;
  contacts: number;
  first_contact_at: number;
  last_contact_at: number;
}

export interface CustomerTagsTable {
  customer_key: string;
  tag: string;
  added_by: string;
  added_at: number;
}

export interface InsightTables {
  insight_conversations: InsightConversationsTable;
  insight_hourly: InsightHourlyTable;
  insight_entry_hits: InsightEntryHitsTable;
  insight_hour_totals: InsightHourTotalsTable;
  insight_hour_reasons: InsightHourReasonsTable;
  insight_entry_hours: InsightEntryBucketsTable;
  insight_entry_days: InsightEntryBucketsTable;
  insight_response_times: InsightResponseTimesTable;
  insight_response_days: InsightResponseDaysTable;
  insight_customers: InsightCustomersTable;
  customer_tags: CustomerTagsTable;
}
