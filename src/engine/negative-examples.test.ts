// The KB's "must not answer" examples overrule an answer or a clarification for a message that is
// closer to one of them than to the entry's own example questions (decision-policy.ts), compared over
// all the wording of both (negative-index.ts).
import { describe, expect, it } from 'vitest';
import { NEGATIVE_MATCH_FLOOR, refusedByNegative, type PolicyOutcome } from './decision-policy.js';
import { exportModel, importModel, trainModel, type KnowledgeBase } from './index.js';

describe('refusedByNegative', () => {
  const answer: PolicyOutcome = { decision: 'answer', reason: 'confident', confidence: 0.9, offered: 0 };
  const clarify: PolicyOutcome = { decision: 'clarify', reason: 'ambiguous', confidence: 0.4, offered: 2 };

  it('hands off when the message is nearer a must-not-answer example than the entry, and near enough', () => {
    const refused = refusedByNegative(answer, 0.8, 0.6);
    expect(refused).toMatchObject({ decision: 'handoff', reason: 'out-of-scope', offered: 0 });
    expect(refused.confidence).toBeCloseTo(0.2); // never above the evidence against the entry, 1 − 0.8
    expect(refusedByNegative(clarify, 0.6, 0.3)).toMatchObject({ decision: 'handoff', offered: 0 });
    expect(refusedByNegative(answer, NEGATIVE_MATCH_FLOOR, 0.1).decision).toBe('handoff'); // at the floor
    // A message identical to an example: similarity 1 (float error may pass it), confidence 0, not below.
    expect(refusedByNegative(answer, 1 + 1e-8, 0.2).confidence).toBe(0);
  });

  it('leaves the decision alone otherwise', () => {
    expect(refusedByNegative(answer, 0.7, 0.7)).toBe(answer); // as near as the entry's own example
    expect(refusedByNegative(answer, 0.6, 0.7)).toBe(answer);
    expect(refusedByNegative(answer, NEGATIVE_MATCH_FLOOR - 0.01, 0.1)).toBe(answer);
    const handoff: PolicyOutcome = {
      decision: 'handoff',
      reason: 'low-confidence',
      confidence: 0.1,
      offered: 0,
    };
    expect(refusedByNegative(handoff, 0.9, 0.1)).toBe(handoff);
  });
});

// A shop whose delivery questions mention cities and days, like a weather question does.
const entry = (id: string, title: string, questions: string[]) => ({ id, title, questions, answer: title });
const SHOP: KnowledgeBase = {
  name: '店',
  locale: 'zh-CN',
  entries: [
    entry('delivery', '快递几天到', [
      '发货后多久能到北京',
      '寄到上海要几天',
      '快递一般几天到',
      '今天发货明天能到吗',
    ]),
    entry('dispatch', '什么时候发货', ['今天买今天发吗', '下午下单今天能发吗', '多久发货', '付款后几天发货']),
    entry('refund', '退款多久到账', ['退款多久到账', '钱什么时候退回来', '退款到哪了', '退款一直没到']),
    entry('invoice', '怎么开发票', ['怎么开发票', '我要开票', '发票在哪申请', '能开公司抬头吗']),
    entry('coupon', '优惠券怎么用', ['优惠券怎么用', '券用不了', '优惠券在哪领', '满减怎么算']),
  ],
};
const WEATHER = '今天北京天气怎么样';

describe('a KB with must-not-answer examples', () => {
  const without = trainModel(SHOP);
  const withNegatives = trainModel({ ...SHOP, negatives: ['今天上海天气怎么样', '给我讲个笑话'] });

  it('hands off a message like one of them that its entries would otherwise take up', () => {
    expect(without.decide(WEATHER).decision).not.toBe('handoff');
    const decided = withNegatives.decide(WEATHER);
    expect(decided).toMatchObject({ decision: 'handoff', reason: 'out-of-scope' });
    // It says which example overruled the bot, as the business wrote it.
    expect(decided.mustNotAnswer?.example).toBe('今天上海天气怎么样');
    expect(decided.mustNotAnswer?.similarity).toBeGreaterThanOrEqual(0.5);
    expect(without.decide(WEATHER).mustNotAnswer).toBeUndefined();
    expect(withNegatives.decide('今天能发货吗').mustNotAnswer).toBeUndefined();
  });

  it('still answers what its entries cover, also when it shares a word with an example', () => {
    for (const [text, id] of [
      ['今天能发货吗', 'dispatch'],
      ['寄到北京要几天', 'delivery'],
      ['退款多久到账', 'refund'],
    ])
      expect(withNegatives.decide(text)).toMatchObject({
        decision: without.decide(text).decision,
        top: id,
      });
  });

  it('counts each example once, and keeps them across threads', () => {
    const repeated = trainModel({
      ...SHOP,
      negatives: ['今天上海天气怎么样', ' 今天上海天气怎么样 ', '给我讲个笑话'],
    });
    for (const text of [WEATHER, '今天能发货吗', '讲个笑话吧'])
      expect(repeated.decide(text)).toEqual(withNegatives.decide(text));
    const copy = importModel(structuredClone(exportModel(withNegatives)));
    expect(copy.decide(WEATHER)).toEqual(withNegatives.decide(WEATHER));
  });
});
