// Test before publish: runs the KB's regression cases with the `zhida eval` machinery (evaluateCases)
// on the candidate version and on the live one, and says what a publish would change for customers.
import { evaluateCases, type EvalSummary, type Prediction } from '../cli/eval-command.js';
import { countDiff, diffKb, type KbDiffCounts } from '../domain/kb-diff.js';
import type { KnowledgeBase } from '../engine/types.js';
import type { RegressionCase } from '../storage/ports.js';

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

export interface KbAtVersion {
  version: number;
  kb: KnowledgeBase;
}

function outcome(p: Prediction): CaseOutcome {
  const answered = p.decision === 'answer';
  const verdict: CaseVerdict =
    p.label === null
      ? answered
        ? 'wrong-answer'
        : 'right'
      : !answered
        ? 'no-answer'
        : p.entryId === p.label
          ? 'right'
          : 'wrong-answer';
  return {
    pass: verdict === 'right',
    verdict,
    decision: p.decision,
    entryId: p.entryId,
    candidates: p.candidates,
    confidence: p.confidence,
  };
}

function run(kb: KnowledgeBase, cases: RegressionCase[]): { outcomes: CaseOutcome[]; figures: RunFigures } {
  const { predictions, summary } = evaluateCases(
    kb,
    cases.map((c) => ({ text: c.text, label: c.expectedEntryId })),
  );
  const outcomes = predictions.map(outcome);
  const passed = outcomes.filter((o) => o.pass).length;
  return {
    outcomes,
    figures: {
      passed,
      failed: cases.length - passed,
      accuracy: cases.length > 0 ? passed / cases.length : null,
      summary,
    },
  };
}

/** `live` null: nothing is published yet, so nothing can break. */
export function runRegression(
  cases: RegressionCase[],
  candidate: KbAtVersion,
  live: KbAtVersion | null,
): RegressionReport {
  const next = run(candidate.kb, cases);
  const now = live ? run(live.kb, cases) : null;
  const results: CaseResult[] = cases.map((c, i) => ({
    id: c.id,
    text: c.text,
    expectedEntryId: c.expectedEntryId,
    candidate: next.outcomes[i],
    live: now ? now.outcomes[i] : null,
  }));
  return {
    candidateVersion: candidate.version,
    liveVersion: live?.version ?? 0,
    cases: cases.length,
    candidate: next.figures,
    live: now?.figures ?? null,
    wrong: results.filter((r) => !r.candidate.pass),
    broken: results.filter((r) => r.live?.pass && !r.candidate.pass),
    fixed: results.filter((r) => r.live && !r.live.pass && r.candidate.pass),
    changes: countDiff(diffKb(live?.kb.entries ?? [], candidate.kb.entries)),
  };
}
