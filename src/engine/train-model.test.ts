import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportModel, importModel, trainModel, type KnowledgeBase } from './index.js';

const entry = (id: string, category: string, title: string, questions: string[]) => ({
  id,
  title,
  category,
  questions,
  answer: `answer ${id}`,
});

// A small mixed Chinese–English shop KB written for these tests.
const KB: KnowledgeBase = {
  name: 'test shop',
  locale: 'zh-CN',
  entries: [
    entry('refund-arrival', '退款', '退款多久到账', [
      '退款多久能到账',
      '钱什么时候退回来',
      '退款一直没到',
      '退款到账要几天',
      '申请退款后多久收到钱',
      'refund not received yet',
    ]),
    entry('refund-apply', '退款', '怎么申请退款', [
      '怎么申请退款',
      '我要退款怎么操作',
      '在哪里申请退款',
      '退款申请入口在哪',
      'how do i ask for a refund',
    ]),
    entry('order-cancel', '订单', '取消订单', [
      '订单怎么取消',
      '不想要了能取消吗',
      '刚下的单我想撤回',
      '取消订单的按钮在哪',
      'cancel my order',
    ]),
    entry('order-status', '订单', '查看订单状态', [
      '我的订单现在什么状态',
      '在哪里看订单进度',
      '订单到哪一步了',
      '订单详情在哪看',
      'where is my order',
    ]),
    entry('invoice', '发票', '开发票', [
      '怎么开发票',
      '能开增值税发票吗',
      '发票在哪里申请',
      '电子发票怎么下载',
      'can i get an invoice',
    ]),
    entry('password', '账户', '忘记密码', [
      '忘记密码怎么办',
      '密码找回',
      '登录密码想重置',
      '账号密码不记得了',
      'reset my password',
    ]),
    entry('delivery-time', '物流', '多久发货', [
      '什么时候发货',
      '下单后多久发货',
      '几天能发出',
      '怎么还不发货',
      'when will you ship',
    ]),
    entry('coupon', '优惠券', '优惠券使用', [
      '优惠券怎么用',
      '优惠券为什么用不了',
      '领的券在哪里',
      '满减券怎么叠加',
      'how to use a coupon',
    ]),
  ],
};

const model = trainModel(KB);

describe('trainModel / decide', () => {
  it('answers a question the KB states, with matched terms', () => {
    const d = model.decide('退款多久能到账');
    expect(d.decision).toBe('answer');
    expect(d.entryId).toBe('refund-arrival');
    expect(d.top).toBe('refund-arrival');
    expect(d.ranked[0].entryId).toBe('refund-arrival');
    expect(d.ranked[0].matchedTerms).toContain('退款');
    expect(d.confidence).toBeGreaterThanOrEqual(model.thresholds.answer);
  });

  it('ranks the right entry first for traditional, full-width and mixed-script paraphrases', () => {
    expect(model.decide('退款還沒到帳！！').top).toBe('refund-arrival');
    expect(model.decide('ＣＡＮＣＥＬ my order 😡').top).toBe('order-cancel');
    expect(model.decide('发票 invoice 怎么开').top).toBe('invoice');
  });

  it('does not answer what the KB does not cover', () => {
    for (const text of ['明天北京会下雨吗', 'what is the capital of france', '推荐一部好看的电影']) {
      expect(model.decide(text).decision).not.toBe('answer');
    }
  });

  it('finds the question after a story in a long message', () => {
    const text =
      '上周我在你们店里买了一件外套，颜色和图片上的差别很大，我已经寄回去了。客服说会处理。请问退款多久能到账？';
    expect(model.decide(text).top).toBe('refund-arrival');
  });

  it('gives a sensible decision for empty, emoji-only and 10,000-character input', () => {
    for (const text of ['', '   ', '😀👍🎉']) {
      const d = model.decide(text);
      expect(d).toMatchObject({ decision: 'handoff', reason: 'empty-input', entryId: null, candidates: [] });
      expect(d.top).not.toBeNull();
    }
    const long = model.decide('订单'.repeat(5000));
    expect(['answer', 'clarify', 'handoff']).toContain(long.decision);
  });

  it('hands off text in scripts and characters the KB never uses', () => {
    const demo = trainModel(
      JSON.parse(readFileSync(new URL('../demo/demo-kb.json', import.meta.url), 'utf8')) as KnowledgeBase,
    );
    for (const text of ['㐀㐁㐂㐃', '〇一二三四五', 'ㄅㄆㄇㄈ', 'Привет, как дела', 'こんにちは']) {
      expect(model.decide(text).decision, text).toBe('handoff');
      expect(demo.decide(text).decision, `demo KB: ${text}`).toBe('handoff');
    }
  });

  it('keeps every decision internally consistent', () => {
    for (const text of ['退款', '订单', '密码', '怎么办', 'order', '优惠']) {
      const d = model.decide(text);
      if (d.decision === 'answer') expect(d.entryId).toBe(d.top);
      else expect(d.entryId).toBeNull();
      if (d.decision === 'clarify') {
        expect(d.candidates.length).toBeGreaterThanOrEqual(2);
        expect(d.candidates.length).toBeLessThanOrEqual(3);
        expect(d.candidates[0]).toBe(d.top);
      } else expect(d.candidates).toEqual([]);
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('chooses thresholds from the KB and honours explicit ones', () => {
    expect(model.thresholds.answer).toBeGreaterThan(0);
    expect(model.thresholds.answer).toBeLessThanOrEqual(1);
    const always = trainModel(KB, { thresholds: { answer: 0 } });
    expect(always.thresholds.answer).toBe(0);
    expect(always.decide('明天北京会下雨吗').decision).toBe('answer');
  });

  it('finds an entry with one example question through its answer text (retrieval fused in)', () => {
    const withRepair = trainModel({
      ...KB,
      entries: [
        ...KB.entries,
        {
          ...entry('water-damage', '售后', '损坏', ['坏了还能修吗']),
          answer: '手机进水或摔坏不在免费保修范围内，可以付费维修，寄修前请备份数据。',
        },
      ],
    });
    expect(withRepair.decide('手机进水了 要付费吗').top).toBe('water-damage');
  });

  it('hands everything off with an empty KB', () => {
    const empty = trainModel({ name: 'e', locale: 'zh-CN', entries: [] });
    expect(empty.entryCount).toBe(0);
    expect(empty.decide('退款')).toMatchObject({ decision: 'handoff', top: null, ranked: [] });
  });

  it('works with a single entry that has a single question', () => {
    const one = trainModel({
      name: 'o',
      locale: 'zh-CN',
      entries: [entry('only', 'x', '营业时间', ['几点开门'])],
    });
    expect(one.decide('几点开门').top).toBe('only');
    expect(one.decide('明天北京会下雨吗').decision).not.toBe('answer');
  });
});

describe('exportModel / importModel', () => {
  it('round-trips through structured clone with identical decisions', () => {
    const copy = importModel(structuredClone(exportModel(model)));
    expect(copy.thresholds).toEqual(model.thresholds);
    for (const text of ['退款多久能到账', '发票', '明天北京会下雨吗', ''])
      expect(copy.decide(text)).toEqual(model.decide(text));
  });

  it('refuses something that is not a serialized model', () => {
    expect(() => importModel({} as never)).toThrow(/not a serialized/);
    expect(() =>
      exportModel({ entryCount: 0, thresholds: { answer: 1, clarify: 1 }, decide: () => ({}) as never }),
    ).toThrow();
  });
});
