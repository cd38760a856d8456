import { describe, expect, it } from 'vitest';
import { normalizeText, splitSentences, MAX_INPUT_CHARS } from './normalize-text.js';

describe('normalizeText', () => {
  it('folds full-width letters and digits and lower-cases', () => {
    expect(normalizeText('ＡＰＰ　登录１２３')).toBe('app 登录123');
  });

  it('maps traditional (Hong Kong and Taiwan) characters to simplified', () => {
    expect(normalizeText('退款多久能到帳？我的錢還沒回來')).toBe('退款多久能到帐 我的钱还没回来');
    expect(normalizeText('發票')).toBe('发票');
  });

  it('drops emoji and punctuation, keeps words joined by hyphen or apostrophe', () => {
    expect(normalizeText('Hi!!! 😀😀 my top-up failed... why?')).toBe('hi my top-up failed why');
    expect(normalizeText("I don't know")).toBe("i don't know");
  });

  it('shortens runs of a repeated character', () => {
    expect(normalizeText('sooooo slowwww')).toBe('soo sloww');
    expect(normalizeText('好好好好好')).toBe('好好');
  });

  it('is idempotent', () => {
    const once = normalizeText('Ｗhy is my 帳戶 LOCKED??? 😡');
    expect(normalizeText(once)).toBe(once);
  });

  it('returns an empty string for emoji-only or blank input', () => {
    expect(normalizeText('😀👍🎉')).toBe('');
    expect(normalizeText('   ')).toBe('');
  });

  it('caps very long input', () => {
    expect(normalizeText('a '.repeat(10_000)).length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  });
});

describe('splitSentences', () => {
  it('splits on sentence punctuation in both scripts but not inside numbers', () => {
    expect(splitSentences('我上周买了衣服。现在想退货，怎么办？')).toEqual([
      '我上周买了衣服。',
      '现在想退货，怎么办？',
    ]);
    expect(splitSentences('It costs 3.5 euros. Why?')).toEqual(['It costs 3.5 euros.', 'Why?']);
  });
});
