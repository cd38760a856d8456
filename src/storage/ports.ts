// Storage ports: what the application needs from a database. Adapters (SQLite, PostgreSQL) implement
// these and must pass the one contract suite in storage.contract.ts. Times are epoch milliseconds.
import type { ConversationStatus } from '../domain/conversation-status.js';
import type { KbEntry } from '../engine/types.js';
import type {
  AuditRepository,
  ComplaintRepository,
  KeyRepository,
  RatingRepository,
} from './evidence-ports.js';

export type * from './evidence-ports.js';
export type * from './kb-lifecycle-ports.js';
export type * from './insight-ports.js';
export type * from './learning-ports.js';
import type {
  AnswerFeedbackRepository,
  KbProposalRepository,
  UnansweredRepository,
} from './learning-ports.js';
import type { CustomerRepository, InsightRepository } from './insight-ports.js';
import type { RegressionCaseRepository } from './kb-lifecycle-ports.js';
import type { PriorityClass } from '../domain/queue-order.js';
import type {
  AgentStateRepository,
  CallbackTicketRepository,
  CannedReplyRepository,
  HandoffRepository,
  NoteRepository,
} from './routing-ports.js';

export interface CustomerInfo {
  name?: string;
  phone?: string;
  externalId?: string;
}

export interface ConversationRecord {
  id: string;
  /** sha256 of the customer's bearer token (the token itself is never stored). */
  tokenHash: string;
  status: ConversationStatus;
  locale: string;
  care: boolean;
  customer: CustomerInfo;
  assignedAgentId: string | null;
  /** Why it was handed off (last handoff), e.g. 'customer-request', 'out-of-scope'. */
  handoffReason: string | null;
  queuedAt: number | null;
  /** Consecutive bot non-answers (clarify/handoff), for the repeated-miss rule. */
  botMisses: number;
  /** Entry ids offered in a pending clarification, or null. */
  pendingClarify: string[] | null;
  /** Queue priority class of the current handoff. */
  priority: PriorityClass;
  /** Skill group of the topic being discussed (KB category mapped to a group); null = any. */
  skillGroup: string | null;
  /** Re-queued because its agent went offline: served first. */
  frontOfQueue: boolean;
  /** When the current agent took it. */
  assignedAt: number | null;
  /** Where the customer wrote from: 'web' (default), or e.g. 'app', 'wechat' (an insights filter). */
  channel: string;
  /** Highest message sequence number used so far (0 when none). */
  lastSeq: number;
  createdAt: number;
  updatedAt: number;
}

export type NewConversation = Omit<
  ConversationRecord,
  'lastSeq' | 'updatedAt' | 'priority' | 'skillGroup' | 'frontOfQueue' | 'assignedAt' | 'channel'
> &
  Partial<Pick<ConversationRecord, 'priority' | 'skillGroup' | 'frontOfQueue' | 'assignedAt' | 'channel'>>;

/** Fields that may change after creation (status only through the domain's transition()). */
export type ConversationPatch = Partial<
  Pick<
    ConversationRecord,
    | 'status'
    | 'assignedAgentId'
    | 'handoffReason'
    | 'queuedAt'
    | 'botMisses'
    | 'pendingClarify'
    | 'priority'
    | 'skillGroup'
    | 'frontOfQueue'
    | 'assignedAt'
  >
>;

export type Sender = 'customer' | 'bot' | 'agent' | 'system';

export interface MessageRecord {
  id: string;
  conversationId: string;
  /** 1, 2, 3 … per conversation, gap-free, in the order stored. */
  seq: number;
  sender: Sender;
  /** Agent user id for agent messages; null otherwise. */
  authorId: string | null;
  text: string;
  /** The client's idempotency key (customer and agent messages); unique per conversation. */
  clientMessageId: string | null;
  /** Id of the customer message a bot reply answers (for idempotent replays). */
  inReplyTo: string | null;
  /** Decision details for bot messages (decision, entryId, candidates, scores, kbVersion …). */
  meta: Record<string, unknown> | null;
  createdAt: number;
}

export type NewMessage = Omit<MessageRecord, 'seq'>;

export interface AppendResult {
  message: MessageRecord;
  /** false when a message with the same clientMessageId already existed (nothing stored). */
  created: boolean;
}

export interface ConversationRepository {
  create(conversation: NewConversation): Promise<ConversationRecord>;
  get(id: string): Promise<ConversationRecord | null>;
  /** Applies the patch; when expectedStatus is given and differs, changes nothing and returns null. */
  update(
    id: string,
    patch: ConversationPatch,
    now: number,
    expectedStatus?: ConversationStatus,
  ): Promise<ConversationRecord | null>;
  /** Conversations in the given statuses, oldest queuedAt (then createdAt) first. */
  listByStatus(statuses: ConversationStatus[], limit: number): Promise<ConversationRecord[]>;
  /** Conversations assigned to an agent in the given statuses, most recently updated first. */
  listByAgent(agentId: string, statuses: ConversationStatus[], limit: number): Promise<ConversationRecord[]>;
  /** How many queued conversations (other than `ahead.id`) pass the filter: one indexed count, no rows read. */
  countQueuedAhead(ahead: QueueAhead): Promise<number>;
}

/**
 * Which queued conversations come before one (`id`) in queue order, as a filter the services derive from
 * the queue order (src/domain/queue-order.ts). "Queued at" is queuedAt, or createdAt when it is unset.
 */
