// 留言工单: callback / leave-a-message tickets customers left when nobody could answer; agents call back
// and mark them done (with a note), or open them again.
import { useState } from 'react';
import { request } from '../shared/api.js';
import type { CallbackTicket } from './api-types.js';
import { formatDateTime } from './format.js';
import { useI18n } from './messages.js';
import { useResource } from './use-resource.js';

function TicketCard({
  ticket,
  onOpenChat,
  onChanged,
}: {
  ticket: CallbackTicket;
  onOpenChat: (id: string) => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const setStatus = async (status: 'open' | 'done') => {
    setBusy(true);
    setFailed(false);
    try {
      await request(`/api/agent/tickets/${encodeURIComponent(ticket.id)}/status`, {
        method: 'POST',
        body: note.trim() ? { status, note: note.trim() } : { status },
      });
      onChanged();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const headingId = `ticket-${ticket.id}`;
  return (
    <li className="ticket" data-ticket-id={ticket.id} data-status={ticket.status}>
      <article aria-labelledby={headingId}>
        <header className="ticket-head">
          <h3 id={headingId}>{ticket.name}</h3>
          <a className="ticket-phone" href={`tel:${ticket.phone.replace(/[^+0-9]/g, '')}`}>
            {ticket.phone}
          </a>
          <span className={`badge ${ticket.status === 'open' ? 'badge--queued' : 'badge--resolved'}`}>
            {t(`tickets.status.${ticket.status}`)}
          </span>
          <time className="ticket-time" dateTime={ticket.createdAt}>
            {formatDateTime(ticket.createdAt, locale)}
          </time>
        </header>
        <p className="ticket-question">{ticket.question}</p>
        {ticket.status === 'done' && (
          <p className="ticket-done">
            {t('tickets.handledAt', { time: formatDateTime(ticket.handledAt, locale) })}
            {ticket.note && <span>{t('tickets.noteShown', { note: ticket.note })}</span>}
          </p>
        )}
        <div className="ticket-actions">
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={() => onOpenChat(ticket.conversationId)}
          >
            {t('tickets.openChat')}
          </button>
          {ticket.status === 'open' && (
            <label className="ticket-note">
              <span className="visually-hidden">{t('tickets.note')}</span>
              <input
                className="input"
                value={note}
                maxLength={2000}
                placeholder={t('tickets.note')}
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
          )}
          <button
            type="button"
            className={`btn btn--small ${ticket.status === 'open' ? 'btn--primary' : ''}`}
            disabled={busy}
            onClick={() => void setStatus(ticket.status === 'open' ? 'done' : 'open')}
          >
            {ticket.status === 'open' ? t('tickets.markDone') : t('tickets.reopen')}
          </button>
        </div>
        {failed && (
          <p className="alert alert--error" role="alert">
            {t('action.failed')}
          </p>
        )}
      </article>
    </li>
  );
}

export function TicketsView({
  onOpenChat,
  onChanged,
}: {
  onOpenChat: (id: string) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const tickets = useResource<{ tickets: CallbackTicket[] }>(`/api/agent/tickets?status=${status}`, 30_000);
  const list = tickets.data?.tickets ?? [];
  return (
    <section className="page" aria-labelledby="tickets-title">
      <header className="page-head">
        <h2 id="tickets-title">{t('tickets.title')}</h2>
        <p className="page-intro">{t('tickets.intro')}</p>
        <div className="segmented" role="group" aria-label={t('tickets.filter')}>
          {(['open', 'done'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {t(`tickets.filter.${s}`)}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn--small" onClick={() => void tickets.reload()}>
          {t('common.refresh')}
        </button>
      </header>
      {tickets.failed && (
        <p className="alert alert--error" role="alert">
          {t('pane.loadFailed')}
        </p>
      )}
      {tickets.data && list.length === 0 && <p className="page-empty">{t(`tickets.empty.${status}`)}</p>}
      <ul className="tickets" aria-busy={tickets.loading}>
        {list.map((ticket) => (
          <TicketCard
            key={ticket.id}
            ticket={ticket}
            onOpenChat={onOpenChat}
            onChanged={() => {
              void tickets.reload();
              onChanged();
            }}
          />
        ))}
      </ul>
    </section>
  );
}
