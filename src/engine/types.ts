// The engine's stable interface: what the rest of Zhida sees of the answer engine.
// Pure data in, pure data out (no I/O, no clock): see DESIGN.md "engine/".

/** One knowledge-base entry, exactly the KB file contract of DESIGN.md. */
export interface KbEntry {
  id: string;
  title: string;
  category?: string;
  questions: string[];
  answer: string;
  tags?: string[];
}

/** The knowledge-base file (import/export JSON) of DESIGN.md. */
export interface KnowledgeBase {
  name: string;
  locale: string;
  entries: KbEntry[];
  /** Optional "must not answer" examples the business adds; used only to choose thresholds. */
  negatives?: string[];
}

export type DecisionKind = 'answer' | 'clarify' | 'handoff';

/** Why the engine decided as it did; recorded with every bot reply. */
export type EngineReason = 'confident' | 'ambiguous' | 'low-confidence' | 'out-of-scope' | 'empty-input';

export interface ScoredCandidate {
  entryId: string;
  /** Calibrated probability that this entry is the right one (0..1). */
  confidence: number;
  /** Raw fused score before calibration, for analysis. */
  score: number;
  /** Tokens of the question that matched this entry, for agents and admins. */
  matchedTerms: string[];
}

export interface EngineDecision {
  decision: DecisionKind;
  reason: EngineReason;
  /** Set when decision is 'answer'. */
  entryId: string | null;
  /** The 2–3 entries offered when decision is 'clarify'; empty otherwise. */
  candidates: string[];
  /** Best-scoring entry whatever the decision (null only for an empty KB). */
  top: string | null;
  /** Calibrated confidence of `top`. */
  confidence: number;
  /** The best few candidates with their scores: the decision's explanation. */
  ranked: ScoredCandidate[];
  /**
   * Set when one of the KB's must-not-answer examples overruled an answer or a clarification: that
   * example, and the message's similarity to it (cosine over all the words of both).
   */
  mustNotAnswer?: { example: string; similarity: number };
}

/** Thresholds of the decision step; chosen automatically from the KB unless given. */
export interface DecisionThresholds {
  /** Answer when top confidence ≥ answer (and the margin rule holds). */
  answer: number;
  /** Below this, hand off (out of scope); between clarify and answer, ask back. */
  clarify: number;
}

export interface TrainOptions {
  /** Override the automatically chosen thresholds (normally left unset). */
  thresholds?: Partial<DecisionThresholds>;
}

/** A trained model: immutable; a KB change trains a new one. */
export interface AnswerModel {
  readonly entryCount: number;
  readonly thresholds: DecisionThresholds;
  decide(text: string): EngineDecision;
}
