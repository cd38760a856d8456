// The admin console: sign-in (admin role), then four sections — knowledge base (entries, versions, publish,
// regression cases, files), learning loop, customer profiles and the insights dashboard.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { request } from '../shared/api.js';
import { LoginForm, useAuth } from '../shared/auth.js';
import { LocaleSwitch } from '../shared/i18n.js';
import type { User } from '../shared/types.js';
import type { AdminKb } from './admin-types.js';
import { CustomersTab } from './customers-tab.js';
import { KbTab } from './kb-tab.js';
import { LearningTab } from './learning-tab.js';
import { useI18n, type AdminKey } from './messages.js';
import { SECTIONS, useHashRoute, type Section } from './use-hash-route.js';

// ECharts is big: the dashboard loads it only when opened.
const InsightsTab = lazy(() => import('./insights-tab.js'));

const SECTION_LABEL: Record<Section, AdminKey> = {
  kb: 'nav.kb',
  learning: 'nav.learning',
  customers: 'nav.customers',
  insights: 'nav.insights',
};

export interface KbState {
  kb: AdminKb;
  reload: () => Promise<void>;
}

function AdminShell({ me, onLogout }: { me: User; onLogout: () => void }) {
  const { t, locale, setLocale } = useI18n();
  const [route, go] = useHashRoute();
  const [kb, setKb] = useState<AdminKb | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);

  const reload = useCallback(async () => {
    setLoadFailed(false);
    try {
      setKb(await request<AdminKb>('/api/admin/kb'));
    } catch {
      setLoadFailed(true);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    document.title = `${t(SECTION_LABEL[route.section])} · ${t('app.title')}`;
  }, [t, route.section]);

  const unpublished = kb !== null && kb.version !== kb.publishedVersion;

  return (
    <div className="admin">
      <header className="admin-header">
        <div className="admin-brand">
          <span className="admin-logo" aria-hidden="true">
            智
          </span>
          <strong>智达客服</strong>
          <span className="admin-brand-sub">{t('app.brand')}</span>
        </div>
        <nav className="admin-nav" aria-label={t('nav.label')}>
          {SECTIONS.map((section) => (
            <a
              key={section}
              href={`#/${section}`}
              aria-current={route.section === section ? 'page' : undefined}
              className={route.section === section ? 'is-active' : undefined}
            >
              {t(SECTION_LABEL[section])}
            </a>
          ))}
        </nav>
        <div className="admin-user">
          <LocaleSwitch locale={locale} setLocale={setLocale} label={t('lang.label')} />
          <span>{me.displayName}</span>
          <button type="button" className="btn btn--small" onClick={onLogout}>
            {t('auth.logout')}
          </button>
        </div>
      </header>
      {kb && (
        <div className="admin-kbbar">
          <span className="admin-kb-name">{kb.name}</span>
          <span className="badge badge--bot" data-testid="kb-version">
            {t('kb.version', { version: kb.version })}
          </span>
          <span className="badge badge--live" data-testid="kb-live">
            {kb.publishedVersion ? t('kb.live', { version: kb.publishedVersion }) : t('kb.noLive')}
          </span>
          {unpublished && (
            <a className="admin-kbbar-pending" href="#/kb/publish">
              {t('kb.unpublished')}
            </a>
          )}
        </div>
      )}
      {loadFailed && (
        <p className="alert alert--error admin-alert" role="alert">
          {t('kb.loadFailed')}{' '}
          <button type="button" className="btn btn--small" onClick={() => void reload()}>
            {t('kb.retry')}
          </button>
        </p>
      )}
      {kb && route.section === 'kb' && (
        <KbTab kb={kb} reload={reload} sub={route.sub} go={(sub) => go('kb', sub)} />
      )}
      {kb && route.section === 'learning' && (
        <LearningTab
          kb={kb}
          reload={reload}
          sub={route.sub}
          openEntry={(id) => go('kb', `entries/${encodeURIComponent(id)}`)}
        />
      )}
      {route.section === 'customers' && <CustomersTab />}
      {route.section === 'insights' && (
        <Suspense fallback={<p className="admin-loading">{t('auth.loading')}</p>}>
          <InsightsTab />
        </Suspense>
      )}
    </div>
  );
}

export function AdminApp() {
  const { t } = useI18n();
  const { state, login, logout } = useAuth();
  if (state.phase === 'loading') return <p className="admin-loading">{t('auth.loading')}</p>;
  if (state.phase === 'anonymous') {
    return <LoginForm title={t('login.title')} subtitle={t('login.subtitle')} t={t} onLogin={login} />;
  }
  if (state.user.role !== 'admin') {
    return (
      <main className="login">
        <div className="login-card" role="alert">
          <h1>{t('forbidden.title')}</h1>
          <p className="login-subtitle">{t('forbidden.text', { name: state.user.displayName })}</p>
          <button type="button" className="btn" onClick={() => void logout()}>
            {t('auth.logout')}
          </button>
        </div>
      </main>
    );
  }
  return <AdminShell key={state.user.id} me={state.user} onLogout={() => void logout()} />;
}
