import { describe, expect, it } from 'vitest';
import { extractFeatures, DEFAULT_FEATURE_OPTIONS } from './features.js';
import { discoverVocabulary } from './kb-vocabulary.js';
import { normalizeText } from './normalize-text.js';
import { segment } from './segment.js';

const keys = (text: string, options = DEFAULT_FEATURE_OPTIONS): Set<string> =>
  new Set(extractFeatures(normalizeText(text), options).counts.keys());
const shared = (a: Set<string>, b: Set<string>, prefix: string): string[] =>
  [...a].filter((k) => k.startsWith(prefix) && b.has(k));

describe('pinyin bigrams', () => {
  it('give a homophone typo the sounds of the word it stands for', () => {
    for (const [typo, word] of [
      ['退宽多久到帐', '退款多久到账'],
      ['快第到哪了', '快递到哪了'],
      ['运废险能理陪吗', '运费险能理赔吗'],
    ]) {
      const a = keys(typo);
      const b = keys(word);
      expect(shared(a, b, 'y').length, `${typo} / ${word}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('read polyphones in context', () => {
    expect(keys('银行卡')).toContain('yyin hang');
    expect(keys('行走')).toContain('yxing zou');
  });

  it('can be turned off', () => {
    const off = { ...DEFAULT_FEATURE_OPTIONS, hanPinyinBigrams: false };
    expect([...keys('退款多久到账', off)].some((k) => k.startsWith('y'))).toBe(false);
  });
});

describe('mixed Chinese–English messages', () => {
  it('count an English shopping word as the Chinese word the KB uses', () => {
    const mixed = keys('refund 多久到');
    expect(mixed).toContain('w退款');
    expect(mixed).toContain('h退款');
    expect(keys('怎么用 coupons')).toContain('w优惠券'); // stemmed plural
  });

  it('leave English-only messages alone', () => {
    expect([...keys('where is my refund')].some((k) => /\p{Script=Han}/u.test(k))).toBe(false);
  });
});

describe('KB vocabulary', () => {
  const questions = [
    '运费险怎么理赔',
    '运费险能赔多少',
    '买了运费险退货还要钱吗',
    '运费险在哪里看',
    '退货运费谁出',
    '怎么申请退货',
  ].map(normalizeText);

  it('finds the KB words jieba splits, and the tags, but not phrases around function words', () => {
    const vocabulary = discoverVocabulary(questions, ['七天无理由', '以旧换新']);
    expect(vocabulary).toContain('运费险');
    expect(vocabulary).toContain('七天无理由');
    expect(vocabulary).not.toContain('以旧换新'); // already one jieba word
    expect(vocabulary.some((w) => w.startsWith('怎么') || w.endsWith('的'))).toBe(false);
  });

  it('adds KB words next to jieba’s pieces', () => {
    const { words } = segment('运费险怎么理赔', ['运费险']);
    expect(words).toContain('运费险');
    expect(words).toContain('运费');
    expect(segment('运费险怎么理赔').words).not.toContain('运费险');
  });
});
