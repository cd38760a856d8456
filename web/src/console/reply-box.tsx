// The reply box: Enter sends, Shift+Enter breaks the line, and "/" + a shortcut offers canned replies.
import { useRef, useState, type KeyboardEvent } from 'react';
import { newClientMessageId } from '../shared/api.js';
import type { AgentClient } from './agent-client.js';
import type { CannedReply } from './api-types.js';
import { useI18n } from './messages.js';

const MAX_SHOWN = 6;
const SLASH = /(^|\s)\/([\p{L}\p{N}_-]*)$/u;

/** Canned replies for the "/query" being typed before the caret (shortcut prefix first, then contains). */
export function cannedMatches(replies: CannedReply[], query: string): CannedReply[] {
  const q = query.toLowerCase();
  const starts = replies.filter((r) => r.shortcut.toLowerCase().startsWith(q));
  const contains = replies.filter(
    (r) => !starts.includes(r) && (r.shortcut.toLowerCase().includes(q) || r.text.includes(query)),
  );
  return [...starts, ...contains].slice(0, MAX_SHOWN);
}

export function ReplyBox({
  client,
  text,
  setText,
  canned,
}: {
  client: AgentClient;
  text: string;
  setText: (text: string) => void;
  canned: CannedReply[];
}) {
  const { t } = useI18n();
  const input = useRef<HTMLTextAreaElement>(null);
  const [sending, setSending] = useState(false);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  // Kept until the reply is confirmed, so a retry after a failure cannot store it twice.
  const pendingId = useRef<string | null>(null);

  const slash = SLASH.exec(text.slice(0, caret));
  const matches = slash && !dismissed ? cannedMatches(canned, slash[2]) : [];
  const open = matches.length > 0;

  const send = async () => {
    if (sending || !text.trim()) return;
    setSending(true);
    pendingId.current ??= newClientMessageId();
    const ok = await client.reply(text, pendingId.current);
    setSending(false);
    if (ok) {
      pendingId.current = null;
      setText('');
    }
  };

  const apply = (reply: CannedReply) => {
    if (!slash) return;
    const start = caret - slash[2].length - 1;
    const next = text.slice(0, start) + reply.text + text.slice(caret);
    pendingId.current = null;
    setText(next);
    const at = start + reply.text.length;
    setCaret(at);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const composing = event.nativeEvent.isComposing || event.keyCode === 229;
    if (open && !composing) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        apply(matches[Math.min(active, matches.length - 1)]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissed(true);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !composing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form
      className="cp-reply"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {open && (
        <ul className="canned-list" id="canned-list" role="listbox" aria-label={t('canned.label')}>
          {matches.map((reply, i) => (
            <li
              key={reply.id}
              id={`canned-${reply.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                apply(reply);
              }}
            >
              <span className="canned-shortcut">/{reply.shortcut}</span>
              <span className="canned-text">{reply.text}</span>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor="cp-reply-input" className="visually-hidden">
        {t('reply.label')}
      </label>
      <textarea
        id="cp-reply-input"
        ref={input}
        className="input"
        rows={3}
        value={text}
        placeholder={t('reply.placeholder')}
        aria-autocomplete="list"
        aria-controls={open ? 'canned-list' : undefined}
        aria-activedescendant={
          open ? `canned-${matches[Math.min(active, matches.length - 1)].id}` : undefined
        }
        aria-describedby="cp-reply-hint"
        onChange={(event) => {
          pendingId.current = null;
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
          setDismissed(false);
          client.typing();
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <span id="cp-reply-hint" className="visually-hidden">
        {t('reply.hint')}
      </span>
      <button type="submit" className="btn btn--primary" disabled={sending || !text.trim()}>
        {t('reply.send')}
      </button>
    </form>
  );
}
