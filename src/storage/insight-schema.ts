// Table shapes of insights (migration 0006-insights), merged into Database. Flags are integers 0/1 in
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
  customer_tags: CustomerTagsTable;
}
