// Where the conversation stands with the humans: queued (with position), assigned (agent name), ended.
import type { ReactNode } from 'react';
import type { ConversationStatus } from '../shared/types.js';
import type { QueueInfo } from './conversation-client.js';
import { useI18n } from './messages.js';

export function StatusBanner({
  status,
  queuePosition,
  agentName,
  queueInfo,
}: {
  status: ConversationStatus | null;
  queuePosition: number | null;
  agentName: string | null;
  queueInfo: QueueInfo;
}) {
  const { t } = useI18n();
  let content: ReactNode = null;
  if (status === 'queued') {
    const known = typeof queuePosition === 'number' && queuePosition >= 1;
    const wait = queueInfo.estimatedWaitSeconds;
    const hint =
      queueInfo.withinHours === false
        ? t('status.outOfHours')
        : queueInfo.agentsAvailable === false
          ? t('status.noAgents')
          : typeof wait === 'number' && wait > 0
            ? t('status.wait', { minutes: Math.max(1, Math.round(wait / 60)) })
            : null;
    content = (
      <>
        <span className="zw-banner-spinner" aria-hidden="true" />
        <span className="zw-banner-text">
          {known ? t('status.queued', { ahead: queuePosition - 1 }) : t('status.queuedUnknown')}
          {hint && <span className="zw-banner-sub">{hint}</span>}
        </span>
        {known && (
          <span className="zw-banner-badge">{t('status.queuedPosition', { position: queuePosition })}</span>
        )}
      </>
    );
  } else if (status === 'assigned') {
    content = (
      <>
        <span className="zw-banner-dot" aria-hidden="true" />
        <span className="zw-banner-text">
          {agentName ? t('status.assigned', { agent: agentName }) : t('status.assignedUnknown')}
        </span>
      </>
    );
  } else if (status === 'resolved' || status === 'closed') {
    content = (
      <span className="zw-banner-text">
        {t('status.resolved')} <span className="zw-banner-hint">{t('status.resolvedHint')}</span>
      </span>
    );
  }
  return (
    <div
      className={`zw-banner ${content ? `zw-banner--${status}` : 'zw-banner--empty'}`}
      role="status"
      aria-live="polite"
      data-status={status ?? 'none'}
    >
      {content}
    </div>
  );
}
