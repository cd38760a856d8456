// The worker thread trains the model a publish checks and installs (from sources too, under vitest).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { trainModel } from '../engine/index.js';
import type { KnowledgeBase } from '../engine/types.js';
import { trainInWorker } from './train-in-worker.js';

const demo = JSON.parse(
  readFileSync(new URL('../demo/demo-kb.json', import.meta.url), 'utf8'),
) as KnowledgeBase;

it('gives models that decide like one trained in-thread, one training after the other', async () => {
  const [first, second] = await Promise.all([
    trainInWorker(demo, { force: true }),
    trainInWorker({ ...demo, entries: demo.entries.slice(0, 10) }, { force: true }),
  ]);
  const inThread = trainModel(demo);
  for (const text of ['退款多久能到账', '你们几点下班', '我要投诉', '今天天气怎么样'])
    expect(first.decide(text)).toEqual(inThread.decide(text));
  expect(second.entryCount).toBe(10);
});
