// One message of the customer's conversation: customer right, bot/agent left, system centred.
import { formatTime, initialOf } from '../shared/i18n.js';
import type { ChatMessage } from '../shared/types.js';
import { useI18n } from './messages.js';
import type { OutboxItem } from './outbox.js';
import { ReadAloudButton } from './read-aloud.js';

export function MessageView({
  message,
  showChoices,
  onChoose,
  readAloud = false,
  onHandoff,
}: {
  message: ChatMessage;
  showChoices: boolean;
  onChoose: (text: string) => void;
  /** Care mode: a ▶ 朗读 button on bot and agent messages. */
  readAloud?: boolean;
  /** Set on the latest bot reply while the bot is serving: shows the reply's way to a person. */
  onHandoff?: () => void;
}) {
  const { t, locale } = useI18n();
  const time = formatTime(message.createdAt, locale);
  if (message.sender === 'system') {
    return (
      <li className="zw-msg zw-msg--system" data-seq={message.seq} data-sender="system">
        <p>{message.text}</p>
      </li>
    );
  }
  if (message.sender === 'customer') {
    return (
      <li className="zw-msg zw-msg--customer" data-seq={message.seq} data-sender="customer">
        <span className="visually-hidden">{t('widget.sender.you')}：</span>
        <div className="zw-bubble">{message.text}</div>
        <time className="zw-time" dateTime={message.createdAt}>
          {time}
        </time>
      </li>
    );
  }
  const isBot = message.sender === 'bot';
  const name = isBot ? t('widget.sender.bot') : (message.agentName ?? t('widget.sender.agent'));
  const choices = isBot && message.decision === 'clarify' ? (message.choices ?? []) : [];
  const handoffAction = onHandoff ? message.actions?.find((a) => a.type === 'handoff') : undefined;
  return (
    <li
      className={`zw-msg zw-msg--${message.sender}`}
      data-seq={message.seq}
      data-sender={message.sender}
      data-decision={message.decision}
    >
      <span className="zw-avatar" aria-hidden="true">
        {isBot ? '智' : initialOf(name)}
      </span>
      <div className="zw-msg-body">
        <span className="zw-name">{name}</span>
        <div className="zw-bubble">{message.text}</div>
        {showChoices && choices.length > 0 && (
          <div className="zw-choices" role="group" aria-label={t('widget.clarify.label')}>
            {choices.map((choice) => (
              <button
                key={choice.entryId}
                type="button"
                className="zw-choice"
                onClick={() => onChoose(choice.title)}
              >
                {choice.title}
              </button>
            ))}
            <button
              type="button"
              className="zw-choice zw-choice--none"
              onClick={() => onChoose(t('widget.clarify.none'))}
            >
              {t('widget.clarify.none')}
            </button>
          </div>
        )}
        {(readAloud || handoffAction) && (
          <div className="zw-msg-actions">
            {readAloud && <ReadAloudButton text={message.text} who={name} />}
            {handoffAction && (
              <button type="button" className="zw-action" onClick={onHandoff}>
                {locale === 'en' ? (handoffAction.labelEn ?? handoffAction.label) : handoffAction.label}
              </button>
            )}
          </div>
        )}
        <time className="zw-time" dateTime={message.createdAt}>
          {time}
        </time>
      </div>
    </li>
  );
}

export function PendingView({
  item,
  onRetry,
  onDiscard,
}: {
  item: OutboxItem;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}) {
  const { t } = useI18n();
  const state = item.rejected ? 'rejected' : item.failedAttempts ? 'failed' : 'pending';
  return (
    <li className={`zw-msg zw-msg--customer zw-msg--${state}`} data-sender="customer" data-pending={state}>
      <span className="visually-hidden">{t('widget.sender.you')}：</span>
      <div className="zw-bubble">{item.text}</div>
      <span className="zw-time">
        {state === 'pending' && t('widget.pending')}
        {state === 'failed' && t('widget.failed')}
        {state === 'rejected' && (
          <>
            {t('widget.rejected')}{' '}
            <button type="button" className="zw-link" onClick={() => onRetry(item.clientMessageId)}>
              {t('widget.rejected.retry')}
            </button>{' '}
            <button type="button" className="zw-link" onClick={() => onDiscard(item.clientMessageId)}>
              {t('widget.rejected.discard')}
            </button>
          </>
        )}
      </span>
    </li>
  );
}
