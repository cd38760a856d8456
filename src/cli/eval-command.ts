// `zhida eval --kb KB.json --cases CASES.jsonl --out PREDICTIONS.jsonl`: trains on the KB exactly as
// the server does, decides every case exactly as the bot does for the first message of a new
// conversation (handoff policy included), writes one prediction per case and prints a summary.
// evaluateCases/summarize are also the benchmark's (bench/engine) single source of the metrics.
import { readFile, writeFile } from 'node:fs/promises';
import { decideBotTurn, DEFAULT_HANDOFF_POLICY, FIRST_MESSAGE_STATE } from '../domain/bot-turn.js';
import {
  trainModel,
  validateKnowledgeBase,
  type AnswerModel,
  type DecisionKind,
  type KnowledgeBase,
} from '../engine/index.js';

export interface EvalCase {
  text: string;
  /** Entry id, or null for a question the KB does not cover. */
  label: string | null;
}

export interface Prediction extends EvalCase {
  decision: DecisionKind;
  entryId: string | null;
  candidates: string[];
  top: string | null;
  confidence: number;
}

export interface EvalSummary {
  cases: number;
  inScopeCases: number;
  outOfScopeCases: number;
  /** Right answers over labelled cases. */
  inScopeAccuracy: number | null;
  /** Anything but an answer, over unlabelled cases. */
  outOfScopeRecall: number | null;
  /** Wrong answers (wrong entry, or any entry for an uncovered case) over all cases. */
  wrongAnswerRate: number;
  /** Clarifications over all cases. */
  clarifyRate: number;
  /** Clarifications offering the right entry, over labelled cases. */
  clarifyHit: number | null;
  /** Best-scoring entry right whatever the decision, over labelled cases. */
  top1Accuracy: number | null;
  trainingSeconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export class EvalInputError extends Error {}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Nearest-rank percentile of an ascending list (0 when empty). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export function summarize(
  predictions: Prediction[],
  trainingSeconds: number,
  latenciesMs: number[],
): EvalSummary {
  let ins = 0, oos = 0, right = 0, abstain = 0, wrong = 0, clarify = 0, clarifyHit = 0, top1 = 0; // prettier-ignore
  for (const p of predictions) {
    if (p.decision === 'clarify') clarify++;
    if (p.label === null) {
      oos++;
      if (p.decision === 'answer') wrong++;
      else abstain++;
      continue;
    }
    ins++;
    if (p.top === p.label) top1++;
    if (p.decision === 'answer') {
      if (p.entryId === p.label) right++;
      else wrong++;
    } else if (p.decision === 'clarify' && p.candidates.includes(p.label)) clarifyHit++;
  }
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    cases: predictions.length,
    inScopeCases: ins,
    outOfScopeCases: oos,
    inScopeAccuracy: ratio(right, ins),
    outOfScopeRecall: ratio(abstain, oos),
    wrongAnswerRate: ratio(wrong, predictions.length) ?? 0,
    clarifyRate: ratio(clarify, predictions.length) ?? 0,
    clarifyHit: ratio(clarifyHit, ins),
    top1Accuracy: ratio(top1, ins),
    trainingSeconds,
    latencyP50Ms: percentile(sorted, 0.5),
    latencyP99Ms: percentile(sorted, 0.99),
  };
}

/** Decides one case as the bot does for the first message of a new conversation. */
export function predict(model: AnswerModel, c: EvalCase): Prediction {
  const turn = decideBotTurn(model, c.text, FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY);
  return {
    text: c.text,
    label: c.label,
    decision: turn.decision,
    entryId: turn.decision === 'answer' ? turn.entryId : null,
    candidates: turn.decision === 'clarify' ? turn.candidates : [],
    top: turn.engine.top,
    confidence: Math.round(turn.engine.confidence * 1e6) / 1e6,
  };
}

