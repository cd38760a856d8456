// Storage ports for handoff, queue and routing (agents' presence, handoff records, callback tickets,
// internal notes, canned replies). Implemented by the shared Kysely code; tested by the contract suite.
import type { Presence } from '../domain/routing.js';

export interface AgentStateRecord {
  userId: string;
  presence: Presence;
  /** Most conversations this agent takes at once. */
  capacity: number;
  /** Skill groups served; empty = all groups. */
  groups: string[];
  /** Last heartbeat from the agent's console. */
  lastSeenAt: number;
  /** When the agent last became free (or came online): the longest-idle tie-break. */
  idleSince: number;
}

export interface AgentStateRepository {
  get(userId: string): Promise<AgentStateRecord | null>;
  /** Insert or replace the whole record. */
  put(state: AgentStateRecord): Promise<void>;
  list(): Promise<AgentStateRecord[]>;
  /** Agents marked online or away whose last heartbeat is older than `before` (to be set offline). */
  listStale(before: number): Promise<AgentStateRecord[]>;
}

export type HandoffOutcome = 'assigned' | 'abandoned' | 'resolved' | 'transferred' | 'requeued' | 'ticket';

/** One trip from the bot (or an agent) to a person: the facts behind time-to-queue, wait and abandonment. */
export interface HandoffRecord {
  id: string;
  conversationId: string;
  reason: string;
  priority: string;
  skillGroup: string | null;
  /** When the customer asked (the message or click that triggered it). */
  requestedAt: number;
  /** When the conversation entered the queue. */
  queuedAt: number;
  assignedAt: number | null;
  agentId: string | null;
  /** When this handoff ended (resolved, abandoned, transferred, requeued). */
  endedAt: number | null;
  outcome: HandoffOutcome | null;
}

export type HandoffPatch = Partial<Pick<HandoffRecord, 'assignedAt' | 'agentId' | 'endedAt' | 'outcome'>>;

export interface HandoffRepository {
  create(record: HandoffRecord): Promise<HandoffRecord>;
  /** The latest handoff of the conversation that has not ended, or null. */
  open(conversationId: string): Promise<HandoffRecord | null>;
  update(id: string, patch: HandoffPatch): Promise<HandoffRecord | null>;
  /** Handoffs queued in [from, to), oldest first, at most limit. */
  listQueuedBetween(from: number, to: number, limit: number): Promise<HandoffRecord[]>;
  /** Durations endedAt − assignedAt of the latest `limit` handoffs resolved by an agent (for wait estimates). */
  recentHandleTimes(limit: number): Promise<number[]>;
}

export type TicketStatus = 'open' | 'done';

/** A callback / leave-a-message ticket when nobody can take the chat now. */
export interface CallbackTicketRecord {
  id: string;
  conversationId: string | null;
  name: string;
  phone: string;
  question: string;
  status: TicketStatus;
  createdAt: number;
  handledBy: string | null;
  handledAt: number | null;
  note: string | null;
}

export interface CallbackTicketRepository {
  create(ticket: CallbackTicketRecord): Promise<CallbackTicketRecord>;
  get(id: string): Promise<CallbackTicketRecord | null>;
  /** Newest first. */
  list(status: TicketStatus | null, limit: number): Promise<CallbackTicketRecord[]>;
  /** Marks done (or open again); returns null when absent. */
  setStatus(
    id: string,
    status: TicketStatus,
    by: string | null,
    at: number | null,
    note: string | null,
  ): Promise<CallbackTicketRecord | null>;
}

/** An agents-only note on a conversation: never shown to the customer. */
export interface NoteRecord {
  id: string;
  conversationId: string;
  authorId: string;
  text: string;
  createdAt: number;
}

export interface NoteRepository {
  add(note: NoteRecord): Promise<NoteRecord>;
  /** Oldest first. */
  list(conversationId: string): Promise<NoteRecord[]>;
}

export interface CannedReplyRecord {
  id: string;
  /** Typed after "/" in the console, unique, e.g. "refund". */
  shortcut: string;
  text: string;
  createdAt: number;
}

export interface CannedReplyRepository {
  /** Sorted by shortcut. */
  list(): Promise<CannedReplyRecord[]>;
  /** Insert or replace by id; a shortcut used by another id raises StorageConflictError. */
  put(reply: CannedReplyRecord): Promise<CannedReplyRecord>;
  delete(id: string): Promise<boolean>;
}
