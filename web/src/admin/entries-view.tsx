// Entries of the draft KB: the searchable list beside the editor. Every save makes a draft version.
import { useMemo, useState } from 'react';
import { request } from '../shared/api.js';
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

  const categories = useMemo(
    () => [...new Set(kb.entries.map((e) => e.category).filter((c): c is string => !!c))].sort(),
    [kb],
  );
  const entry = kb.entries.find((e) => e.id === selected) ?? null;

  const open = (id: string | null) => {
    setSelected(id);
    setEditorKey((k) => k + 1);
    setFlash(null);
  };

  const save = async (input: EntryInput, isNew: boolean) => {
    const result = isNew
      ? await request<{ entry: AdminEntry; version: number }>('/api/admin/kb/entries', {
          method: 'POST',
          body: input,
        })
      : await request<{ entry: AdminEntry; version: number }>(
          `/api/admin/kb/entries/${encodeURIComponent(input.id ?? '')}`,
          { method: 'PUT', body: input },
        );
    await reload();
    open(result.entry.id);
    setFlash(t('editor.saved', { version: result.version }));
  };

  const remove = async (target: AdminEntry) => {
    const result = await request<{ version: number }>(
      `/api/admin/kb/entries/${encodeURIComponent(target.id)}`,
      { method: 'DELETE' },
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
