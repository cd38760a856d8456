// Text normalization shared by training and decisions (and reused by the handoff-intent detector):
// customers type full-width letters, traditional characters, emoji, "sooooo" and random punctuation;
// the KB's example questions rarely do. Everything maps to one canonical simplified, lower-case form.
import * as OpenCC from 'opencc-js';

/** Longer input is cut: nobody types a 10,000-character question, and scoring must stay sub-millisecond. */
export const MAX_INPUT_CHARS = 2000;

// Hong Kong and Taiwan variants both map to mainland simplified; 'hk' covers most shared characters,
// 'tw' catches the Taiwan-only variants 'hk' leaves (e.g. 裏/裡).
let toSimplified: ((s: string) => string) | null = null;
function simplify(text: string): string {
  if (!toSimplified) {
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    toSimplified = (s) => tw(hk(s));
  }
  return toSimplified(text);
}

const HAN = /\p{Script=Han}/u;
// Anything that is not a letter, a digit or a combining mark separates words (punctuation, emoji,
// symbols); a few characters inside words are kept so "e-mail", "don't", "3.5" and "$50" survive.
const SEPARATOR = /[^\p{L}\p{N}\p{M}'.$%+#-]+/gu;
const EDGE_PUNCT = /(^|\s)['.+-]+|['.+-]+(?=\s|$)/g;
// Three or more of the same character: "soooo" → "soo", "好好好好" → "好好", "！！！" handled above.
const REPEATS = /(.)\1{2,}/gu;

/** Canonical form of a customer message or KB question (idempotent). */
export function normalizeText(input: string): string {
  let text = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  // NFKC folds full-width ASCII, circled digits, ligatures and compatibility ideographs.
  text = text.normalize('NFKC').toLowerCase();
  if (HAN.test(text)) text = simplify(text);
  text = text
    .replace(/[’‘`´]/g, "'")
    .replace(SEPARATOR, ' ')
    .replace(EDGE_PUNCT, '$1');
  text = text.replace(REPEATS, '$1$1');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Splits a message into sentences (before normalization strips the punctuation), so that a long
 * story followed by a question can be scored sentence by sentence.
 */
export function splitSentences(input: string): string[] {
  const text = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  return text
    .split(/(?<=[!?。！？；;…])\s*|(?<=\.)\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
