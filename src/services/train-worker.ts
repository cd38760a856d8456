// Worker-thread entry: train on the KB given as workerData and post the exported model back.
import { parentPort, workerData } from 'node:worker_threads';
import { exportModel, trainModel } from '../engine/index.js';
import type { KnowledgeBase } from '../engine/types.js';

try {
  const model = trainModel(workerData as KnowledgeBase);
  parentPort?.postMessage({ ok: true, model: exportModel(model) });
} catch (err) {
  parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
