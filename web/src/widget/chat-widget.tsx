// The customer chat widget: a launcher button and the chat panel it opens. The panel has the care-mode
// switch on its first screen, the always-visible 人工客服 button, the queue actions, and in-place screens
// (never pop-ups) for complaints and chat records.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { LocaleSwitch } from '../shared/i18n.js';
import { useCareMode } from './care-mode.js';
import { ChatLog } from './chat-log.js';
import { ComplaintView } from './complaint-view.js';
import { Composer } from './composer.js';
import { ConversationClient } from './conversation-client.js';
import { HumanButton } from './human-button.js';
import { useI18n } from './messages.js';
import { QueueActions } from './queue-actions.js';
import { RecordsView } from './records-view.js';
import { ServiceView } from './service-view.js';
import { adoptLinkSession } from './session.js';
import { StatusBanner } from './status-banner.js';
import { WidgetToolbar, type WidgetView } from './widget-toolbar.js';

export function ChatWidget({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t, locale, setLocale } = useI18n();
  const [care, setCare] = useCareMode();
  const [client] = useState(() => {
    // Opened through a conversation's link: resume that conversation.
    adoptLinkSession();
    return new ConversationClient(locale);
  });
  const state = useSyncExternalStore(client.subscribe, client.getState);
  const [open, setOpen] = useState(defaultOpen);
  const [view, setView] = useState<WidgetView>('chat');
  const [seenCount, setSeenCount] = useState(0);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const launcherRef = useRef<HTMLButtonElement>(null);

  useEffect(() => client.setCare(care), [client, care]);
  useEffect(() => {
    if (open) void client.start();
  }, [open, client]);
  useEffect(() => () => client.stop(), [client]);

  const incoming = state.messages.filter((m) => m.sender !== 'customer').length;
  useEffect(() => {
    if (open) setSeenCount(incoming);
  }, [open, incoming]);
  const unread = open ? 0 : Math.max(0, incoming - seenCount);

  const toggle = (next: boolean) => {
    setOpen(next);
    requestAnimationFrame(() => (next ? inputRef.current?.focus() : launcherRef.current?.focus()));
  };
  const backToChat = () => {
    setView('chat');
    requestAnimationFrame(() => inputRef.current?.focus());
  };
  const handoff = () => {
    setView('chat');
    void client.handoff();
  };

  const ready = state.phase === 'ready';
  const session = client.getSession();
  const notice =
    state.notice === 'send-retrying'
      ? t('widget.sendRetrying')
      : state.notice === 'handoff-failed'
        ? t('widget.handoffFailed')
        : state.notice === 'leave-failed'
          ? t('queue.leaveFailed')
          : null;
  const humanDisabled = !ready || state.handoffPending;

  return (
    <div className={`zw ${care ? 'zw--care' : ''}`} data-phase={state.phase} data-care={care ? 'on' : 'off'}>
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
          {!care && <HumanButton onClick={handoff} disabled={humanDisabled} />}
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
        <WidgetToolbar care={care} onCare={setCare} view={view} onView={setView} servicesReady={!!session} />
        {view === 'chat' || !session ? (
          <>
            <StatusBanner
              status={state.status}
              queuePosition={state.queuePosition}
              agentName={state.agentName}
              queueInfo={state.queueInfo}
            />
            <QueueActions
              status={state.status}
              queueInfo={state.queueInfo}
              busy={state.handoffPending}
              callbackTicket={state.callbackTicket}
              messages={state.messages}
              onLeave={() => void client.leaveQueue()}
              onCallback={(input) => client.requestCallback(input)}
            />
            {ready && state.connection === 'connecting' && (
              <p className="zw-connection" role="status">
                {t('widget.reconnecting')}
              </p>
            )}
            <ChatLog client={client} state={state} care={care} open={open} />
          </>
        ) : (
          <ServiceView
            title={view === 'complaint' ? t('complaint.title') : t('records.title')}
            onBack={backToChat}
          >
            {view === 'complaint' ? <ComplaintView session={session} /> : <RecordsView session={session} />}
          </ServiceView>
        )}
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
        {care && <HumanButton onClick={handoff} disabled={humanDisabled} large />}
        {view === 'chat' && (
          <Composer
            onSend={(text) => client.send(text)}
            onTyping={() => client.typing()}
            disabled={!ready}
            inputRef={inputRef}
          />
        )}
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
