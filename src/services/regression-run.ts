// Test before publish: runs the KB's regression cases with the `zhida eval` machinery (predict and
// summarize, exactly as the bot decides a first message) on the candidate version and on the live one,
// and says what a publish would change for customers. The models come trained (off the main thread, or
// the live one the server answers with): this file only decides cases, a fraction of a millisecond
// each, giving the event loop a turn every SLICE_MS so that live conversations never wait long.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { predict, summarize } from '../cli/eval-command.js';
import { countDiff, diffKb } from '../domain/kb-diff.js';
import type { AnswerModel, KnowledgeBase } from '../engine/types.js';
import type { RegressionCase } from '../storage/ports.js';
import type {
  CaseOutcome,
  CaseResult,
  CaseVerdict,
  RegressionReport,
  RunFigures,
} from './regression-report.js';

export interface KbAtVersion {
  version: number;
  kb: KnowledgeBase;
  /** Trained on `kb`. */
  model: AnswerModel;
  trainingSeconds: number;
}

const SLICE_MS = 10;

function outcome(p: ReturnType<typeof predict>): CaseOutcome {
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

async function run(
  at: KbAtVersion,
  cases: RegressionCase[],
): Promise<{ outcomes: CaseOutcome[]; figures: RunFigures }> {
  const latencies: number[] = [];
  const predictions: Array<ReturnType<typeof predict>> = [];
  let slice = performance.now();
  for (const c of cases) {
    const started = performance.now();
    if (started - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
    predictions.push(predict(at.model, { text: c.text, label: c.expectedEntryId }));
    latencies.push(performance.now() - started);
  }
  const outcomes = predictions.map(outcome);
  const passed = outcomes.filter((o) => o.pass).length;
  return {
    outcomes,
    figures: {
      passed,
      failed: cases.length - passed,
      accuracy: cases.length > 0 ? passed / cases.length : null,
      summary: summarize(predictions, at.trainingSeconds, latencies),
    },
  };
}

/** `live` null: nothing is published yet, so nothing can break. */
export async function runRegression(
  cases: RegressionCase[],
  candidate: KbAtVersion,
  live: KbAtVersion | null,
): Promise<RegressionReport> {
  const next = await run(candidate, cases);
  const now = live ? await run(live, cases) : null;
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
