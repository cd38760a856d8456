// Table shapes of the consumer-protection features (migration 0002-evidence), merged into Database.

export interface ServerKeysTable {
  id: string;
  algorithm: string;
  public_key: string;
  private_key: string;
  fingerprint: string;
  created_at: number;
}

export interface RatingsTable {
  id: string;
  conversation_id: string;
  score: number;
  comment: string | null;
  created_at: number;
  superseded_at: number | null;
}

export interface ComplaintsTable {
  id: string;
  conversation_id: string;
  category: string;
  description: string;
  priority: string;
  status: string;
  assignee_id: string | null;
  opened_by: string;
  opened_by_id: string | null;
  first_response_at: number | null;
  resolved_at: number | null;
  paused_ms: number;
  paused_since: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ComplaintEventsTable {
  complaint_id: string;
  seq: number;
  at: number;
  kind: string;
  actor: string;
  actor_id: string | null;
  from_status: string | null;
  to_status: string | null;
  text: string | null;
  /** SQLite returns 0/1, PostgreSQL true/false. */
  internal: number | boolean;
  /** JSON object or null. */
  data: string | null;
}

export interface AuditLogTable {
  id: string;
  at: number;
  actor_id: string | null;
  actor_role: string;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  /** JSON object or null. */
  detail: string | null;
}

export interface EvidenceTables {
  server_keys: ServerKeysTable;
  ratings: RatingsTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  audit_log: AuditLogTable;
}
