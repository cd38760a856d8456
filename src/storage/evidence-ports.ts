// Storage ports of the consumer-protection features (re-exported by ports.ts): server keys, satisfaction
// ratings, complaint tickets with their history, and the audit log. Times are epoch milliseconds.
import type { ComplaintState, ComplaintStatus } from '../domain/complaint-status.js';
import type { ComplaintPriority } from '../domain/sla.js';

export interface KeyRecord {
  /** What the key is for, e.g. 'transcript'. */
  id: string;
  algorithm: string;
  publicKeyPem: string;
  privateKeyPem: string;
  fingerprint: string;
  createdAt: number;
}

export interface KeyRepository {
  get(id: string): Promise<KeyRecord | null>;
  /** Stores the candidate unless a key with its id exists, and returns the stored key: the first writer wins,
   * so instances starting together on one database end up with one key. */
  getOrCreate(candidate: KeyRecord): Promise<KeyRecord>;
  /** Replaces the stored private key (the same key, re-encoded) only while it is still `from`; true when
   * it did. Instances re-encoding at once: one wins, the others read its result. */
  replacePrivateKey(id: string, from: string, to: string): Promise<boolean>;
}

export type RatingScore = 1 | 2 | 3 | 4 | 5;

export interface RatingRecord {
  id: string;
  conversationId: string;
  score: RatingScore;
  comment: string | null;
  createdAt: number;
  /** When a later rating of the same conversation replaced this one (null: the current rating). */
  supersededAt: number | null;
}

export type NewRating = Omit<RatingRecord, 'supersededAt'>;

export interface RatingFilter {
  /** Inclusive lower / exclusive upper bound on createdAt. */
  since?: number;
  until?: number;
  /** Only conversations assigned to this agent. */
  agentId?: string;
}

export interface RatingSummary {
  count: number;
  /** Mean score, or null when there is none. */
  average: number | null;
  distribution: Record<RatingScore, number>;
}

export interface RatingRepository {
  /** Stores a rating as the conversation's current one; an earlier current rating is kept as superseded. */
  add(rating: NewRating): Promise<RatingRecord>;
  current(conversationId: string): Promise<RatingRecord | null>;
  /** Every rating of the conversation, oldest first. */
  history(conversationId: string): Promise<RatingRecord[]>;
  /** Current ratings, newest first. */
  list(filter: RatingFilter & { limit: number; offset?: number }): Promise<RatingRecord[]>;
  /** Count, mean and distribution of the current ratings. */
  summary(filter: RatingFilter): Promise<RatingSummary>;
}

export type ComplaintOpener = 'customer' | 'agent';

export interface ComplaintRecord extends ComplaintState {
  id: string;
  conversationId: string;
  category: string;
  description: string;
  priority: ComplaintPriority;
  openedBy: ComplaintOpener;
  /** The agent's user id when an agent opened it. */
  openedById: string | null;
  /** 1 on creation, +1 on every change: the compare-and-set token and the seq of the change's event. */
  version: number;
  createdAt: number;
  updatedAt: number;
}

export type NewComplaint = Omit<ComplaintRecord, 'version' | 'updatedAt'>;

export type ComplaintPatch = Partial<
  Pick<
    ComplaintRecord,
    'status' | 'assigneeId' | 'firstResponseAt' | 'resolvedAt' | 'pausedMs' | 'pausedSince' | 'priority'
  >
>;

export type ComplaintEventKind = 'opened' | 'status' | 'assigned' | 'comment' | 'priority';
export type ComplaintActor = 'customer' | 'agent' | 'system';

export interface ComplaintEventRecord {
  complaintId: string;
  /** The ticket's version this event made (1 = opened), so events keep their order. */
  seq: number;
  at: number;
  kind: ComplaintEventKind;
  actor: ComplaintActor;
  actorId: string | null;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  text: string | null;
  /** Internal notes are for agents only; customers never see them. */
  internal: boolean;
  /** Kind-specific details, e.g. {assigneeId} or {from, to} priorities. */
  data: Record<string, unknown> | null;
}

export interface ComplaintFilter {
  statuses?: readonly ComplaintStatus[];
  assigneeId?: string;
  conversationId?: string;
  limit: number;
  offset?: number;
}

export interface ComplaintRepository {
  create(complaint: NewComplaint): Promise<ComplaintRecord>;
  get(id: string): Promise<ComplaintRecord | null>;
  /** Applies the patch and bumps the version, only if the version is still `expectedVersion` (else null). */
  update(
    id: string,
    patch: ComplaintPatch,
    now: number,
    expectedVersion: number,
  ): Promise<ComplaintRecord | null>;
  /** Newest first. */
  list(filter: ComplaintFilter): Promise<ComplaintRecord[]>;
  /** Fails with a StorageConflictError when the ticket already has an event with that seq. */
  addEvent(event: ComplaintEventRecord): Promise<void>;
  /** The ticket's history in order. */
  events(complaintId: string): Promise<ComplaintEventRecord[]>;
}

export type AuditActorRole = 'agent' | 'admin' | 'customer' | 'system';

export interface AuditRecord {
  id: string;
  at: number;
  actorId: string | null;
  actorRole: AuditActorRole;
  /** The user's name at the time (users may be renamed later). */
  actorName: string | null;
  /** Dotted verb, e.g. 'conversation.read', 'kb.entry.delete', 'complaint.transition'. */
  action: string;
  objectType: string;
  objectId: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  limit: number;
  offset?: number;
}

export interface AuditRepository {
  record(entry: AuditRecord): Promise<void>;
  /** Newest first, with the total number of matching entries for paging. */
  list(filter: AuditFilter): Promise<{ entries: AuditRecord[]; total: number }>;
}
