// Internal notes on a conversation (transfer notes included): for colleagues, never shown to the customer.
import { useState, type FormEvent } from 'react';
import { request } from '../shared/api.js';
import { formatTime } from '../shared/i18n.js';
import type { AgentDirectory, Note } from './api-types.js';
import { useI18n } from './messages.js';
import { useResource } from './use-resource.js';

export function NotesPanel({
  conversationId,
  directory,
}: {
  conversationId: string;
  directory: AgentDirectory | null;
}) {
  const { t, locale } = useI18n();
  const base = `/api/agent/conversations/${encodeURIComponent(conversationId)}/notes`;
  const notes = useResource<{ notes: Note[] }>(base);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const nameOf = (id: string) => directory?.agents.find((a) => a.id === id)?.displayName ?? t('sender.agent');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await request(base, { method: 'POST', body: { text: text.trim() } });
      setText('');
      await notes.reload();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="side-card" aria-labelledby="notes-title">
      <h3 id="notes-title" className="side-title">
        {t('notes.title')}
        <span className="side-sub">{t('notes.private')}</span>
      </h3>
      {notes.data?.notes.length === 0 && <p className="side-empty">{t('notes.none')}</p>}
      <ul className="notes-list">
        {notes.data?.notes.map((n) => (
          <li key={n.id} className="note">
            <div className="note-head">
              <strong>{nameOf(n.authorId)}</strong>
              <time dateTime={n.createdAt}>{formatTime(n.createdAt, locale)}</time>
            </div>
            <p className="note-text">{n.text}</p>
          </li>
        ))}
      </ul>
      <form className="notes-form" onSubmit={add}>
        <label htmlFor="note-input" className="visually-hidden">
          {t('notes.add')}
        </label>
        <textarea
          id="note-input"
          className="input"
          rows={2}
          maxLength={5000}
          value={text}
          placeholder={t('notes.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        {failed && (
          <p className="alert alert--error" role="alert">
            {t('action.failed')}
          </p>
        )}
        <button type="submit" className="btn btn--small" disabled={busy || !text.trim()}>
          {t('notes.add')}
        </button>
      </form>
    </section>
  );
}
