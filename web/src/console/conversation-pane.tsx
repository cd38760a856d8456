// The open conversation: who and why, the transcript, accept / resolve, and the reply box.
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { newClientMessageId } from '../shared/api.js';
import { formatDuration } from '../shared/i18n.js';
import type { User } from '../shared/types.js';
import type { AgentClient, ConsoleState } from './agent-client.js';
import { customerName } from './conversation-list.js';
import { reasonText, useI18n } from './messages.js';
import { Transcript } from './transcript.js';

function ReplyBox({ client }: { client: AgentClient }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  // Kept until the reply is confirmed, so a retry after a failure cannot store it twice.
  const pendingId = useRef<string | null>(null);
  const send = async () => {
    if (sending || !text.trim()) return;
    setSending(true);
    pendingId.current ??= newClientMessageId();
    const ok = await client.reply(text, pendingId.current);
    setSending(false);
    if (ok) {
      pendingId.current = null;
      setText('');
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      void send();
    }
  };
  return (
    <form
      className="cp-reply"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor="cp-reply-input" className="visually-hidden">
        {t('reply.label')}
      </label>
      <textarea
        id="cp-reply-input"
        className="input"
        rows={3}
        value={text}
        placeholder={t('reply.placeholder')}
        onChange={(event) => {
          pendingId.current = null;
          setText(event.target.value);
          client.typing();
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="btn btn--primary" disabled={sending || !text.trim()}>
        {t('reply.send')}
      </button>
    </form>
  );
}

export function ConversationPane({
  state,
  client,
  me,
  now,
}: {
  state: ConsoleState;
  client: AgentClient;
  me: User;
  now: number;
}) {
  const { t, locale } = useI18n();
  const logRef = useRef<HTMLDivElement>(null);
  const open = state.open;
  useLayoutEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [open?.messages.length, open?.conversation.id]);

  if (!state.selectedId) {
    return (
      <section className="cp cp--empty" aria-labelledby="cp-empty-title">
        <div className="cp-empty-art" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="40" height="40">
            <path
              fill="currentColor"
              d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Z"
            />
          </svg>
        </div>
        <h2 id="cp-empty-title">{t('pane.empty.title')}</h2>
        <p>{t('pane.empty.text')}</p>
      </section>
    );
  }
  const errorText =
    state.error === 'taken'
      ? t('pane.taken')
      : state.error === 'load-failed'
        ? t('pane.loadFailed')
        : state.error === 'send-failed'
          ? t('reply.failed')
          : state.error === 'action-failed'
            ? t('action.failed')
            : null;
  if (!open) {
    return (
      <section className="cp cp--empty" aria-busy={state.loading}>
        {errorText ? (
          <p className="alert alert--error" role="alert">
            {errorText}
          </p>
        ) : (
          <p>{t('pane.loading')}</p>
        )}
      </section>
    );
  }
  const c = open.conversation;
  const mine = c.assignedAgent?.id === me.id;
  const canReply = mine && c.status === 'assigned';
  return (
    <section className="cp" aria-labelledby="cp-title" data-status={c.status}>
      <header className="cp-header">
        <div className="cp-who">
          <h2 id="cp-title">{customerName(c, t('customer.visitor'))}</h2>
          <p className="cp-facts">
            <span className={`badge badge--${c.status}`} data-testid="conversation-status">
              {t(`status.${c.status}`)}
            </span>
            {c.care && <span className="badge badge--care">{t('care.flag')}</span>}
            {c.handoffReason && (
              <span>{t('pane.handoffReason', { reason: reasonText(t, c.handoffReason) })}</span>
            )}
            {c.status === 'queued' && c.queuedAt && (
              <span>{t('list.waiting', { time: formatDuration(now - Date.parse(c.queuedAt), locale) })}</span>
            )}
            {c.assignedAgent && <span>{t('pane.assignedTo', { agent: c.assignedAgent.displayName })}</span>}
            {c.customer?.phone && <span>{t('pane.phone', { phone: c.customer.phone })}</span>}
          </p>
        </div>
        <div className="cp-actions">
          {c.status === 'queued' && (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void client.accept()}
              disabled={state.busy !== null}
            >
              {state.busy === 'accept' ? t('pane.accepting') : t('pane.accept')}
            </button>
          )}
          {canReply && (
            <button
              type="button"
              className="btn btn--danger"
              onClick={() => void client.resolve()}
              disabled={state.busy !== null}
            >
              {t('pane.resolve')}
            </button>
          )}
        </div>
      </header>
      {errorText && (
        <p className="alert alert--error cp-alert" role="alert">
          {errorText}
        </p>
      )}
      <div
        className="cp-log"
        ref={logRef}
        role="log"
        aria-live="polite"
        aria-label={t('pane.transcript')}
        tabIndex={0}
      >
        <Transcript messages={open.messages} myName={me.displayName} />
        {(state.typingUntil[c.id] ?? 0) > now && (
          <p className="cp-typing" aria-live="off">
            {t('pane.typing')}
          </p>
        )}
      </div>
      {canReply ? (
        <ReplyBox key={c.id} client={client} />
      ) : (
        <p className="cp-hint">
          {c.status === 'queued'
            ? t('pane.acceptHint')
            : c.status === 'resolved' || c.status === 'closed'
              ? t('pane.resolved')
              : t('pane.readonly')}
        </p>
      )}
    </section>
  );
}
