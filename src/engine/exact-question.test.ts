import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportModel, importModel, trainModel } from './index.js';
import type { KnowledgeBase } from './types.js';
import { exactQuestionIndex } from './train-model.js';

const demo = JSON.parse(
  readFileSync(new URL('../demo/demo-kb.json', import.meta.url), 'utf8'),
) as KnowledgeBase;

describe('exact example questions', () => {
  it('are answered by their entry, also after an unrelated entry is added, and after export/import', () => {
    const kb: KnowledgeBase = {
      ...demo,
      entries: [
        ...demo.entries,
        {
          id: 'pet-policy',
          title: '可以带宠物进店吗',
          questions: ['宠物能进门店吗', '可以带狗狗来实体店吗'],
          answer: '欢迎牵绳的小型宠物。',
        },
      ],
    };
    const model = importModel(exportModel(trainModel(kb)));
    for (const entry of demo.entries.slice(0, 10)) {
      const question = entry.questions[0];
      expect(model.decide(question), question).toMatchObject({
        decision: 'answer',
        entryId: entry.id,
        top: entry.id,
      });
      // Traditional characters and full-width punctuation normalise to the same question.
      expect(model.decide(`${question}？`).entryId).toBe(entry.id);
    }
  });

  it('marks a phrasing shared by two entries as ambiguous instead of picking one', () => {
    expect(
      exactQuestionIndex([
        ['退款', '退款多久'],
        ['退款', '换货'],
      ]),
    ).toEqual({ 退款: -1, 退款多久: 0, 换货: 1 });
  });
});
