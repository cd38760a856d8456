// The shapes of a KB publish and of its regression report: what the server computes
// (regression-run.ts, kb-publishing.ts) and the admin console shows (web/src/admin imports these
// types, type-only, so that both sides read one definition).
import type { EvalSummary, Prediction } from '../cli/eval-command.js';
import type { KbDiffCounts } from '../domain/kb-diff.js';

/** right: answered with the expected entry, or not answered when none is expected. */
export type CaseVerdict = 'right' | 'wrong-answer' | 'no-answer';

export interface CaseOutcome {
  pass: boolean;
  verdict: CaseVerdict;
  decision: Prediction['decision'];
  entryId: string | null;
  candidates: string[];
  confidence: number;
}

export interface CaseResult {
  id: string;
  text: string;
  expectedEntryId: string | null;
  candidate: CaseOutcome;
  /** null when nothing is live yet. */
  live: CaseOutcome | null;
}

export interface RunFigures {
  passed: number;
  failed: number;
  /** passed / cases; null without cases. */
  accuracy: number | null;
  summary: EvalSummary;
}

export interface RegressionReport {
  candidateVersion: number;
  liveVersion: number;
  cases: number;
  candidate: RunFigures;
  live: RunFigures | null;
  /** Cases the candidate gets wrong (wrong entry, an answer where none is due, or no answer). */
  wrong: CaseResult[];
  /** Passed on the live version, fail on the candidate: these block a publish without confirm. */
  broken: CaseResult[];
  /** Failed on the live version, pass on the candidate. */
  fixed: CaseResult[];
  /** Entries the candidate adds, removes and changes against the live version. */
  changes: KbDiffCounts;
}

export interface PublishResult {
  published: boolean;
  version: number;
  /** The version the bot answers from after this call. */
  liveVersion: number;
  report: RegressionReport;
}

export interface RollbackResult {
  version: number;
  rolledBackTo: number;
  published: boolean;
  liveVersion: number;
  report: RegressionReport | null;
}
