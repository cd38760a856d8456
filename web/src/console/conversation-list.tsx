// The sidebar lists: customers waiting in the queue, and the conversations assigned to me.
import { formatDuration } from '../shared/i18n.js';
import type { ConversationSummary } from '../shared/types.js';
import { reasonText, useI18n } from './messages.js';
import { PriorityBadges } from './priority-badges.js';

export function customerName(summary: ConversationSummary, visitor: string): string {
  return summary.customer?.name || `${visitor} ${summary.id.slice(-4).toUpperCase()}`;
}

export function ConversationList({
  id,
  title,
  empty,
  conversations,
  selectedId,
  onSelect,
  now,
  unread,
  variant,
}: {
  id: string;
  title: string;
  empty: string;
  conversations: ConversationSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: number;
  unread: Record<string, number>;
  variant: 'queue' | 'mine';
}) {
  const { t, locale } = useI18n();
  return (
    <section className="cl" aria-labelledby={`${id}-title`} data-list={variant}>
      <h2 id={`${id}-title`} className="cl-title">
        {title}
        <span className="cl-count">{conversations.length}</span>
      </h2>
      {conversations.length === 0 ? (
        <p className="cl-empty">{empty}</p>
      ) : (
        <ul className="cl-items">
          {conversations.map((c, index) => {
            const waitedFrom = c.queuedAt ?? c.createdAt;
            const count = unread[c.id] ?? 0;
            const selected = c.id === selectedId;
            return (
              <li key={c.id}>
                <button
                  type="button"
                  className={`cl-item ${selected ? 'is-selected' : ''}`}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelect(c.id)}
                  data-conversation-id={c.id}
                >
                  <span className="cl-row">
                    <span className="cl-avatar" aria-hidden="true">
                      {(c.customer?.name || t('customer.visitor')).slice(0, 1)}
                    </span>
                    <span className="cl-name">{customerName(c, t('customer.visitor'))}</span>
                    {variant === 'queue' ? (
                      <span className="cl-position">
                        {t('list.position', { n: c.queuePosition ?? index + 1 })}
                      </span>
                    ) : (
                      <span className={`badge badge--${c.status}`}>{t(`status.${c.status}`)}</span>
                    )}
                  </span>
                  <span className="cl-row cl-meta">
                    {variant === 'queue' && (
                      <span className="cl-wait">
                        {t('list.waiting', { time: formatDuration(now - Date.parse(waitedFrom), locale) })}
                      </span>
                    )}
                    {variant === 'queue' && (
                      <span className="cl-reason">{reasonText(t, c.handoffReason)}</span>
                    )}
                    <PriorityBadges c={c} />
                    {count > 0 && <span className="cl-unread">{t('list.unread', { n: count })}</span>}
                  </span>
                  {c.lastMessage && <span className="cl-preview">{c.lastMessage.text}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
