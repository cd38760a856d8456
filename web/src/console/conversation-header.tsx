// Who the customer is and why they are here (status, priority, 长辈 flag, handoff reason, CSAT), and what
// the agent can do: accept, transfer, open a complaint, resolve.
import { formatDuration } from '../shared/i18n.js';
import type { ConversationSummary } from '../shared/types.js';
import type { ConsoleState } from './agent-client.js';
import { customerName } from './conversation-list.js';
import { reasonText, useI18n } from './messages.js';
import { PriorityBadges } from './priority-badges.js';
import { Stars } from './rating-summary.js';

export function ConversationHeader({
  c,
  state,
  now,
  mine,
  onAccept,
  onTransfer,
  onComplaint,
  onResolve,
}: {
  c: ConversationSummary;
  state: ConsoleState;
  now: number;
  mine: boolean;
  onAccept: () => void;
  onTransfer: () => void;
  onComplaint: () => void;
  onResolve: () => void;
}) {
  const { t, locale } = useI18n();
  const canReply = mine && c.status === 'assigned';
  const ended = c.status === 'resolved' || c.status === 'closed';
  return (
    <header className="cp-header">
      <div className="cp-who">
        <h2 id="cp-title">{customerName(c, t('customer.visitor'))}</h2>
        <p className="cp-facts">
          <span className={`badge badge--${c.status}`} data-testid="conversation-status">
            {t(`status.${c.status}`)}
          </span>
          <PriorityBadges c={c} />
          {c.handoffReason && (
            <span>{t('pane.handoffReason', { reason: reasonText(t, c.handoffReason) })}</span>
          )}
          {c.skillGroup && <span>{t('pane.skillGroup', { group: c.skillGroup })}</span>}
          {c.status === 'queued' && c.queuedAt && (
            <span>{t('list.waiting', { time: formatDuration(now - Date.parse(c.queuedAt), locale) })}</span>
          )}
          {c.assignedAgent && <span>{t('pane.assignedTo', { agent: c.assignedAgent.displayName })}</span>}
          {c.customer?.phone && <span>{t('pane.phone', { phone: c.customer.phone })}</span>}
        </p>
        {ended && (
          <p className="cp-csat" data-testid="csat">
            {c.rating ? (
              <>
                <span className="cp-csat-label">{t('csat.customer')}</span>
                <Stars score={c.rating.score} />
                <span>{t('csat.score', { n: c.rating.score })}</span>
                {c.rating.comment && <q className="cp-csat-comment">{c.rating.comment}</q>}
              </>
            ) : (
              <span className="cp-csat-label">{t('csat.waiting')}</span>
            )}
          </p>
        )}
      </div>
      <div className="cp-actions">
        {c.status === 'queued' && (
          <button
            type="button"
            className="btn btn--primary"
            onClick={onAccept}
            disabled={state.busy !== null}
          >
            {state.busy === 'accept' ? t('pane.accepting') : t('pane.accept')}
          </button>
        )}
        {canReply && (
          <button type="button" className="btn" onClick={onTransfer} disabled={state.busy !== null}>
            {t('pane.transfer')}
          </button>
        )}
        {(canReply || ended) && (
          <button type="button" className="btn" onClick={onComplaint}>
            {t('pane.complaint')}
          </button>
        )}
        {canReply && (
          <button
            type="button"
            className="btn btn--danger"
            onClick={onResolve}
            disabled={state.busy !== null}
          >
            {t('pane.resolve')}
          </button>
        )}
      </div>
    </header>
  );
}
