// Entries of the draft KB: the searchable list beside the editor. Every save makes a draft version.
import { useMemo, useState } from 'react';
import { ApiError, request } from '../shared/api.js';
import type { AdminEntry, AdminKb } from './admin-types.js';
import { EntryEditor, type EntryInput } from './entry-editor.js';
import { EntryList } from './entry-list.js';
import { useI18n } from './messages.js';

export function EntriesView({
  kb,
  reload,
  initialId,
}: {
  kb: AdminKb;
  reload: () => Promise<void>;
  initialId: string | null;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [selected, setSelected] = useState<string | null>(() =>
    initialId !== null && kb.entries.some((e) => e.id === initialId) ? initialId : null,
  );
  const [editorKey, setEditorKey] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  // The revision of the copy the editor opened (sent as If-Match, so another admin's change made
  // meanwhile is not overwritten unseen), and whether a save was just refused for that reason.
  const [base, setBase] = useState(() => kb.entries.find((e) => e.id === selected)?.revision);
  const [stale, setStale] = useState(false);

  const categories = useMemo(
    () => [...new Set(kb.entries.map((e) => e.category).filter((c): c is string => !!c))].sort(),
    [kb],
  );
  const entry = kb.entries.find((e) => e.id === selected) ?? null;

  const open = (id: string | null, revision = kb.entries.find((e) => e.id === id)?.revision) => {
    setSelected(id);
    setEditorKey((k) => k + 1);
    setFlash(null);
    setBase(revision);
    setStale(false);
  };

  /**
   * A save or delete refused because someone changed the entry after this editor opened it: the list
   * reloads, the editor keeps this admin's text, and the next save knowingly replaces the other change.
   */
  const guarded = async <T,>(send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PRECONDITION_FAILED') {
        setBase((error.details as { revision?: string } | undefined)?.revision);
        setStale(true);
        await reload();
      }
      throw error;
    }
  };
  const ifMatch = base ? { 'if-match': `"${base}"` } : undefined;

  const save = async (input: EntryInput, isNew: boolean) => {
    const result = await guarded(() =>
      isNew
        ? request<{ entry: AdminEntry; version: number; revision: string }>('/api/admin/kb/entries', {
            method: 'POST',
            body: input,
          })
        : request<{ entry: AdminEntry; version: number; revision: string }>(
            `/api/admin/kb/entries/${encodeURIComponent(input.id ?? '')}`,
            { method: 'PUT', body: input, headers: ifMatch },
          ),
    );
    await reload();
    open(result.entry.id, result.revision);
    setFlash(t('editor.saved', { version: result.version }));
  };

  const remove = async (target: AdminEntry) => {
    const result = await guarded(() =>
      request<{ version: number }>(`/api/admin/kb/entries/${encodeURIComponent(target.id)}`, {
        method: 'DELETE',
        headers: ifMatch,
      }),
    );
    await reload();
    open(null);
    setFlash(t('editor.deleted', { version: result.version }));
  };

  return (
    <div className="admin-body">
      <EntryList
        entries={kb.entries}
        pendingRemovals={kb.pendingRemovals}
        categories={categories}
        query={query}
        category={category}
        selectedId={selected}
        onQuery={setQuery}
        onCategory={setCategory}
        onSelect={open}
        onNew={() => open('')}
      />
      <main className="admin-main" id="main">
        {flash && (
          <p className="alert alert--success" role="status">
            {flash}{' '}
            <a href="#/kb/publish" className="alert-link">
              {t('editor.goPublish')}
            </a>
          </p>
        )}
        {stale && selected && (
          <p className="alert alert--info" role="alert">
            {t('editor.stale')}{' '}
            <button type="button" className="btn btn--small" onClick={() => open(selected)}>
              {t('editor.loadLatest')}
            </button>
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
  );
}
