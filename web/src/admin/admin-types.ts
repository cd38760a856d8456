// Shapes of the admin API as the admin console reads them (KB lifecycle, learning loop, customers,
// insights); those the server declares in a types-only module are re-exported from it, not copied.
import type { KbEntry } from '../shared/types.js';

export type EntryStatus = 'draft' | 'published';

export type AdminEntry = Omit<KbEntry, 'updatedAt'> & {
  updatedAt?: number | string;
  status?: EntryStatus;
  /** The revision of the entry's content, sent back with an edit (If-Match) so a stale one is refused. */
  revision?: string;
};

export interface AdminKb {
  name: string;
  locale: string;
  /** The latest (draft) version. */
  version: number;
  /** The version the bot answers from (0: none). */
  publishedVersion: number;
  /** The draft's "must not answer" examples. */
  negatives: string[];
  /** Their revision, sent back with an edit of the list (If-Match). */
  negativesRevision?: string;
  entries: AdminEntry[];
  /** Entries of the live version that the draft no longer has. */
  pendingRemovals: string[];
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface KbVersion {
  version: number;
  createdAt: number;
  author: string | null;
  note: string | null;
  entryCount: number;
  publishedAt: number | null;
  publishedBy: string | null;
  live: boolean;
  changes: ChangeCounts;
  /** "Must not answer" examples added and removed against the version before. */
  negatives: { added: number; removed: number };
}

export interface VersionHistory {
  version: number;
  liveVersion: number;
  versions: KbVersion[];
}

export type EntryField = 'title' | 'category' | 'questions' | 'answer' | 'tags';

export interface EntryChange {
  id: string;
  fields: EntryField[];
  questionsAdded: string[];
  questionsRemoved: string[];
  before: AdminEntry;
  after: AdminEntry;
}

export interface KbDiff {
  from: number;
  to: number;
  counts: ChangeCounts;
  added: AdminEntry[];
  removed: AdminEntry[];
  changed: EntryChange[];
  unchanged: number;
  negatives: { added: string[]; removed: string[] };
}

/** A publish's regression report: the server's own types (src/services/regression-report.ts). */
export type {
  CaseOutcome,
  CaseResult,
  PublishResult,
  RegressionReport as PublishReport,
  RollbackResult,
  RunFigures,
} from '../../../src/services/regression-report.js';

export interface RegressionCase {
  id: string;
  text: string;
  expectedEntryId: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** One problem of a refused import: `row` for CSV/xlsx, `index`/`id`/`field` for JSON. */
export interface ImportProblem {
  row?: number;
  /** A CASES.jsonl line. */
  line?: number;
  index?: number;
  id?: string;
  field?: string;
  /** The server's English text; the reason (src/error-texts.ts) and its values give the admin's language. */
  message: string;
  reason?: string;
  params?: Record<string, string | number>;
}

export type UnansweredReason =
  'low-confidence' | 'out-of-scope' | 'repeated-misses' | 'clarify-rejected' | 'thumbs-down' | 'rephrase';

export interface Cluster {
  id: string;
  size: number;
  conversations: number;
  /** Questions per day, oldest first, today last. */
  trend: number[];
  firstAt: string;
  lastAt: string;
  examples: string[];
  reasons: Partial<Record<UnansweredReason, number>>;
  engineTop: { entryId: string; share: number } | null;
  nearestEntry: { entryId: string; title: string; similarity: number } | null;
  questionIds: string[];
}

export interface ClusterList {
  computedAt: string;
  questions: number;
  openQuestions: number;
  clusters: Cluster[];
}

export interface PublishOutcome {
  published: boolean;
  liveVersion: number | null;
  /** Why not, in English; reasonKey/params give the admin's language (src/error-texts.ts). */
  reason?: string;
  reasonKey?: string;
  params?: Record<string, string | number>;
}

export interface EntryRating {
  entryId: string;
  title: string | null;
  inKb: boolean;
  shown: number;
  helpful: number;
  unhelpful: number;
  helpfulRate: number | null;
  voteRate: number | null;
  needsRewrite: number;
}

export interface Proposal {
  id: string;
  kind: 'new-entry' | 'phrasing';
  status: 'pending' | 'accepted' | 'rejected';
  question: string;
  answer: string | null;
  title: string | null;
  entryId: string | null;
  conversationId: string | null;
  proposedBy: string;
  createdAt: string;
  note: string | null;
}

export interface CustomerSummary {
  key: string;
  name: string | null;
  phone: string | null;
  contacts: number;
  firstContactAt: string;
  lastContactAt: string;
}

export interface CustomerContact {
  conversationId: string;
  startedAt: string;
  channel: string;
  status: string;
  care: boolean;
  customerMessages: number;
  handedOff: boolean;
  handoffReason: string | null;
  selfServed: boolean | null;
  anger: number;
}

export interface CustomerProfile extends CustomerSummary {
  channels: Record<string, number>;
  care: boolean;
  careConversations: number;
  topCategories: Array<{ category: string | null; hits: number }>;
  topics: Array<{ month: string; category: string | null; hits: number }>;
  lastContacts: CustomerContact[];
  sentiment: { trend: string; angryConversations: number };
  csat: { count: number; average: number | null };
  complaints: { open: number; items: Array<{ id: string; status: string; category?: string }> };
  tickets: { open: number; items: unknown[] };
  tags: Array<{ tag: string; addedBy: string; addedAt: string }>;
}

export type Cell = string | number | boolean | null;

export interface MetricData {
  metric: string;
  range: { from: string; to: string; utcOffset: number; channel: string | null };
  summary: Record<string, number | null>;
  columns: string[];
  rows: Array<Record<string, Cell>>;
}

export interface InsightSummary {
  tiles: Record<string, number | null>;
  topEntry: { entryId: string; title: string | null; hits: number } | null;
}
