// 投诉工单: the complaint tickets with their SLA clocks (time left, at-risk / breached in red), the list of
// breaches, filters (open / mine / breached), and one ticket's detail beside the list.
import { useState } from 'react';
import type { BreachItem, Complaint } from './api-types.js';
import { ComplaintDetail } from './complaint-detail.js';
import { formatDateTime, formatSpan, shortId } from './format.js';
import { categoryText, useI18n } from './messages.js';
import { SlaClockView } from './sla-clock.js';
import { useResource } from './use-resource.js';

const FILTERS = {
  open: 'new,in_progress,waiting_customer',
  all: '',
  resolved: 'resolved,closed',
} as const;
type Filter = keyof typeof FILTERS;

function BreachList({ items, onSelect }: { items: BreachItem[]; onSelect: (id: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <section
      className={`breaches ${items.length > 0 ? 'has-breaches' : ''}`}
      aria-labelledby="breaches-title"
    >
      <h3 id="breaches-title">
        {t('breaches.title')}
        <span className="breaches-count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="breaches-none">{t('breaches.none')}</p>
      ) : (
        <ul>
          {items.map(({ complaint, breaches }) => (
            <li key={complaint.id} data-complaint-id={complaint.id}>
              <button type="button" className="breach-item" onClick={() => onSelect(complaint.id)}>
                <strong>
                  {categoryText(t, complaint.category)} · #{shortId(complaint.id)}
                </strong>
                {breaches.map((b) => (
                  <span key={b.clock} className="breach-clock">
                    {t('breaches.overdue', {
                      clock: t(b.clock === 'first_response' ? 'sla.firstResponse' : 'sla.resolution'),
                      time: formatSpan(b.overdueMs, locale),
                    })}
                  </span>
                ))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ComplaintsView({
  now,
  onOpenChat,
  onChanged,
}: {
  now: number;
  onOpenChat: (id: string) => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const [mineOnly, setMineOnly] = useState(false);
  const [breachedOnly, setBreachedOnly] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const query = new URLSearchParams();
  if (FILTERS[filter]) query.set('status', FILTERS[filter]);
  if (mineOnly) query.set('assignee', 'me');
  if (breachedOnly) query.set('breached', '1');
  const list = useResource<{ complaints: Complaint[] }>(`/api/agent/complaints?${query}`, 30_000);
  const breaches = useResource<{ breaches: BreachItem[] }>('/api/agent/complaints/breaches', 30_000);
  const refresh = () => {
    void list.reload();
    void breaches.reload();
    onChanged();
  };
  const complaints = list.data?.complaints ?? [];
  return (
    <div className="complaints">
      <section className="complaints-list" aria-labelledby="complaints-title">
        <header className="page-head">
          <h2 id="complaints-title">{t('complaints.title')}</h2>
          <button type="button" className="btn btn--small" onClick={refresh}>
            {t('common.refresh')}
          </button>
        </header>
        <BreachList items={breaches.data?.breaches ?? []} onSelect={setSelected} />
        <div className="complaints-filters">
          <span className="field field--inline">
            <label htmlFor="complaints-filter">{t('complaints.filter')}</label>
            <select
              id="complaints-filter"
              className="input"
              value={filter}
              onChange={(e) => setFilter(e.target.value as Filter)}
            >
              {(Object.keys(FILTERS) as Filter[]).map((f) => (
                <option key={f} value={f}>
                  {t(`complaints.filter.${f}`)}
                </option>
              ))}
            </select>
          </span>
          <label className="check">
            <input type="checkbox" checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} />
            {t('complaints.mineOnly')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={breachedOnly}
              onChange={(e) => setBreachedOnly(e.target.checked)}
            />
            {t('complaints.breachedOnly')}
          </label>
        </div>
        {list.failed && (
          <p className="alert alert--error" role="alert">
            {t('pane.loadFailed')}
          </p>
        )}
        {list.data && complaints.length === 0 && <p className="page-empty">{t('complaints.empty')}</p>}
        <ul className="complaint-items">
          {complaints.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`complaint-item ${selected === c.id ? 'is-selected' : ''}`}
                aria-current={selected === c.id ? 'true' : undefined}
                data-complaint-id={c.id}
                onClick={() => setSelected(c.id)}
              >
                <span className="complaint-row">
                  <strong>{categoryText(t, c.category)}</strong>
                  <span className="complaint-id">#{shortId(c.id)}</span>
                  <span className={`badge badge--c-${c.status}`}>{t(`complaintStatus.${c.status}`)}</span>
                  <span className={`badge badge--p-${c.priority}`}>
                    {t(`complaintPriority.${c.priority}`)}
                  </span>
                </span>
                <span className="complaint-desc">{c.description}</span>
                <span className="complaint-row complaint-meta">
                  <span>{formatDateTime(c.createdAt, locale)}</span>
                  <span>{c.assignee?.displayName ?? t('complaint.unassigned')}</span>
                </span>
                <span className="complaint-row">
                  <SlaClockView
                    name="firstResponse"
                    clock={c.sla.firstResponse}
                    fetchedAt={list.fetchedAt}
                    now={now}
                  />
                  <SlaClockView
                    name="resolution"
                    clock={c.sla.resolution}
                    fetchedAt={list.fetchedAt}
                    now={now}
                  />
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div className="complaints-detail">
        {selected ? (
          <ComplaintDetail
            key={selected}
            id={selected}
            now={now}
            onOpenChat={onOpenChat}
            onChanged={refresh}
          />
        ) : (
          <p className="page-empty">{t('complaints.pick')}</p>
        )}
      </div>
    </div>
  );
}
