// The scrolling conversation: messages (a polite live region, so new ones are read out), messages still
// being sent, the agent's typing hint, and the rating card once the conversation is resolved.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ConversationClient, WidgetState } from './conversation-client.js';
import { MessageView, PendingView } from './message-view.js';
import { useI18n } from './messages.js';
import { RatingCard } from './rating-card.js';

export function ChatLog({
  client,
  state,
  care,
  open,
}: {
  client: ConversationClient;
  state: WidgetState;
  care: boolean;
  open: boolean;
}) {
  const { t } = useI18n();
  const logRef = useRef<HTMLDivElement>(null);
  const session = client.getSession();
  const ended = state.status === 'resolved' || state.status === 'closed';

  // Keep the newest message in view.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [state.messages.length, state.outbox.length, open, state.status, care]);

  // Re-render when the typing hint should disappear.
  const [, setTick] = useState(0);
  const typingUntil = state.agentTyping?.until ?? 0;
  useEffect(() => {
    const left = typingUntil - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), left + 50);
    return () => clearTimeout(timer);
  }, [typingUntil]);
  const typingShown = typingUntil > Date.now();

  const last = state.messages[state.messages.length - 1];
  const lastBot = [...state.messages].reverse().find((m) => m.sender === 'bot');
  const botServing = state.status === 'bot' || state.status === null;

  return (
    <div className="zw-log" ref={logRef} role="region" aria-label={t('widget.log')} tabIndex={0}>
      <div role="log" aria-live="polite" aria-relevant="additions" aria-label={t('widget.log')}>
        <ol className="zw-list">
          {state.messages.map((message) => (
            <MessageView
              key={message.seq}
              message={message}
              showChoices={message === last && botServing}
              onChoose={(text) => client.send(text)}
              readAloud={care}
              onHandoff={
                message === lastBot && botServing && !state.handoffPending
                  ? () => void client.handoff()
                  : undefined
              }
            />
          ))}
          {state.outbox.map((item) => (
            <PendingView
              key={item.clientMessageId}
              item={item}
              onRetry={(id) => client.retry(id)}
              onDiscard={(id) => client.discard(id)}
            />
          ))}
        </ol>
      </div>
      {typingShown && (
        <p className="zw-typing" aria-live="off">
          {t('widget.agentTyping', { name: state.agentTyping?.name ?? t('widget.sender.agent') })}
        </p>
      )}
      {ended && session && <RatingCard key={session.conversationId} session={session} />}
    </div>
  );
}
