// The engine's best answers for the customer's last question: one click sends one, or puts it in the
// reply box to adjust first.
import { useEffect, useState } from 'react';
import { request } from '../shared/api.js';
import type { AgentClient } from './agent-client.js';
import type { Suggestion } from './api-types.js';
import { useI18n } from './messages.js';

interface Suggestions {
  question: string | null;
  suggestions: Suggestion[];
}

export function SuggestionsPanel({
  client,
  conversationId,
  lastCustomerSeq,
  canReply,
  onInsert,
}: {
  client: AgentClient;
  conversationId: string;
  /** Re-read whenever the customer asks something new. */
  lastCustomerSeq: number;
  canReply: boolean;
  onInsert: (text: string) => void;
}) {
  const { t } = useI18n();
  const [data, setData] = useState<Suggestions | null>(null);
  const [failed, setFailed] = useState(false);
  const [sending, setSending] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    request<Suggestions>(`/api/agent/conversations/${encodeURIComponent(conversationId)}/suggestions`)
      .then((next) => {
        if (!live) return;
        setData(next);
        setFailed(false);
        setSent(null);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [conversationId, lastCustomerSeq]);

  const send = async (s: Suggestion) => {
    setSending(s.entryId);
    if (await client.reply(s.answer)) setSent(s.entryId);
    setSending(null);
  };

  return (
    <section className="side-card" aria-labelledby="suggest-title">
      <h3 id="suggest-title" className="side-title">
        {t('suggest.title')}
      </h3>
      {failed && <p className="side-empty">{t('suggest.failed')}</p>}
      {data && !data.question && <p className="side-empty">{t('suggest.noQuestion')}</p>}
      {data?.question && (
        <p className="suggest-question">
          {t('suggest.for')}
          <q>{data.question}</q>
        </p>
      )}
      {data?.question && data.suggestions.length === 0 && <p className="side-empty">{t('suggest.none')}</p>}
      <ol className="suggest-list">
        {data?.suggestions.map((s) => (
          <li key={s.entryId} className="suggest-item" data-entry-id={s.entryId}>
            <div className="suggest-head">
              <strong>{s.title}</strong>
              <span className="suggest-confidence">{Math.round(s.confidence * 100)}%</span>
            </div>
            <p className="suggest-answer">{s.answer}</p>
            <div className="suggest-actions">
              <button
                type="button"
                className="btn btn--small btn--primary"
                disabled={!canReply || sending !== null}
                onClick={() => void send(s)}
                aria-label={`${sent === s.entryId ? t('suggest.sent') : t('suggest.send')}：${s.title}`}
              >
                {sent === s.entryId ? t('suggest.sent') : t('suggest.send')}
              </button>
              <button
                type="button"
                className="btn btn--small"
                disabled={!canReply}
                onClick={() => onInsert(s.answer)}
                aria-label={`${t('suggest.insert')}：${s.title}`}
              >
                {t('suggest.insert')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
