// The customer chat widget: a launcher button and the chat panel it opens.
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { LocaleSwitch } from '../shared/i18n.js';
import { Composer } from './composer.js';
import { ConversationClient } from './conversation-client.js';
import { MessageView, PendingView } from './message-view.js';
import { useI18n } from './messages.js';
import { StatusBanner } from './status-banner.js';

export function ChatWidget({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t, locale, setLocale } = useI18n();
  const [client] = useState(() => new ConversationClient(locale));
  const state = useSyncExternalStore(client.subscribe, client.getState);
  const [open, setOpen] = useState(defaultOpen);
  const [seenCount, setSeenCount] = useState(0);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const launcherRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) void client.start();
  }, [open, client]);
  useEffect(() => () => client.stop(), [client]);

  const incoming = state.messages.filter((m) => m.sender !== 'customer').length;
  useEffect(() => {
    if (open) setSeenCount(incoming);
  }, [open, incoming]);
  const unread = open ? 0 : Math.max(0, incoming - seenCount);

  // Keep the newest message in view.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [state.messages.length, state.outbox.length, open, state.status]);

  const toggle = (next: boolean) => {
    setOpen(next);
    requestAnimationFrame(() => (next ? inputRef.current?.focus() : launcherRef.current?.focus()));
  };

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
  const ready = state.phase === 'ready';
  const notice =
    state.notice === 'send-retrying'
      ? t('widget.sendRetrying')
      : state.notice === 'handoff-failed'
        ? t('widget.handoffFailed')
        : null;

  return (
    <div className="zw" data-phase={state.phase}>
      <section
        id="zhida-chat"
        className="zw-panel"
        aria-labelledby="zw-title"
        hidden={!open}
        onKeyDown={(event) => event.key === 'Escape' && toggle(false)}
      >
        <header className="zw-header">
          <span className="zw-header-logo" aria-hidden="true">
            智
          </span>
          <div className="zw-header-text">
            <h2 id="zw-title">{t('widget.title')}</h2>
            <p>{t('widget.subtitle')}</p>
          </div>
          <button
            type="button"
            className="zw-human"
            onClick={() => void client.handoff()}
            disabled={!ready || state.handoffPending}
            title={t('widget.human.hint')}
          >
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
              <path
                fill="currentColor"
                d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 2c-3.3 0-8 1.7-8 5v1h16v-1c0-3.3-4.7-5-8-5Z"
              />
            </svg>
            {t('widget.human')}
          </button>
          <button
            type="button"
            className="zw-icon-button"
            onClick={() => toggle(false)}
            aria-label={t('widget.close')}
          >
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path fill="currentColor" d="M5 11h14v2H5z" />
            </svg>
          </button>
        </header>
        <StatusBanner
          status={state.status}
          queuePosition={state.queuePosition}
          agentName={state.agentName}
          queueInfo={state.queueInfo}
        />
        {ready && state.connection === 'connecting' && (
          <p className="zw-connection" role="status">
            {t('widget.reconnecting')}
          </p>
        )}
        <div
          className="zw-log"
          ref={logRef}
          role="log"
          aria-live="polite"
          aria-label={t('widget.log')}
          tabIndex={0}
        >
          <ol className="zw-list">
            {state.messages.map((message) => (
              <MessageView
                key={message.seq}
                message={message}
                showChoices={message === last && (state.status === 'bot' || state.status === null)}
                onChoose={(text) => client.send(text)}
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
          {typingShown && (
            <p className="zw-typing" aria-live="off">
              {t('widget.agentTyping', { name: state.agentTyping?.name ?? t('widget.sender.agent') })}
            </p>
          )}
        </div>
        {state.phase === 'starting' && <p className="zw-notice">{t('widget.starting')}</p>}
        {state.phase === 'failed' && (
          <p className="zw-notice zw-notice--error" role="alert">
            {t('widget.startFailed')}{' '}
            <button type="button" className="zw-link" onClick={() => void client.start()}>
              {t('widget.retry')}
            </button>
          </p>
        )}
        {notice && (
          <p className="zw-notice zw-notice--warn" role="alert">
            {notice}
          </p>
        )}
        <Composer
          onSend={(text) => client.send(text)}
          onTyping={() => client.typing()}
          disabled={!ready}
          inputRef={inputRef}
        />
        <footer className="zw-footer">
          <span>
            Powered by <strong>智达客服</strong>
          </span>
          <LocaleSwitch locale={locale} setLocale={setLocale} label={t('lang.label')} />
        </footer>
      </section>
      <button
        ref={launcherRef}
        type="button"
        className={`zw-launcher ${open ? 'is-open' : ''}`}
        aria-expanded={open}
        aria-controls="zhida-chat"
        aria-label={open ? t('widget.launcher.close') : t('widget.launcher.open')}
        onClick={() => toggle(!open)}
      >
        <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
          {open ? (
            <path fill="currentColor" d="m7.4 8.6 4.6 4.6 4.6-4.6L18 10l-6 6-6-6z" />
          ) : (
            <path
              fill="currentColor"
              d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Zm3 6a1.2 1.2 0 1 0 0 2.4A1.2 1.2 0 0 0 7 10Zm5 0a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4Zm5 0a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4Z"
            />
          )}
        </svg>
        {unread > 0 && (
          <span className="zw-unread" aria-label={`${unread}`}>
            {unread}
          </span>
        )}
      </button>
    </div>
  );
}
