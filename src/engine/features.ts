// Sparse lexical features of a message: words, word bigrams and character n-grams (Latin words with
// boundary marks; Han runs as 1–3-grams), so that misspellings, inflections and unsegmented Chinese
// still overlap with the KB's phrasing.
import { pinyin } from 'pinyin-pro';
import { chineseFor } from './mixed-language-glossary.js';
import { segment } from './segment.js';

export interface FeatureOptions {
  /** Character n-gram lengths inside Latin words (with boundary marks). */
  latinCharNgrams: number[];
  /** Character n-gram lengths over Han runs. */
  hanCharNgrams: number[];
  /** Add adjacent-word bigrams. */
  wordBigrams: boolean;
  /**
   * Add the toneless pinyin of each Han character bigram: pinyin input methods make homophone typos
   * (退宽 for 退款, 快第 for 快递), which share no characters with the right word but all its sounds.
   */
  hanPinyinBigrams?: boolean;
  /** The KB's own words, added by the segmenter next to jieba's pieces (kb-vocabulary.ts). */
  vocabulary?: string[];
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  // 4-grams alone matched 3–5-grams on held-out accuracy at half the features; Han 1–2-grams beat 1–3.
  latinCharNgrams: [4],
  hanCharNgrams: [1, 2],
  wordBigrams: true,
  hanPinyinBigrams: true,
};

export interface TextFeatures {
  /** Feature key → raw count. Keys are prefixed by kind: w word, b bigram, c/h char n-gram. */
  counts: Map<string, number>;
  /** The words of the message, for "matched terms" explanations. */
  words: string[];
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const LATIN_WORD = /^[^\p{Script=Han}]+$/u;

/** Features of normalized text (see normalizeText). */
export function extractFeatures(
  normalized: string,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): TextFeatures {
  const counts = new Map<string, number>();
  const { words, hanRuns } = segment(normalized, options.vocabulary);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    add(counts, 'w' + w);
    if (options.wordBigrams && i + 1 < words.length) add(counts, 'b' + w + ' ' + words[i + 1]);
    if (LATIN_WORD.test(w) && w.length > 1) {
      const marked = '<' + w + '>';
      for (const n of options.latinCharNgrams) {
        for (let j = 0; j + n <= marked.length; j++) add(counts, 'c' + marked.slice(j, j + n));
      }
    }
  }
  if (hanRuns.length > 0) {
    // Mixed Chinese–English: an English shopping word also counts as the Chinese word for it.
    for (const w of words) {
      if (!LATIN_WORD.test(w)) continue;
      for (const zh of chineseFor(w) ?? []) {
        add(counts, 'w' + zh);
        const chars = Array.from(zh);
        for (let j = 0; j + 2 <= chars.length; j++) add(counts, 'h' + chars[j] + chars[j + 1]);
      }
    }
  }
  for (const run of hanRuns) {
    const chars = Array.from(run);
    for (const n of options.hanCharNgrams) {
      for (let j = 0; j + n <= chars.length; j++) add(counts, 'h' + chars.slice(j, j + n).join(''));
    }
    if (options.hanPinyinBigrams && chars.length > 1) {
      // Read in context (polyphones: 银行 yin hang, 行走 xing zou), then paired.
      const sounds = pinyin(run, { toneType: 'none', type: 'array' });
      for (let j = 0; j + 1 < sounds.length; j++) add(counts, 'y' + sounds[j] + ' ' + sounds[j + 1]);
    }
  }
  return { counts, words };
}
