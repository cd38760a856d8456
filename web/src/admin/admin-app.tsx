// The admin console: sign-in (admin role), then the knowledge base — search, filter, edit, create, delete.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { request } from '../shared/api.js';
import { LoginForm, useAuth } from '../shared/auth.js';
import { LocaleSwitch } from '../shared/i18n.js';
import type { KbEntry, KbListing, User } from '../shared/types.js';
import { EntryEditor, type EntryInput } from './entry-editor.js';
import { EntryList } from './entry-list.js';
import { useI18n } from './messages.js';

function KnowledgeBase({ me, onLogout }: { me: User; onLogout: () => void }) {
  const { t, locale, setLocale } = useI18n();
  const [kb, setKb] = useState<KbListing | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadFailed(false);
    try {
      setKb(await request<KbListing>('/api/admin/kb'));
    } catch {
      setLoadFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const categories = useMemo(
    () => [...new Set((kb?.entries ?? []).map((e) => e.category).filter((c): c is string => !!c))].sort(),
    [kb],
  );
  const entry = kb?.entries.find((e) => e.id === selected) ?? null;

  const open = (id: string | null) => {
    setSelected(id);
    setEditorKey((k) => k + 1);
    setFlash(null);
  };

  const save = async (input: EntryInput, isNew: boolean) => {
    const result = isNew
      ? await request<{ entry: KbEntry; version: number }>('/api/admin/kb/entries', {
          method: 'POST',
          body: input,
        })
      : await request<{ entry: KbEntry; version: number }>(
          `/api/admin/kb/entries/${encodeURIComponent(input.id ?? '')}`,
          { method: 'PUT', body: input },
        );
    setKb((current) =>
      current
        ? {
            ...current,
            version: result.version,
            entries: isNew
              ? [...current.entries, result.entry]
              : current.entries.map((e) => (e.id === result.entry.id ? result.entry : e)),
          }
        : current,
    );
    open(result.entry.id);
    setFlash(t('editor.saved', { version: result.version }));
  };

  const remove = async (target: KbEntry) => {
    const result = await request<{ version: number }>(
      `/api/admin/kb/entries/${encodeURIComponent(target.id)}`,
      {
        method: 'DELETE',
      },
    );
    setKb((current) =>
      current
        ? { ...current, version: result.version, entries: current.entries.filter((e) => e.id !== target.id) }
        : current,
    );
    open(null);
    setFlash(t('editor.deleted', { version: result.version }));
  };

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
        {kb && (
          <div className="admin-kb">
            <span className="admin-kb-name">{kb.name}</span>
            <span className="badge badge--bot" data-testid="kb-version">
              {t('kb.version', { version: kb.version })}
            </span>
          </div>
        )}
        <div className="admin-user">
          <LocaleSwitch locale={locale} setLocale={setLocale} label={t('lang.label')} />
          <span>{me.displayName}</span>
          <button type="button" className="btn btn--small" onClick={onLogout}>
            {t('auth.logout')}
          </button>
        </div>
      </header>
      {loadFailed && (
        <p className="alert alert--error admin-alert" role="alert">
          {t('kb.loadFailed')}{' '}
          <button type="button" className="btn btn--small" onClick={() => void load()}>
            {t('kb.retry')}
          </button>
        </p>
      )}
      {kb && (
        <div className="admin-body">
          <EntryList
            entries={kb.entries}
            categories={categories}
            query={query}
            category={category}
            selectedId={selected}
            onQuery={setQuery}
            onCategory={setCategory}
            onSelect={open}
            onNew={() => open('')}
          />
          <main className="admin-main">
            {flash && (
              <p className="alert alert--success" role="status">
                {flash}
              </p>
            )}
            {selected === null ? (
              <div className="admin-empty">
                <h2>{t('editor.empty.title')}</h2>
                <p>{t('editor.empty.text')}</p>
              </div>
            ) : (
              <EntryEditor
                key={editorKey}
                entry={selected === '' ? null : entry}
                categories={categories}
                onSave={save}
                onDelete={remove}
              />
            )}
          </main>
        </div>
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
  return <KnowledgeBase key={state.user.id} me={state.user} onLogout={() => void logout()} />;
}