export interface QueueAhead {
  id: string;
  /** false: every front-of-queue conversation counts, and the others by `before`; true: only front-of-queue ones, by `before`. */
  front: boolean;
  /** Per priority class: conversations of that class queued strictly before this instant count. */
  before: Readonly<Record<PriorityClass, number>>;
  /** Those of this class queued exactly at `at` count when their id sorts before `id`. */
  tie: { priority: PriorityClass; at: number };
}

export interface MessageRepository {
  /**
   * Stores a message with the next seq of its conversation (atomically bumping lastSeq).
   * If clientMessageId is set and already stored for that conversation, stores nothing and returns it.
   */
  append(message: NewMessage): Promise<AppendResult>;
  /** Messages with seq > afterSeq in seq order, at most limit. */
  listAfter(conversationId: string, afterSeq: number, limit: number): Promise<MessageRecord[]>;
  /** Bot (or system) messages stored in reply to the given message id, in seq order. */
  listReplies(conversationId: string, inReplyTo: string): Promise<MessageRecord[]>;
  /** One message of a conversation by id (null when absent or in another conversation). */
  get(conversationId: string, id: string): Promise<MessageRecord | null>;
}

export interface StoredKbEntry extends KbEntry {
  updatedAt: number;
}

export interface KbVersion {
  version: number;
  createdAt: number;
  author: string | null;
  note: string | null;
  entryCount: number;
  /** When and by whom this version went live; null if it never was. */
  publishedAt: number | null;
  publishedBy: string | null;
}

export interface KbMeta {
  name: string;
  locale: string;
}

/** What a KB version holds. */
export interface KbVersionContent {
  entries: KbEntry[];
  negatives: string[];
}

export interface KbRepository {
  /** The current version number (0 when the KB was never written). */
  currentVersion(): Promise<number>;
  meta(): Promise<KbMeta>;
  listEntries(): Promise<StoredKbEntry[]>;
  getEntry(id: string): Promise<StoredKbEntry | null>;
  /** Insert or replace one entry; records a new version and returns its number. */
  upsertEntry(entry: KbEntry, author: string | null, now: number): Promise<number>;
  /** Removes one entry (false when absent, no version made). */
  deleteEntry(id: string, author: string | null, now: number): Promise<number | false>;
  /**
   * Replaces the whole KB (import); records one new version and returns its number. The "must not
   * answer" examples are replaced when `negatives` is given and kept as they are otherwise.
   */
  replaceAll(
    meta: KbMeta & { negatives?: string[] },
    entries: KbEntry[],
    author: string | null,
    note: string | null,
    now: number,
  ): Promise<number>;
  /** The draft's "must not answer" examples (messages no entry answers), in the order they were given. */
  negatives(): Promise<string[]>;
  /** Replaces them; records a new version and returns its number (false, no version, when unchanged). */
  setNegatives(negatives: string[], author: string | null, now: number): Promise<number | false>;
  /**
   * A version's content, read together: its entries (as `snapshot`) and its "must not answer" examples
   * (none for versions made before they were stored). Null when the version is unknown.
   */
  contentAt(version: number): Promise<KbVersionContent | null>;
  listVersions(limit: number): Promise<KbVersion[]>;
  /** The full entry list as it was at a version (null when unknown). */
  snapshot(version: number): Promise<KbEntry[] | null>;
  /** The version the live bot answers from (0 = none yet); the entries above are the draft. */
  publishedVersion(): Promise<number>;
  /**
   * Makes an existing version live. False (nothing changed) when the version is unknown or older than
   * the live one: going back is a rollback, which makes a new version, so live versions only grow.
   */
  publish(version: number, author: string | null, now: number): Promise<boolean>;
}

export type Role = 'agent' | 'admin';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  createdAt: number;
}

export interface UserRepository {
  /** Fails with a StorageConflictError when the username is taken. */
  create(user: UserRecord): Promise<UserRecord>;
  getById(id: string): Promise<UserRecord | null>;
  getByUsername(username: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
}

export interface SessionRecord {
  /** sha256 of the session cookie value. */
  idHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  get(idHash: string, now: number): Promise<SessionRecord | null>;
  delete(idHash: string): Promise<void>;
  deleteExpired(now: number): Promise<number>;
}

/** The repositories bound to one connection or transaction. */
export interface Repositories {
  conversations: ConversationRepository;
  messages: MessageRepository;
  kb: KbRepository;
  users: UserRepository;
  sessions: SessionRepository;
  keys: KeyRepository;
  ratings: RatingRepository;
  complaints: ComplaintRepository;
  audit: AuditRepository;
  agentStates: AgentStateRepository;
  handoffs: HandoffRepository;
  callbackTickets: CallbackTicketRepository;
  notes: NoteRepository;
  cannedReplies: CannedReplyRepository;
  regressionCases: RegressionCaseRepository;
  insights: InsightRepository;
  customers: CustomerRepository;
  unanswered: UnansweredRepository;
  answerFeedback: AnswerFeedbackRepository;
  kbProposals: KbProposalRepository;
}

export interface Storage extends Repositories {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs fn in one transaction: all of its writes are kept, or none. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A unique constraint was violated (e.g. a username taken). */
export class StorageConflictError extends Error {
  override readonly name = 'StorageConflictError';
}
