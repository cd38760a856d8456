// The agent console: sign-in, then queue + my conversations + the open conversation, all live.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { LoginForm, useAuth } from '../shared/auth.js';
import { initialOf, LocaleSwitch } from '../shared/i18n.js';
import type { User } from '../shared/types.js';
import { AgentClient, type Presence } from './agent-client.js';
import { ConversationList } from './conversation-list.js';
import { ConversationPane } from './conversation-pane.js';
import { useI18n } from './messages.js';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Workspace({ me, onLogout }: { me: User; onLogout: () => void }) {
  const { t, locale, setLocale } = useI18n();
  const [client] = useState(() => new AgentClient(me));
  const state = useSyncExternalStore(client.subscribe, client.getState);
  const now = useNow(1000);
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <div className="console">
      <header className="console-header">
        <div className="console-brand">
          <span className="console-logo" aria-hidden="true">
            智
          </span>
          <strong>智达客服</strong>
          <span className="console-brand-sub">{t('app.brand')}</span>
        </div>
        <span className={`console-conn console-conn--${state.connection}`} role="status">
          {state.connection === 'open' ? t('conn.open') : t('conn.connecting')}
        </span>
        <div className="console-user">
          <label className={`console-presence console-presence--${state.presence}`}>
            <span className="visually-hidden">{t('presence.label')}</span>
            <select
              value={state.presence}
              onChange={(event) => void client.setPresence(event.target.value as Presence)}
              aria-label={t('presence.label')}
            >
              <option value="online">{t('presence.online')}</option>
              <option value="away">{t('presence.away')}</option>
            </select>
          </label>
          <LocaleSwitch locale={locale} setLocale={setLocale} label={t('lang.label')} />
          <span className="console-avatar" aria-hidden="true">
            {initialOf(me.displayName)}
          </span>
          <span className="console-username">{me.displayName}</span>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => void client.signOff().finally(onLogout)}
          >
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <div className="console-body">
        <nav className="console-sidebar" aria-label={t('app.brand')}>
          <ConversationList
            id="queue"
            variant="queue"
            title={t('queue.title')}
            empty={t('queue.empty')}
            conversations={state.queue}
            selectedId={state.selectedId}
            onSelect={(id) => client.select(id)}
            now={now}
            unread={state.unread}
          />
          <ConversationList
            id="mine"
            variant="mine"
            title={t('mine.title')}
            empty={t('mine.empty')}
            conversations={state.mine}
            selectedId={state.selectedId}
            onSelect={(id) => client.select(id)}
            now={now}
            unread={state.unread}
          />
        </nav>
        <main className="console-main">
          <ConversationPane state={state} client={client} me={me} now={now} />
        </main>
      </div>
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
