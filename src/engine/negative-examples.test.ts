// The KB's "must not answer" examples overrule an answer or a clarification for a message that is
// closer to one of them than to the entry's own example questions (decision-policy.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEGATIVE_MATCH_FLOOR, refusedByNegative, type PolicyOutcome } from './decision-policy.js';
import { exportModel, importModel, trainModel, type KnowledgeBase } from './index.js';

const demo = JSON.parse(
  readFileSync(new URL('../demo/demo-kb.json', import.meta.url), 'utf8'),
) as KnowledgeBase;
const WEATHER = '今天北京天气怎么样';

describe('refusedByNegative', () => {
  const answer: PolicyOutcome = { decision: 'answer', reason: 'confident', confidence: 0.9, offered: 0 };
  const clarify: PolicyOutcome = { decision: 'clarify', reason: 'ambiguous', confidence: 0.4, offered: 2 };
  it('hands off when the message is nearer a must-not-answer example than the entry, and near enough', () => {
    expect(refusedByNegative(answer, 0.8, 0.6)).toEqual({
      ...answer,
      decision: 'handoff',
      reason: 'out-of-scope',
    });
    expect(refusedByNegative(clarify, 0.6, 0.3)).toMatchObject({ decision: 'handoff', offered: 0 });
  });
  it('leaves the decision alone otherwise', () => {
    expect(refusedByNegative(answer, 0.6, 0.7)).toBe(answer); // the entry's example is nearer
    expect(refusedByNegative(answer, NEGATIVE_MATCH_FLOOR - 0.01, 0.1)).toBe(answer); // not near enough
    const handoff: PolicyOutcome = {
      decision: 'handoff',
      reason: 'low-confidence',
      confidence: 0.1,
      offered: 0,
    };
    expect(refusedByNegative(handoff, 0.9, 0.1)).toBe(handoff);
  });
});

describe('a KB with must-not-answer examples', () => {
  const without = trainModel({ ...demo, negatives: [] });
  const withNegatives = trainModel(demo);

  it('hands off a message like one of them that its entries would otherwise take up', () => {
    expect(demo.negatives).toContain('今天台北天氣怎麼樣');
    expect(without.decide(WEATHER).decision).not.toBe('handoff'); // 今天, 北京 are shipping words here
    expect(withNegatives.decide(WEATHER)).toMatchObject({ decision: 'handoff', reason: 'out-of-scope' });
  });

  it('still answers the questions its entries cover, and keeps the examples across threads', () => {
    for (const [text, id] of [
      ['快递几天能到', 'shipping-delivery-time'],
      ['我要发票', 'invoice-request'],
    ])
      expect(withNegatives.decide(text)).toMatchObject({ decision: 'answer', entryId: id });
    const copy = importModel(structuredClone(exportModel(withNegatives)));
    expect(copy.decide(WEATHER)).toEqual(withNegatives.decide(WEATHER));
  });
});
