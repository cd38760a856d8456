// One complaint ticket: SLA clocks, status changes, assignment, priority, the linked chat, comments to the
// customer or internal notes, and the whole history.
import { useState, type FormEvent } from 'react';
import { request } from '../shared/api.js';
import type { Complaint, ComplaintEventName, ComplaintPriority, ComplaintStatus } from './api-types.js';
import { formatDateTime, shortId } from './format.js';
import { categoryText, useI18n, type ConsoleKey } from './messages.js';
import { SlaClockView } from './sla-clock.js';
import { useResource } from './use-resource.js';

const NEXT: Record<ComplaintStatus, ComplaintEventName[]> = {
  new: ['start', 'wait_customer', 'resolve'],
  in_progress: ['wait_customer', 'resolve'],
  waiting_customer: ['resume', 'resolve'],
  resolved: ['close', 'reopen'],
  closed: ['reopen'],
};
const PRIORITIES: readonly ComplaintPriority[] = ['low', 'normal', 'high', 'urgent'];

export function ComplaintDetail({
  id,
  now,
  onOpenChat,
  onChanged,
}: {
  id: string;
  now: number;
  onOpenChat: (conversationId: string) => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const base = `/api/agent/complaints/${encodeURIComponent(id)}`;
  const detail = useResource<{ complaint: Complaint }>(base, 30_000);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [internal, setInternal] = useState(false);

  const post = async (rest: string, body: object): Promise<boolean> => {
    setBusy(true);
    setFailed(null);
    try {
      await request(`${base}${rest}`, { method: 'POST', body });
      await detail.reload();
      onChanged();
      return true;
    } catch (error) {
      setFailed(error instanceof Error ? error.message : t('action.failed'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return;
    if (await post('/comments', { text: comment.trim(), internal })) setComment('');
  };

  const c = detail.data?.complaint;
  if (!c) {
    return detail.failed ? (
      <p className="alert alert--error" role="alert">
        {t('pane.loadFailed')}
      </p>
    ) : (
      <p className="page-empty">{t('pane.loading')}</p>
    );
  }
  return (
    <article className="complaint" aria-labelledby="complaint-title" data-status={c.status}>
      <header className="complaint-head">
        <h2 id="complaint-title">
          {categoryText(t, c.category)} <span className="complaint-id">#{shortId(c.id)}</span>
        </h2>
        <p className="complaint-row">
          <span className={`badge badge--c-${c.status}`} data-testid="complaint-status">
            {t(`complaintStatus.${c.status}`)}
          </span>
          <span>{t(c.openedBy === 'customer' ? 'complaint.byCustomer' : 'complaint.byAgent')}</span>
          <span>{formatDateTime(c.createdAt, locale)}</span>
        </p>
      </header>
      <div className="complaint-clocks">
        <SlaClockView
          name="firstResponse"
          clock={c.sla.firstResponse}
          fetchedAt={detail.fetchedAt}
          now={now}
        />
        <SlaClockView name="resolution" clock={c.sla.resolution} fetchedAt={detail.fetchedAt} now={now} />
      </div>
      <p className="complaint-description">{c.description}</p>
      <div className="complaint-controls">
        <span className="field field--inline">
          <label htmlFor="complaint-detail-priority">{t('complaint.priority')}</label>
          <select
            id="complaint-detail-priority"
            className="input"
            value={c.priority}
            disabled={busy}
            onChange={(e) => void post('/priority', { priority: e.target.value })}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`complaintPriority.${p}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="complaint-assignee">
          {t('complaint.assignee')}：{c.assignee?.displayName ?? t('complaint.unassigned')}
        </span>
        <button
          type="button"
          className="btn btn--small"
          disabled={busy}
          onClick={() => void post('/assign', { assigneeId: 'me' })}
        >
          {t('complaint.assignMe')}
        </button>
        {c.assignee && (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            disabled={busy}
            onClick={() => void post('/assign', { assigneeId: null })}
          >
            {t('complaint.unassign')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--small btn--ghost"
          onClick={() => onOpenChat(c.conversationId)}
        >
          {t('tickets.openChat')}
        </button>
      </div>
      <div className="complaint-transitions" role="group" aria-label={t('complaint.changeStatus')}>
        {NEXT[c.status].map((event) => (
          <button
            key={event}
            type="button"
            className={`btn btn--small ${event === 'resolve' ? 'btn--primary' : ''}`}
            disabled={busy}
            onClick={() => void post('/transition', { event })}
          >
            {t(`complaintEvent.${event}` as ConsoleKey)}
          </button>
        ))}
      </div>
      {failed && (
        <p className="alert alert--error" role="alert">
          {t('action.failed')}（{failed}）
        </p>
      )}
      <form className="complaint-comment" onSubmit={send}>
        <label className="field">
          <span>{t('complaint.comment')}</span>
          <textarea
            id="complaint-comment"
            className="input"
            rows={3}
            value={comment}
            maxLength={5000}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <div className="complaint-comment-actions">
          <label className="check">
            <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            {t('complaint.internal')}
          </label>
          <button type="submit" className="btn btn--primary btn--small" disabled={busy || !comment.trim()}>
            {internal ? t('complaint.addNote') : t('complaint.reply')}
          </button>
        </div>
      </form>
      <section aria-labelledby="history-title">
        <h3 id="history-title" className="side-title">
          {t('complaint.history')}
        </h3>
        <ol className="history">
          {(c.history ?? []).map((h) => (
            <li key={h.seq} className={`history-item ${h.internal ? 'is-internal' : ''}`}>
              <div className="history-head">
                <strong>{h.actorName ?? t(`actor.${h.actor}`)}</strong>
                <span>
                  {h.kind === 'status' && h.toStatus
                    ? t('history.status', { status: t(`complaintStatus.${h.toStatus}` as ConsoleKey) })
                    : t(`history.${h.kind}`)}
                </span>
                {h.internal && <span className="badge">{t('complaint.internalBadge')}</span>}
                <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time>
              </div>
              {h.text && <p className="history-text">{h.text}</p>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
