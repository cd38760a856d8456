// Table shapes of the learning loop (migration 0005-learning), merged into Database.

export interface UnansweredQuestionsTable {
  id: string;
  conversation_id: string;
  message_id: string;
  reason: string;
  text: string;
  kb_version: number | null;
  /** JSON ScoredCandidateRecord[]. */
  ranked: string;
  answered_entry_id: string | null;
  /** JSON object or null. */
  detail: string | null;
  created_at: number;
  resolved_at: number | null;
  /** JSON UnansweredResolution or null. */
  resolution: string | null;
}

export interface BotAnswersTable {
  message_id: string;
  conversation_id: string;
  entry_id: string;
  kb_version: number | null;
  created_at: number;
}

export interface AnswerFeedbackTable {
  message_id: string;
  conversation_id: string;
  entry_id: string | null;
  /** SQLite returns 0/1, PostgreSQL true/false. */
  helpful: number | boolean;
  comment: string | null;
  created_at: number;
  updated_at: number;
}

export interface KbProposalsTable {
  id: string;
  kind: string;
  status: string;
  question: string;
  answer: string | null;
  title: string | null;
  entry_id: string | null;
  conversation_id: string | null;
  message_id: string | null;
  proposed_by: string;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
  note: string | null;
}

export interface LearningTables {
  unanswered_questions: UnansweredQuestionsTable;
  bot_answers: BotAnswersTable;
  answer_feedback: AnswerFeedbackTable;
  kb_proposals: KbProposalsTable;
}
