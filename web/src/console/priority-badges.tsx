// The 长辈 (care mode) flag and the queue priority class of a conversation, as badges.
import type { ConversationSummary } from '../shared/types.js';
import { useI18n, type ConsoleKey } from './messages.js';

const SHOWN = new Set(['urgent', 'vip']);

export function PriorityBadges({ c }: { c: ConversationSummary }) {
  const { t } = useI18n();
  const priority = c.priority && SHOWN.has(c.priority) ? c.priority : null;
  return (
    <>
      {c.care && (
        <span className="badge badge--care" title={t('care.title')}>
          {t('care.flag')}
        </span>
      )}
      {priority && (
        <span className={`badge badge--priority-${priority}`}>{t(`priority.${priority}` as ConsoleKey)}</span>
      )}
    </>
  );
}
