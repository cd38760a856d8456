// The console's top bar: brand, connection, the view tabs, presence, sound / desktop alerts, language, sign-out.
import { useSyncExternalStore, type KeyboardEvent } from 'react';
import { initialOf, LocaleSwitch } from '../shared/i18n.js';
import type { User } from '../shared/types.js';
import type { Alerts } from './alerts.js';
import type { Presence } from './api-types.js';
import type { AgentClient, ConsoleState } from './agent-client.js';
import { useI18n } from './messages.js';

export type ConsoleView = 'chats' | 'tickets' | 'complaints';
export const VIEWS: readonly ConsoleView[] = ['chats', 'tickets', 'complaints'];

export function ViewTabs({
  view,
  setView,
  counts,
}: {
  view: ConsoleView;
  setView: (view: ConsoleView) => void;
  counts: { chats: number; tickets: number; breaches: number };
}) {
  const { t } = useI18n();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length];
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const badge = (count: number, label: string, danger = false) =>
    count > 0 ? (
      <span className={`console-tab-count ${danger ? 'is-danger' : ''}`} aria-label={label}>
        {count}
      </span>
    ) : null;
  return (
    <div className="console-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v}
          id={`tab-${v}`}
          type="button"
          role="tab"
          aria-selected={view === v}
          aria-controls={`panel-${v}`}
          tabIndex={view === v ? 0 : -1}
          className="console-tab"
          onClick={() => setView(v)}
        >
          {t(`tabs.${v}`)}
          {v === 'chats' && badge(counts.chats, t('tabs.unread', { n: counts.chats }))}
          {v === 'tickets' && badge(counts.tickets, t('tabs.openTickets', { n: counts.tickets }))}
          {v === 'complaints' && badge(counts.breaches, t('tabs.breaches', { n: counts.breaches }), true)}
        </button>
      ))}
    </div>
  );
}

function AlertControls({ alerts }: { alerts: Alerts }) {
  const { t } = useI18n();
  const snapshot = useSyncExternalStore(alerts.subscribe, () => `${alerts.sound}|${alerts.permission}`);
  const [sound, permission] = snapshot.split('|');
  return (
    <div className="console-alerts">
      <button
        type="button"
        className="btn btn--small"
        aria-pressed={sound === 'true'}
        onClick={() => alerts.setSound(sound !== 'true')}
      >
        {sound === 'true' ? t('alerts.soundOn') : t('alerts.soundOff')}
      </button>
      {permission === 'default' && (
        <button type="button" className="btn btn--small" onClick={() => void alerts.requestPermission()}>
          {t('alerts.enableDesktop')}
        </button>
      )}
      {permission === 'denied' && <span className="console-alerts-note">{t('alerts.desktopDenied')}</span>}
    </div>
  );
}

export function ConsoleHeader({
  me,
  state,
  client,
  alerts,
  onLogout,
}: {
  me: User;
  state: ConsoleState;
  client: AgentClient;
  alerts: Alerts;
  onLogout: () => void;
}) {
  const { t, locale, setLocale } = useI18n();
  return (
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
        <AlertControls alerts={alerts} />
        <label className={`console-presence console-presence--${state.presence}`}>
          <span className="visually-hidden">{t('presence.label')}</span>
          <select
            value={state.presence}
            onChange={(event) => void client.setPresence(event.target.value as Presence)}
            aria-label={t('presence.label')}
          >
            <option value="online">{t('presence.online')}</option>
            <option value="away">{t('presence.away')}</option>
            <option value="offline">{t('presence.offline')}</option>
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
  );
}
