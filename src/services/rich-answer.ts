// Rich answers stay plain text in "Markdown-lite": links `[text](https://…)`, images `![alt](https://…)`
// and autolinks `<https://…>`. The widget renders them; this check keeps anything but absolute http(s)
// URLs out of the KB (a `javascript:` or `data:` link in an answer would run in every customer's page).
import type { KbValidationError } from '../engine/kb-validation.js';
import type { KbEntry } from '../engine/types.js';

/** The target of `[..](target)` / `![..](target "title")`, and of `<target>` when it has a scheme. */
const LINK_TARGET =
  /!?\[[^\]]*\]\(\s*<?([^\s)>]*)>?(?:\s+"[^"]*")?\s*\)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>/g;

/** Every link or image URL in an answer, in order. */
export function answerUrls(answer: string): string[] {
  return [...answer.matchAll(LINK_TARGET)].map((m) => m[1] ?? m[2]);
}

function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not an absolute URL (links and images need http:// or https://)`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `"${url}" uses ${parsed.protocol.slice(0, -1)}: only http and https links and images are allowed`;
  }
  return null;
}

/** One message per bad link or image URL of the answer. */
export function richAnswerErrors(answer: string): string[] {
  return answerUrls(answer)
    .map(urlProblem)
    .filter((p): p is string => p !== null);
}

/** The errors of every entry's answer, shaped like the KB validator's so both lists can be merged. */
export function answerUrlErrors(entries: readonly KbEntry[]): KbValidationError[] {
  return entries.flatMap((entry, index) =>
    richAnswerErrors(entry.answer).map((message) => ({ index, id: entry.id, field: 'answer', message })),
  );
}
