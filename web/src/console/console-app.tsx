// The agent console: sign-in, then three views — chats (queue, my conversations, the open conversation,
// all live), callback tickets (留言工单) and complaint tickets with SLA clocks (投诉工单).
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { LoginForm, useAuth } from '../shared/auth.js';
import type { User } from '../shared/types.js';
import { AgentClient, type ConsoleAlert } from './agent-client.js';
import { Alerts } from './alerts.js';
import type { BreachItem, CallbackTicket } from './api-types.js';
import { ComplaintsView } from './complaints-view.js';
import { ConsoleHeader, ViewTabs, type ConsoleView } from './console-header.js';
import { ConversationList, customerName } from './conversation-list.js';
import { ConversationPane } from './conversation-pane.js';
import { useI18n, type ConsoleKey } from './messages.js';
import { RatingSummary } from './rating-summary.js';
import { TicketsView } from './tickets-view.js';
import { useResource } from './use-resource.js';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const ALERT_TITLE: Record<ConsoleAlert['kind'], ConsoleKey> = {
  queued: 'alerts.queued',
  assigned: 'alerts.assigned',
  message: 'alerts.message',
};

/**
 * The sidebar's two lists, in order. Each name is at once the list's id and variant, the prefix of its
 * title and empty texts, and the ConsoleState field it shows; one map keeps the two lists from drifting apart.
 */
const SIDEBAR_LISTS = ['queue', 'mine'] as const;

/**
 * One view's tab panel. Its id and label are the other half of the tab / panel pairing that ViewTabs
 * writes (tab-<view> controls panel-<view>); a hidden panel stays in the document.
 */
function ViewPanel({
  view,
  current,
  className,
  children,
}: {
  view: ConsoleView;
  current: ConsoleView;
  className: string;
  children: ReactNode;
}) {
  return (
    <div
      id={`panel-${view}`}
      role="tabpanel"
      aria-labelledby={`tab-${view}`}
      className={className}
      hidden={view !== current}
    >
      {children}
    </div>
  );
}

function Workspace({ me, onLogout }: { me: User; onLogout: () => void }) {
  const { t } = useI18n();
  const [view, setView] = useState<ConsoleView>('chats');
  const [alerts] = useState(() => new Alerts());
  // The alert callback outlives renders: it reads the current language through a ref.
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);
  const [client] = useState(
    () =>
      new AgentClient(me, (alert) => {
        const tr = tRef.current;
        alerts.beep();
        const who = customerName(alert.conversation, tr('customer.visitor'));
        const body = alert.kind === 'message' ? `${who}：${alert.message.text}` : who;
        alerts.notify(tr(ALERT_TITLE[alert.kind]), body, `${alert.kind}-${alert.conversation.id}`, () => {
          setView('chats');
          client.select(alert.conversation.id);
        });
      }),
  );
  const state = useSyncExternalStore(client.subscribe, client.getState);
  const now = useNow(1000);
  const tickets = useResource<{ tickets: CallbackTicket[] }>('/api/agent/tickets?status=open', 30_000);
  const breaches = useResource<{ breaches: BreachItem[] }>('/api/agent/complaints/breaches', 30_000);
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const unreadTotal = useMemo(() => Object.values(state.unread).reduce((a, b) => a + b, 0), [state.unread]);
  useEffect(() => {
    document.title = unreadTotal > 0 ? `(${unreadTotal}) ${t('app.title')}` : t('app.title');
  }, [t, unreadTotal]);
  const openChat = (id: string) => {
    setView('chats');
    client.select(id);
  };
  return (
    <div className="console">
      <a className="skip-link" href="#console-main">
        {t('skip.main')}
      </a>
      <ConsoleHeader me={me} state={state} client={client} alerts={alerts} onLogout={onLogout} />
      <nav className="console-nav" aria-label={t('tabs.label')}>
        <ViewTabs
          view={view}
          setView={setView}
          counts={{
            chats: unreadTotal,
            tickets: tickets.data?.tickets.length ?? 0,
            breaches: breaches.data?.breaches.length ?? 0,
          }}
        />
      </nav>
      <main id="console-main" className="console-views" tabIndex={-1}>
        <ViewPanel view="chats" current={view} className="console-body">
          <nav className="console-sidebar" aria-label={t('sidebar.label')}>
            {SIDEBAR_LISTS.map((list) => (
              <ConversationList
                key={list}
                id={list}
                variant={list}
                title={t(`${list}.title`)}
                empty={t(`${list}.empty`)}
                conversations={state[list]}
                selectedId={state.selectedId}
                onSelect={(id) => client.select(id)}
                now={now}
                unread={state.unread}
              />
            ))}
            <RatingSummary me={me} />
          </nav>
          <div className="console-main">
            <ConversationPane
              state={state}
              client={client}
              me={me}
              now={now}
              onComplaintOpened={() => void breaches.reload()}
            />
          </div>
        </ViewPanel>
        <ViewPanel view="tickets" current={view} className="console-page">
          {view === 'tickets' && (
            <TicketsView onOpenChat={openChat} onChanged={() => void tickets.reload()} />
          )}
        </ViewPanel>
        <ViewPanel view="complaints" current={view} className="console-page">
          {view === 'complaints' && (
            <ComplaintsView now={now} onOpenChat={openChat} onChanged={() => void breaches.reload()} />
          )}
        </ViewPanel>
      </main>
    </div>
  );
}

export function ConsoleApp() {
  const { t } = useI18n();
  const { state, login, logout } = useAuth();
  if (state.phase === 'loading') return <p className="console-loading">{t('auth.loading')}</p>;
  if (state.phase === 'anonymous') {
    return <LoginForm title={t('login.title')} subtitle={t('login.subtitle')} t={t} onLogin={login} />;
  }
  return <Workspace key={state.user.id} me={state.user} onLogout={() => void logout()} />;
}
