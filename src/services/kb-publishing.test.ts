// Publishing trains the candidate once and the bot then answers with that very model; the live
// version's model is the one the bot already answers with (train-in-worker.test.ts: the worker).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trainModel } from '../engine/index.js';
import type { AnswerModel, KbEntry, KnowledgeBase } from '../engine/types.js';
import { createInProcessBus } from '../realtime/in-process-bus.js';
import { openStorage } from '../storage/open-storage.js';
import type { ServiceContext } from './context.js';
import { createKbPublishing } from './kb-publishing.js';
import { createModelRegistry } from './model-registry.js';

const root = mkdtempSync(join(tmpdir(), 'zhida-publishing-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const demo = JSON.parse(
  readFileSync(new URL('../demo/demo-kb.json', import.meta.url), 'utf8'),
) as KnowledgeBase;

async function setUp(name: string) {
  const storage = await openStorage({ dataDir: join(root, name) });
  await storage.kb.replaceAll(
    { name: demo.name, locale: demo.locale, negatives: demo.negatives },
    demo.entries,
    'test',
    null,
    1,
  );
  await storage.kb.publish(1, 'test', 2);
  const registryTrainings: KnowledgeBase[] = [];
  const models = await createModelRegistry(
    storage.kb,
    async (kb) => {
      registryTrainings.push(kb);
      return trainModel(kb);
    },
    () => Date.now(),
  );
  const candidates: AnswerModel[] = [];
  const candidateKbs: KnowledgeBase[] = [];
  const ctx = { storage, models, bus: createInProcessBus(() => {}), clock: () => Date.now() };
  const publishing = createKbPublishing(
    ctx as unknown as ServiceContext,
    (err) => {
      throw err;
    },
    async (kb) => {
      const model = trainModel(kb);
      candidates.push(model);
      candidateKbs.push(kb);
      return model;
    },
  );
  return { storage, models, publishing, registryTrainings, candidates, candidateKbs };
}

const PET: KbEntry = {
  id: 'pet-policy',
  title: '可以带宠物进店吗',
  questions: ['宠物能进门店吗', '可以带狗狗来实体店吗'],
  answer: '欢迎牵绳的小型宠物。',
};

describe('publishing', () => {
  it('trains the candidate once, reuses the live model, and answers with the candidate afterwards', async () => {
    const { storage, models, publishing, registryTrainings, candidates } = await setUp('once');
    expect(registryTrainings).toHaveLength(1); // the registry's start
    await storage.regressionCases.add([
      {
        id: 'c1',
        text: demo.entries[0].questions[0],
        expectedEntryId: demo.entries[0].id,
        note: null,
        createdBy: 'test',
        createdAt: 3,
        updatedAt: 3,
      },
    ]);
    await storage.kb.upsertEntry(PET, 'test', 4);
    const result = await publishing.publish({}, 'admin');
    expect(result).toMatchObject({ published: true, version: 2, liveVersion: 2 });
    expect(result.report.candidate.passed).toBe(1);
    expect(result.report.live?.passed).toBe(1);
    expect(candidates).toHaveLength(1);
    expect(registryTrainings).toHaveLength(1); // not trained again for the publish
    expect(models.current().model).toBe(candidates[0]);
    expect(models.current().kbVersion).toBe(2);
    expect(models.current().entries.has('pet-policy')).toBe(true);
    await storage.close();
  });

  it('trains with each version\'s "must not answer" examples; diff, history and rollback carry them', async () => {
    const { storage, models, publishing, registryTrainings, candidateKbs } = await setUp('negatives');
    const demoNegatives = demo.negatives ?? [];
    expect(demoNegatives.length).toBeGreaterThan(10);
    expect(registryTrainings[0].negatives).toEqual(demoNegatives);

    expect(await storage.kb.setNegatives(['今天天气怎么样'], 'admin', 3)).toBe(2);
    await models.reload(); // the live bot keeps version 1 and its list until a publish
    expect(registryTrainings.at(-1)?.negatives).toEqual(demoNegatives);

    const published = await publishing.publish({}, 'admin');
    expect(published).toMatchObject({ published: true, version: 2, liveVersion: 2 });
    expect(candidateKbs.at(-1)?.negatives).toEqual(['今天天气怎么样']);
    await models.reload();
    expect(registryTrainings.at(-1)?.negatives).toEqual(['今天天气怎么样']);

    expect((await publishing.diff(1, 2)).negatives).toEqual({
      added: ['今天天气怎么样'],
      removed: demoNegatives,
    });
    const [latest, first] = (await publishing.history(10)).versions;
    expect(latest.negatives).toEqual({ added: 1, removed: demoNegatives.length });
    expect(latest.changes).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(first.negatives).toEqual({ added: demoNegatives.length, removed: 0 });

    const rolled = await publishing.rollback(1, 'admin', { publish: true });
    expect(rolled).toMatchObject({ version: 3, liveVersion: 3 });
    expect(await storage.kb.negatives()).toEqual(demoNegatives);
    expect(candidateKbs.at(-1)?.negatives).toEqual(demoNegatives);
    await storage.close();
  });

  it('a dry run or a refused publish leaves the live model answering', async () => {
    const { storage, models, publishing } = await setUp('dry');
    const live = models.current();
    await storage.kb.upsertEntry(PET, 'test', 4);
    expect((await publishing.publish({ dryRun: true }, 'admin')).published).toBe(false);
    expect(models.current()).toBe(live);
    await storage.close();
  });
});
