// Trains a model off the main thread so that a KB change never stalls live conversations: one worker
// thread, started on first use and kept while trainings keep coming (it is ended after IDLE_MS without
// one, and never keeps the process alive), trains one KB at a time and posts the exported model back;
// importing it here takes about a millisecond for the demo KB. Small KBs may train in-thread when the
// caller allows it (`force: false`, the default, below the threshold).
import { Worker } from 'node:worker_threads';
import { importModel, trainModel } from '../engine/index.js';
import type { AnswerModel, KnowledgeBase } from '../engine/types.js';
import type { SerializedModel } from '../engine/index.js';

const IN_THREAD_MAX_QUESTIONS = 3_000;
const IDLE_MS = 60_000;

type Reply = { ok: true; model: SerializedModel } | { ok: false; error: string };

/** The worker thread; run from TypeScript sources (tsx, vitest), it registers the tsx loader first. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./train-worker.js', import.meta.url));
  // `execArgv: ['--import', 'tsx']` does not reach a worker's module loader on Node 20: register the
  // loader inside the worker, then load the entry.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./train-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

let worker: Worker | null = null;
let idle: NodeJS.Timeout | null = null;
/** Trainings run one after the other: each waits for the one before (failed or not). */
let queue: Promise<unknown> = Promise.resolve();

function train(kb: KnowledgeBase): Promise<SerializedModel> {
  if (idle) clearTimeout(idle);
  const w = (worker ??= startWorker());
  w.unref();
  return new Promise<SerializedModel>((resolve, reject) => {
    const done = () => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const onMessage = (reply: Reply) => {
      done();
      if (reply.ok) resolve(reply.model);
      else reject(new Error(`training failed: ${reply.error}`));
    };
    const onError = (err: Error) => {
      done();
      if (worker === w) worker = null;
      void w.terminate();
      reject(err);
    };
    const onExit = (code: number) => {
      done();
      if (worker === w) worker = null;
      reject(new Error(`training worker exited with code ${code}`));
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage(kb);
  }).finally(() => {
    idle = setTimeout(() => {
      if (worker === w) worker = null;
      void w.terminate();
    }, IDLE_MS);
    idle.unref();
  });
}

export async function trainInWorker(
  kb: KnowledgeBase,
  options: { force?: boolean } = {},
): Promise<AnswerModel> {
  const questions = kb.entries.reduce((n, e) => n + e.questions.length, 0);
  if (!options.force && questions <= IN_THREAD_MAX_QUESTIONS) return trainModel(kb);
  const next = queue.catch(() => undefined).then(() => train(kb));
  queue = next;
  return importModel(await next);
}
