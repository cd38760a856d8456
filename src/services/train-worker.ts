// Worker-thread entry: trains on each KB it is sent and posts the exported model back, its typed arrays
// transferred rather than copied. One training at a time (the caller queues them).
import { parentPort } from 'node:worker_threads';
import { exportModel, trainModel } from '../engine/index.js';
import type { KnowledgeBase } from '../engine/types.js';

/** The buffers of the model's typed arrays (top level), each once. */
function buffersOf(model: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(model))
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  return [...buffers];
}

parentPort?.on('message', (kb: KnowledgeBase) => {
  try {
    const model = exportModel(trainModel(kb));
    parentPort?.postMessage({ ok: true, model }, buffersOf(model));
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
