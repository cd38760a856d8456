// Renders a KB answer's "Markdown-lite" (the server's rich-answer format): links `[text](https://…)`,
// images `![alt](https://…)`, autolinks `<https://…>` and line breaks. Only absolute http(s) URLs become
// links or images; anything else stays plain text, so an answer can never inject script or markup.
import { Fragment, type ReactNode } from 'react';

const TOKEN =
  /(!?)\[([^\]]*)\]\(\s*<?([^\s)>]*)>?(?:\s+"([^"]*)")?\s*\)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>/g;

export type RichPart =
  | { type: 'text'; text: string }
  | { type: 'link'; text: string; url: string }
  | { type: 'image'; alt: string; url: string; title?: string };

function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Splits an answer into text, links and images (pure, for tests and renderers). */
export function parseRichText(source: string): RichPart[] {
  const parts: RichPart[] = [];
  let last = 0;
  const text = (value: string) => {
    if (!value) return;
    const previous = parts[parts.length - 1];
    if (previous?.type === 'text') previous.text += value;
    else parts.push({ type: 'text', text: value });
  };
  for (const match of source.matchAll(TOKEN)) {
    text(source.slice(last, match.index));
    last = match.index + match[0].length;
    const [whole, bang, label, target, title, auto] = match;
    const url = safeUrl(auto ?? target);
    if (!url) text(whole);
    else if (auto) parts.push({ type: 'link', text: auto, url });
    else if (bang) parts.push({ type: 'image', alt: label, url, ...(title ? { title } : {}) });
    else parts.push({ type: 'link', text: label || url, url });
  }
  text(source.slice(last));
  return parts;
}

function lines(text: string, key: string): ReactNode {
  return text.split('\n').map((line, i) => (
    <Fragment key={`${key}-${i}`}>
      {i > 0 && <br />}
      {line}
    </Fragment>
  ));
}

export function RichText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`rich-text ${className ?? ''}`}>
      {parseRichText(text).map((part, i) =>
        part.type === 'text' ? (
          <Fragment key={i}>{lines(part.text, String(i))}</Fragment>
        ) : part.type === 'link' ? (
          <a key={i} href={part.url} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <img key={i} src={part.url} alt={part.alt} title={part.title} loading="lazy" />
        ),
      )}
    </div>
  );
}
