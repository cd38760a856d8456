// Storage ports of the learning loop (issue 5): questions the bot could not answer, customers' 👍/👎 on
// bot answers (and the answers shown, to rate each entry), and agents' "save to KB" proposals.

/** Why a question counts as unanswered. */
export type UnansweredReason =
  'low-confidence' | 'out-of-scope' | 'repeated-misses' | 'clarify-rejected' | 'thumbs-down' | 'rephrase';

export interface ScoredCandidateRecord {
  entryId: string;
  confidence: number;
}

export interface UnansweredResolution {
  /**
   * 'new-entry' and 'phrasing' added to the KB; 'out-of-scope' added to its must-not-answer examples;
   * 'dismissed' set aside by an admin.
   */
  action: 'new-entry' | 'phrasing' | 'out-of-scope' | 'dismissed';
  entryId: string | null;
  by: string;
}

export interface UnansweredRecord {
  id: string;
  conversationId: string;
  /** The customer message that was not answered (unique together with the reason). */
  messageId: string;
  reason: UnansweredReason;
  text: string;
  /** KB version the bot used when it failed. */
  kbVersion: number | null;
  /** The engine's best candidates with their confidence, best first. */
  ranked: ScoredCandidateRecord[];
  /** The entry the bot answered with, when an answer was given (thumbs-down, rephrase). */
  answeredEntryId: string | null;
  /** Reason-specific context: the rephrased follow-up, the 👎 comment, the offered candidates … */
  detail: Record<string, unknown> | null;
  createdAt: number;
  resolvedAt: number | null;
  resolution: UnansweredResolution | null;
}

export type NewUnanswered = Omit<UnansweredRecord, 'resolvedAt' | 'resolution'>;

export interface UnansweredFilter {
  /** true: only unresolved; false: only resolved; undefined: both. */
  open?: boolean;
  reasons?: UnansweredReason[];
  /** Asked at or after this time. */
  since?: number;
  /** Asked before this time. */
  until?: number;
  /** Only in conversations of this channel. */
  channel?: string;
  limit: number;
  offset?: number;
}

export interface UnansweredRepository {
  /** Stores the question unless one with the same messageId and reason exists; true when stored. */
  add(question: NewUnanswered): Promise<boolean>;
  /** Newest first. */
  list(filter: UnansweredFilter): Promise<UnansweredRecord[]>;
  count(filter: Omit<UnansweredFilter, 'limit' | 'offset'>): Promise<number>;
  /** Marks still-open questions resolved; returns how many changed. */
  resolve(ids: string[], resolution: UnansweredResolution, now: number): Promise<number>;
}

/** One bot answer shown to a customer (the denominator of an entry's rating). */
export interface BotAnswerRecord {
  messageId: string;
  conversationId: string;
  entryId: string;
  kbVersion: number | null;
  createdAt: number;
}

export interface AnswerFeedbackRecord {
  /** The bot message rated (one current vote per message: the last one wins). */
  messageId: string;
  conversationId: string;
  entryId: string | null;
  helpful: boolean;
  comment: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface EntryRatingRow {
  entryId: string;
  shown: number;
  helpful: number;
  unhelpful: number;
}

export interface AnswerFeedbackRepository {
  /** Records an answer shown (idempotent on messageId). */
  recordAnswer(answer: BotAnswerRecord): Promise<void>;
  /** Inserts or replaces the vote on a message; returns the stored vote. */
  vote(feedback: Omit<AnswerFeedbackRecord, 'updatedAt'>, now: number): Promise<AnswerFeedbackRecord>;
  get(messageId: string): Promise<AnswerFeedbackRecord | null>;
  /** Per entry: answers shown and current votes, for answers shown (or votes cast) at or after `since`. */
  entryRatings(since?: number): Promise<EntryRatingRow[]>;
}

export type ProposalKind = 'new-entry' | 'phrasing';
export type ProposalStatus = 'pending' | 'accepted' | 'rejected';

export interface KbProposalRecord {
  id: string;
  kind: ProposalKind;
  status: ProposalStatus;
  /** The customer's question (becomes an example question). */
  question: string;
  /** The agent's reply text (new-entry). */
  answer: string | null;
  /** Suggested title (new-entry). */
  title: string | null;
  /** Target entry (phrasing), or the entry created on acceptance (new-entry). */
  entryId: string | null;
  conversationId: string | null;
  /** The agent reply the proposal came from. */
  messageId: string | null;
  proposedBy: string;
  createdAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  note: string | null;
}

export type NewKbProposal = Omit<KbProposalRecord, 'status' | 'decidedBy' | 'decidedAt' | 'note'>;

export interface KbProposalRepository {
  create(proposal: NewKbProposal): Promise<KbProposalRecord>;
  get(id: string): Promise<KbProposalRecord | null>;
  /** Newest first. */
  list(filter: { status?: ProposalStatus; limit: number; offset?: number }): Promise<KbProposalRecord[]>;
  /** Decides a pending proposal; null when it is not pending any more (someone decided first). */
  decide(
    id: string,
    decision: { status: 'accepted' | 'rejected'; by: string; note: string | null; entryId?: string | null },
    now: number,
  ): Promise<KbProposalRecord | null>;
}
