// Trains a model off the main thread so that a big KB change never stalls live conversations; the worker
// sends back the exported model, which is imported here. Small KBs train in-thread (milliseconds).
import { Worker } from 'node:worker_threads';
import { importModel, trainModel } from '../engine/index.js';
import type { AnswerModel, KnowledgeBase } from '../engine/types.js';
import type { SerializedModel } from '../engine/index.js';

const IN_THREAD_MAX_QUESTIONS = 3_000;

export async function trainInWorker(
  kb: KnowledgeBase,
  options: { force?: boolean } = {},
): Promise<AnswerModel> {
  const questions = kb.entries.reduce((n, e) => n + e.questions.length, 0);
  if (!options.force && questions <= IN_THREAD_MAX_QUESTIONS) return trainModel(kb);
  const fromSource = import.meta.url.endsWith('.ts');
  const worker = new Worker(
    new URL(fromSource ? './train-worker.ts' : './train-worker.js', import.meta.url),
    {
      workerData: kb,
      // Under tsx/vitest the worker needs the TypeScript loader too.
      execArgv: fromSource ? ['--import', 'tsx'] : [],
    },
  );
  try {
    const serialized = await new Promise<SerializedModel>((resolve, reject) => {
      worker.once(
        'message',
        (message: { ok: true; model: SerializedModel } | { ok: false; error: string }) =>
          message.ok ? resolve(message.model) : reject(new Error(`training failed: ${message.error}`)),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`training worker exited with code ${code}`)));
    });
    return importModel(serialized);
  } finally {
    await worker.terminate();
  }
}