export function evaluateCases(
  kb: KnowledgeBase,
  cases: EvalCase[],
): { predictions: Prediction[]; summary: EvalSummary } {
  const t0 = performance.now();
  const model = trainModel(kb);
  const trainingSeconds = (performance.now() - t0) / 1000;
  const latencies: number[] = [];
  const predictions = cases.map((c) => {
    const start = performance.now();
    const p = predict(model, c);
    latencies.push(performance.now() - start);
    return p;
  });
  return { predictions, summary: summarize(predictions, trainingSeconds, latencies) };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new EvalInputError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

export async function loadKnowledgeBase(file: string): Promise<KnowledgeBase> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readText(file));
  } catch (err) {
    if (err instanceof EvalInputError) throw err;
    throw new EvalInputError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const result = validateKnowledgeBase(raw);
  if (!result.ok) {
    const lines = result.errors.map((e) =>
      e.index < 0
        ? `  ${e.field}: ${e.message}`
        : `  entry ${e.index}${e.id !== undefined ? ` (${e.id})` : ''}: ${e.field} ${e.message}`,
    );
    throw new EvalInputError(
      `${file}: knowledge base refused, ${result.errors.length} error(s):\n${lines.join('\n')}`,
    );
  }
  return result.kb;
}

export async function loadCases(file: string, kb: KnowledgeBase): Promise<EvalCase[]> {
  const ids = new Set(kb.entries.map((e) => e.id));
  const cases: EvalCase[] = [];
  const lines = (await readText(file)).split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (err) {
      throw new EvalInputError(`${where}: malformed JSON line (${(err as Error).message})`);
    }
    const r = row as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || Array.isArray(r))
      throw new EvalInputError(`${where}: expected an object {"text", "label"}`);
    if (typeof r.text !== 'string') throw new EvalInputError(`${where}: "text" must be a string`);
    if (r.label !== null && typeof r.label !== 'string')
      throw new EvalInputError(`${where}: "label" must be an entry id or null`);
    if (typeof r.label === 'string' && !ids.has(r.label))
      throw new EvalInputError(`${where}: label "${r.label}" is not an entry id of the KB`);
    cases.push({ text: r.text, label: r.label as string | null });
  });
  return cases;
}

const USAGE = 'usage: zhida eval --kb KB.json --cases CASES.jsonl --out PREDICTIONS.jsonl';

function parseArgs(argv: string[]): Record<'kb' | 'cases' | 'out', string> | string {
  const found: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(kb|cases|out)(?:=(.*))?$/.exec(argv[i]);
    if (!m) return `unknown argument: ${argv[i]}`;
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return `--${m[1]} needs a file`;
    found[m[1]] = value;
  }
  for (const k of ['kb', 'cases', 'out']) if (!found[k]) return `missing --${k}`;
  return found as Record<'kb' | 'cases' | 'out', string>;
}

const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(2)}%`);

export function formatSummary(s: EvalSummary): string {
  return [
    `cases                 ${s.cases} (${s.inScopeCases} covered, ${s.outOfScopeCases} not covered)`,
    `in-scope accuracy     ${pct(s.inScopeAccuracy)}`,
    `out-of-scope recall   ${pct(s.outOfScopeRecall)}`,
    `wrong-answer rate     ${pct(s.wrongAnswerRate)}`,
    `clarify rate          ${pct(s.clarifyRate)} (right entry offered in ${pct(s.clarifyHit)} of covered cases)`,
    `top-1 accuracy        ${pct(s.top1Accuracy)}`,
    `training              ${s.trainingSeconds.toFixed(2)} s`,
    `latency per question  p50 ${s.latencyP50Ms.toFixed(3)} ms, p99 ${s.latencyP99Ms.toFixed(3)} ms`,
  ].join('\n');
}

export async function runEval(
  argv: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${args}\n${USAGE}\n`);
    return 2;
  }
  try {
    const kb = await loadKnowledgeBase(args.kb);
    const cases = await loadCases(args.cases, kb);
    const { predictions, summary } = evaluateCases(kb, cases);
    try {
      await writeFile(args.out, predictions.map((p) => JSON.stringify(p) + '\n').join(''));
    } catch (err) {
      throw new EvalInputError(
        `cannot write ${args.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    io.stdout(formatSummary(summary) + '\n');
    return 0;
  } catch (err) {
    if (!(err instanceof EvalInputError)) throw err;
    io.stderr(`zhida eval: ${err.message}\n`);
    return 1;
  }
}
