// Table shapes as Kysely sees them, shared by both adapters. Times are epoch ms (bigint in PostgreSQL,
// read back as numbers by the pool's type parser); JSON columns hold text; booleans are written as 0/1,
// which SQLite stores as integers and PostgreSQL accepts for its boolean columns.
import type { Generated } from 'kysely';
import type { EvidenceTables } from './evidence-schema.js';
import type { InsightTables } from './insight-schema.js';
import type { KbLifecycleTables } from './kb-lifecycle-schema.js';
import type { LearningTables } from './learning-schema.js';

export interface ConversationsTable {
  id: string;
  token_hash: string;
  status: string;
  locale: string;
  /** SQLite returns 0/1, PostgreSQL true/false. */
  care: number | boolean;
  /** JSON CustomerInfo. */
  customer: string;
  assigned_agent_id: string | null;
  handoff_reason: string | null;
  queued_at: number | null;
  bot_misses: number;
  /** JSON string[] or null. */
  pending_clarify: string | null;
  /** Defaults to 'normal' (0003-routing). */
  priority: Generated<string>;
  skill_group: string | null;
  /** SQLite returns 0/1, PostgreSQL true/false; defaults to false. */
  front_of_queue: Generated<number | boolean>;
  assigned_at: number | null;
  /** Defaults to 'web' (0006-insights). */
  channel: Generated<string>;
  last_seq: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  sender: string;
  author_id: string | null;
  text: string;
  client_message_id: string | null;
  in_reply_to: string | null;
  /** JSON object or null. */
  meta: string | null;
  created_at: number;
}

/** One row (id = 1), created by the migration; `version` is the KB's current version. */
export interface KbMetaTable {
  id: number;
  name: string;
  locale: string;
  version: number;
  /** The version the live bot answers from (0004-kb-lifecycle); kb_entries is the draft. */
  published_version: Generated<number>;
  /** JSON string[]: the draft's "must not answer" examples (0008-kb-negatives). */
  negatives: Generated<string>;
}

export interface KbEntriesTable {
  id: string;
  /** Keeps the order entries were imported or added in, so an export matches its import. */
  position: number;
  title: string;
  category: string | null;
  /** JSON string[]. */
  questions: string;
  answer: string;
  /** JSON string[] or null. */
  tags: string | null;
  updated_at: number;
}

export interface KbVersionsTable {
  version: number;
  created_at: number;
  author: string | null;
  note: string | null;
  entry_count: number;
  /** JSON KbEntry[]: every entry as at this version. */
  snapshot: string;
  /** When and by whom this version went live (0004-kb-lifecycle); null if never. */
  published_at: number | null;
  published_by: string | null;
  /** JSON string[]: the "must not answer" examples at this version; null before 0008-kb-negatives. */
  negatives: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface AgentStatesTable {
  user_id: string;
  presence: string;
  capacity: number;
  /** JSON string[]. */
  groups: string;
  last_seen_at: number;
  idle_since: number;
}

export interface HandoffsTable {
  id: string;
  conversation_id: string;
  reason: string;
  priority: string;
  skill_group: string | null;
  requested_at: number;
  queued_at: number;
  assigned_at: number | null;
  agent_id: string | null;
  ended_at: number | null;
  outcome: string | null;
}

export interface CallbackTicketsTable {
  id: string;
  conversation_id: string | null;
  name: string;
  phone: string;
  question: string;
  status: string;
  created_at: number;
  handled_by: string | null;
  handled_at: number | null;
  note: string | null;
}

export interface ConversationNotesTable {
  id: string;
  conversation_id: string;
  author_id: string;
  text: string;
  created_at: number;
}

export interface CannedRepliesTable {
  id: string;
  shortcut: string;
  text: string;
  created_at: number;
}

export interface Database extends EvidenceTables, KbLifecycleTables, InsightTables, LearningTables {
  conversations: ConversationsTable;
  messages: MessagesTable;
  kb_meta: KbMetaTable;
  kb_entries: KbEntriesTable;
  kb_versions: KbVersionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  agent_states: AgentStatesTable;
  handoffs: HandoffsTable;
  callback_tickets: CallbackTicketsTable;
  conversation_notes: ConversationNotesTable;
  canned_replies: CannedRepliesTable;
}
