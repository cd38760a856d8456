// Customer profiles: search, a profile's contacts, topics, sentiment, CSAT, complaints and tags; export
// everything stored about a customer, or erase their personal data on request.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../shared/api.js';
import type { CustomerSummary } from './admin-types.js';
import { CustomerDetail } from './customer-detail.js';
import { formatDateTime } from './format.js';
import { useErrorText } from './error-text.js';
import { useI18n } from './messages.js';
import { Alerts } from './page-alerts.js';

export function CustomersTab() {
  const { t, locale } = useI18n();
  const { errorText } = useErrorText();
  const [query, setQuery] = useState('');
  const [customers, setCustomers] = useState<CustomerSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const search = useCallback(async (text: string) => {
    setProblem(null);
    try {
      const params = new URLSearchParams({ limit: '100', ...(text.trim() ? { query: text.trim() } : {}) });
      setCustomers(
        (await request<{ customers: CustomerSummary[] }>(`/api/admin/customers?${params}`)).customers,
      );
    } catch (error) {
      setProblem(errorText(error));
    }
  }, []);
  useEffect(() => {
    void search('');
  }, [search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(query);
  };

  return (
    <div className="admin-body">
      <section className="al" aria-labelledby="cu-title">
        <h2 id="cu-title" className="visually-hidden">
          {t('customers.title')}
        </h2>
        <form className="al-tools" onSubmit={submit} role="search">
          <label className="visually-hidden" htmlFor="cu-search">
            {t('customers.search')}
          </label>
          <div className="al-row">
            <input
              id="cu-search"
              className="input"
              type="search"
              placeholder={t('customers.searchHint')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <button type="submit" className="btn">
              {t('customers.searchButton')}
            </button>
          </div>
        </form>
        <p className="al-count" aria-live="polite">
          {t('customers.count', { count: customers?.length ?? 0 })}
        </p>
        {customers && customers.length === 0 && <p className="al-empty">{t('customers.none')}</p>}
        <ul className="al-items">
          {customers?.map((c) => (
            <li key={c.key}>
              <button
                type="button"
                className={`al-item ${c.key === selected ? 'is-selected' : ''}`}
                aria-current={c.key === selected ? 'true' : undefined}
                onClick={() => {
                  setSelected(c.key);
                  setFlash(null);
                }}
                data-customer-key={c.key}
              >
                <span className="al-item-title">{c.name ?? c.phone ?? c.key}</span>
                <span className="al-item-meta">
                  <span>{t('customers.contacts', { count: c.contacts })}</span>
                  <span>{formatDateTime(c.lastContactAt, locale)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <main className="admin-main" id="main">
        <Alerts flash={flash} problem={problem} />
        {selected ? (
          <CustomerDetail
            key={selected}
            customerKey={selected}
            onErased={(message) => {
              setFlash(message);
              setSelected(null);
              void search(query);
            }}
          />
        ) : (
          <div className="admin-empty">
            <h2>{t('customers.pick')}</h2>
            <p>{t('customers.pickText')}</p>
          </div>
        )}
      </main>
    </div>
  );
}
