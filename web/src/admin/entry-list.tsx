// The searchable, filterable list of knowledge-base entries.
import type { AdminEntry } from './admin-types.js';
import { useI18n } from './messages.js';

export function matches(entry: AdminEntry, query: string, category: string): boolean {
  if (category && (entry.category ?? '') !== category) return false;
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [
    entry.id,
    entry.title,
    entry.answer,
    entry.category ?? '',
    ...entry.questions,
    ...(entry.tags ?? []),
  ].some((text) => text.toLowerCase().includes(q));
}

export function EntryList({
  entries,
  pendingRemovals,
  categories,
  query,
  category,
  selectedId,
  onQuery,
  onCategory,
  onSelect,
  onNew,
}: {
  entries: AdminEntry[];
  pendingRemovals: string[];
  categories: string[];
  query: string;
  category: string;
  selectedId: string | null;
  onQuery: (value: string) => void;
  onCategory: (value: string) => void;
  onSelect: (id: string) => void;
  onNew: () => void;
}) {
  const { t } = useI18n();
  const shown = entries.filter((e) => matches(e, query, category));
  const drafts = entries.filter((e) => e.status === 'draft').length;
  return (
    <section className="al" aria-labelledby="al-title">
      <h2 id="al-title" className="visually-hidden">
        {t('list.title')}
      </h2>
      <div className="al-tools">
        <label className="visually-hidden" htmlFor="al-search">
          {t('list.searchLabel')}
        </label>
        <input
          id="al-search"
          className="input"
          type="search"
          placeholder={t('list.search')}
          value={query}
          onChange={(event) => onQuery(event.target.value)}
        />
        <div className="al-row">
          <label className="visually-hidden" htmlFor="al-category">
            {t('list.category')}
          </label>
          <select
            id="al-category"
            className="input"
            value={category}
            onChange={(event) => onCategory(event.target.value)}
          >
            <option value="">{t('list.allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn--primary" onClick={onNew}>
            + {t('list.new')}
          </button>
        </div>
      </div>
      <p className="al-count" aria-live="polite">
        {t('kb.count', { count: shown.length })}
        {drafts > 0 && ` · ${t('list.drafts', { count: drafts })}`}
        {pendingRemovals.length > 0 && ` · ${t('list.pendingRemovals', { count: pendingRemovals.length })}`}
      </p>
      {shown.length === 0 ? (
        <p className="al-empty">{t('list.empty')}</p>
      ) : (
        <ul className="al-items">
          {shown.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className={`al-item ${entry.id === selectedId ? 'is-selected' : ''}`}
                aria-current={entry.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(entry.id)}
                data-entry-id={entry.id}
              >
                <span className="al-item-head">
                  <span className="al-item-title">{entry.title}</span>
                  <StatusBadge status={entry.status} />
                </span>
                <span className="al-item-meta">
                  <span className="badge" data-role="category">
                    {entry.category || t('list.uncategorised')}
                  </span>
                  <span>{t('list.questions', { count: entry.questions.length })}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function StatusBadge({ status }: { status?: AdminEntry['status'] }) {
  const { t } = useI18n();
  if (!status) return null;
  return (
    <span className={`status status--${status}`} data-status={status}>
      {t(status === 'draft' ? 'status.draft' : 'status.published')}
    </span>
  );
}
