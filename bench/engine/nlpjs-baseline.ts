// NLP.js (node-nlp v4) on the same splits, for comparison: one NlpManager per set, addDocument per
// example question, train, process. Its 'None' intent (its own default threshold) counts as a handoff.
import { createRequire } from 'node:module';
import type { Prediction } from '../../src/cli/eval-command.js';
import type { BenchSet } from './datasets.js';

interface NlpResult {
  intent: string;
  score: number;
  classifications?: { intent: string; score: number }[];
}
interface NlpManagerLike {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<NlpResult>;
}

const require = createRequire(import.meta.url);

export async function trainNlpJs(set: BenchSet): Promise<NlpManagerLike> {
  const { NlpManager } = require('node-nlp') as { NlpManager: new (o: object) => NlpManagerLike };
  const manager = new NlpManager({
    languages: [set.locale],
    nlu: { log: false },
    autoSave: false,
    autoLoad: false,
  });
  for (const entry of set.kb.entries)
    for (const q of entry.questions) manager.addDocument(set.locale, q, entry.id);
  await manager.train();
  return manager;
}

export async function predictNlpJs(
  manager: NlpManagerLike,
  set: BenchSet,
  c: { text: string; label: string | null },
): Promise<Prediction> {
  const r = await manager.process(set.locale, c.text);
  const best = (r.classifications ?? []).find((k) => k.intent !== 'None');
  const answered = r.intent !== 'None';
  return {
    text: c.text,
    label: c.label,
    decision: answered ? 'answer' : 'handoff',
    entryId: answered ? r.intent : null,
    candidates: [],
    top: answered ? r.intent : (best?.intent ?? null),
    confidence: r.score,
  };
}
