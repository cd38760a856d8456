// The KB's own words: product names, services and policies ("运费险", "以旧换新", "PLUS会员") that
// jieba's general dictionary splits into pieces. Found from the KB itself — the entries' tags, and
// runs of jieba words that occur together in several example questions and rarely apart — and then
// added by segment() next to jieba's pieces, so that they also count as one word for matching and
// explanations.
import { FUNCTION_WORDS } from './function-words.js';
import { cutHan } from './segment.js';

/** A run of words becomes a KB word when it occurs in at least this many questions… */
const MIN_QUESTIONS = 3;
/** …and its rarest part occurs without the rest at most this share of the time. */
const MIN_COHESION = 0.6;
const MAX_PARTS = 3;
const MAX_WORDS = 500;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Discovers KB words from normalized texts (example questions, titles) and entry tags. */
export function discoverVocabulary(texts: string[], tags: string[] = []): string[] {
  const wordDf = new Map<string, number>();
  const runDf = new Map<string, { df: number; parts: string[] }>();
  for (const text of texts) {
    const words = new Set<string>();
    const runs = new Map<string, string[]>();
    for (const han of text.match(/\p{Script=Han}+/gu) ?? []) {
      const tokens = cutHan(han);
      tokens.forEach((t) => words.add(t));
      for (let i = 0; i < tokens.length; i++) {
        for (let k = 2; k <= MAX_PARTS && i + k <= tokens.length; k++) {
          const parts = tokens.slice(i, i + k);
          const joined = parts.join('');
          if (joined.length >= 3 && joined.length <= 6) runs.set(joined, parts);
        }
      }
    }
    for (const w of words) wordDf.set(w, (wordDf.get(w) ?? 0) + 1);
    for (const [joined, parts] of runs) {
      const r = runDf.get(joined) ?? { df: 0, parts };
      r.df++;
      runDf.set(joined, r);
    }
  }
  const found = [...runDf]
    .filter(([, r]) => {
      if (r.df < MIN_QUESTIONS) return false;
      if (FUNCTION_WORDS.has(r.parts[0]) || FUNCTION_WORDS.has(r.parts[r.parts.length - 1])) return false;
      const rarest = Math.min(...r.parts.map((p) => wordDf.get(p) ?? 0));
      return r.df >= MIN_COHESION * rarest;
    })
    .sort((a, b) => b[1].df - a[1].df)
    .slice(0, MAX_WORDS)
    .map(([w]) => w);
  const tagged = tags.filter(
    (t) => HAN_ONLY.test(t) && t.length >= 2 && t.length <= 8 && cutHan(t).length > 1,
  );
  return [...new Set([...tagged, ...found])].sort();
}
