// Word segmentation of normalized text: jieba for Chinese runs, whitespace + light stemming for Latin
// script, so that mixed messages ("iphone退款多久到账") yield words from both.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

export interface Segments {
  /** Words in order: stemmed Latin words, numbers and jieba words. */
  words: string[];
  /** Each maximal run of Han characters, for character n-grams. */
  hanRuns: string[];
}

let jieba: Jieba | null = null;
function cutter(): Jieba {
  // Loading the dictionary takes ~0.2 s: once per process, on first use.
  if (!jieba) jieba = Jieba.withDict(dict);
  return jieba;
}

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'m\b/g, ' am'],
  [/'ll\b/g, ' will'],
  [/'ve\b/g, ' have'],
  [/'d\b/g, ' would'],
  [/'s\b/g, ''],
];

/**
 * Light suffix stripping (a small subset of Porter step 1): enough to join "cards/card",
 * "charged/charge(s)", "arriving/arrive" without the over-stemming of full stemmers.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  // "charg" and "charge" must meet: drop a final silent e as well.
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

const HAN_OR_OTHER = /(\p{Script=Han}+)|([^\p{Script=Han}]+)/gu;

/** jieba's words of a run of Han characters. */
export function cutHan(run: string): string[] {
  return cutter().cut(run, true);
}

// The KB's own words (kb-vocabulary.ts), as a set per vocabulary list.
const vocabularies = new WeakMap<readonly string[], { words: Set<string>; longest: number }>();
function lookup(vocabulary: readonly string[]): { words: Set<string>; longest: number } {
  let v = vocabularies.get(vocabulary);
  if (!v) {
    v = { words: new Set(vocabulary), longest: Math.max(0, ...vocabulary.map((w) => w.length)) };
    vocabularies.set(vocabulary, v);
  }
  return v;
}

/**
 * The KB words that consecutive jieba words join into (longest first, left to right, not
 * overlapping), other than words jieba already produced on its own.
 */
function joinedKbWords(tokens: string[], vocabulary: readonly string[]): string[] {
  const { words, longest } = lookup(vocabulary);
  const found: string[] = [];
  if (words.size === 0) return found;
  for (let i = 0; i < tokens.length;) {
    let end = i + 1;
    let acc = tokens[i];
    for (let j = i + 1; j < tokens.length && acc.length + tokens[j].length <= longest; j++) {
      acc += tokens[j];
      if (words.has(acc)) end = j + 1;
    }
    if (end > i + 1) {
      const joined = tokens.slice(i, end).join('');
      if (!tokens.includes(joined)) found.push(joined);
    }
    i = end;
  }
  return found;
}

/** Segments normalized text (see normalizeText); the KB's own words are added next to jieba's pieces. */
export function segment(normalized: string, vocabulary: readonly string[] = []): Segments {
  let text = normalized;
  if (text.includes("'")) for (const [re, to] of CONTRACTIONS) text = text.replace(re, to);
  const words: string[] = [];
  const hanRuns: string[] = [];
  for (const m of text.matchAll(HAN_OR_OTHER)) {
    if (m[1]) {
      hanRuns.push(m[1]);
      const tokens = cutHan(m[1]);
      for (const w of tokens) words.push(w);
      // KB words are added next to jieba's pieces (measured: replacing the pieces lost accuracy).
      words.push(...joinedKbWords(tokens, vocabulary));
    } else {
      for (const raw of m[2].split(' ')) {
        const w = raw.replace(/^[-'.$%+#]+|[-'.+#]+$/g, '');
        if (w) words.push(stem(w));
      }
    }
  }
  return { words, hanRuns };
}
