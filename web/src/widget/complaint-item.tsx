// One complaint ticket as the customer sees it: status, promised times, public history, and a box to
// add information (which also answers a ticket that waits on the customer).
import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from './format.js';
import { useI18n, type WidgetKey } from './messages.js';
import type { Complaint, ComplaintHistoryItem, ComplaintStatus } from './service-api.js';

const statusKey = (status: ComplaintStatus | string): WidgetKey => `complaint.status.${status}` as WidgetKey;

export function ComplaintItem({
  complaint,
  onComment,
}: {
  complaint: Complaint;
  onComment: (text: string) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const open = complaint.status !== 'closed';
  const { firstResponse, resolution } = complaint.sla;
  const overdue = firstResponse.state === 'breached' || resolution.state === 'breached';

  const describe = (h: ComplaintHistoryItem): string => {
    if (h.kind === 'opened') return t('complaint.h.opened');
    if (h.kind === 'status' && h.toStatus)
      return t('complaint.h.status', { status: t(statusKey(h.toStatus)) });
    if (h.kind === 'comment') return t('complaint.h.comment');
    if (h.kind === 'assigned') return t('complaint.h.assigned');
    return t('complaint.h.priority');
  };
  const who = (h: ComplaintHistoryItem): string =>
    h.actor === 'customer'
      ? t('complaint.who.customer')
      : (h.actorName ?? t(h.actor === 'system' ? 'complaint.who.system' : 'complaint.who.agent'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setFailed(false);
    try {
      await onComment(text.trim());
      setText('');
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="zw-complaint" data-complaint-id={complaint.id} data-status={complaint.status}>
      <p className="zw-complaint-head">
        <strong>{complaint.category}</strong>
        <span className="zw-complaint-no">{t('complaint.number', { id: complaint.id })}</span>
      </p>
      <p className="zw-complaint-status">
        {t('complaint.statusLabel')}
        <span className={`zw-pill zw-pill--${complaint.status}`} data-testid="complaint-status">
          {t(statusKey(complaint.status))}
        </span>
      </p>
      <p className="zw-complaint-desc">{complaint.description}</p>
      {firstResponse.state === 'running' || firstResponse.state === 'at_risk' ? (
        firstResponse.dueAt && (
          <p className="zw-complaint-due">
            {t('complaint.firstDue', { time: formatDateTime(firstResponse.dueAt, locale) })}
          </p>
        )
      ) : (resolution.state === 'running' || resolution.state === 'at_risk') && resolution.dueAt ? (
        <p className="zw-complaint-due">
          {t('complaint.resolveDue', { time: formatDateTime(resolution.dueAt, locale) })}
        </p>
      ) : null}
      {overdue && open && <p className="zw-complaint-overdue">{t('complaint.overdue')}</p>}
      <h4 className="zw-complaint-history-title">{t('complaint.history')}</h4>
      <ol className="zw-history">
        {complaint.history.map((h) => (
          <li key={h.seq}>
            <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time>{' '}
            <span>
              {who(h)} {describe(h)}
            </span>
            {h.text && h.kind === 'comment' && <q className="zw-history-text">{h.text}</q>}
          </li>
        ))}
      </ol>
      {open && (
        <form className="zw-comment" onSubmit={submit}>
          <label className="zw-field">
            <span>{t('complaint.comment')}</span>
            <textarea
              id={`${id}-comment`}
              rows={2}
              maxLength={5000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          {failed && (
            <p className="zw-form-error" role="alert">
              {t('complaint.failed')}
            </p>
          )}
          <button type="submit" className="zw-btn" disabled={busy || !text.trim()}>
            {t('complaint.comment.submit')}
          </button>
        </form>
      )}
    </li>
  );
}
