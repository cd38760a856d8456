// One customer's profile (admin view), with export and privacy erasure behind a confirmation.
import { useEffect, useState } from 'react';
import { request } from '../shared/api.js';
import type { CustomerProfile } from './admin-types.js';
import { formatDateTime, formatNumber } from './format.js';
import { useErrorText } from './error-text.js';
import { useI18n, type AdminKey } from './messages.js';

const TREND: Record<string, AdminKey> = {
  improving: 'customers.trend.improving',
  worsening: 'customers.trend.worsening',
  steady: 'customers.trend.steady',
};

export function CustomerDetail({
  customerKey,
  onErased,
}: {
  customerKey: string;
  onErased: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const { errorText } = useErrorText();
  const [profile, setProfile] = useState<CustomerProfile | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const path = `/api/admin/customers/${encodeURIComponent(customerKey)}`;

  useEffect(() => {
    request<{ profile: CustomerProfile }>(path)
      .then((r) => setProfile(r.profile))
      .catch((error: unknown) => setProblem(errorText(error)));
  }, [path]);

  const erase = async () => {
    setBusy(true);
    try {
      const { erased } = await request<{ erased: { conversations: number; messages: number } }>(path, {
        method: 'DELETE',
      });
      onErased(t('customers.erased', erased));
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  if (problem) {
    return (
      <p className="alert alert--error" role="alert">
        {problem}
      </p>
    );
  }
  if (!profile) return <p className="muted">{t('auth.loading')}</p>;
  const p = profile;
  return (
    <article className="ae profile" aria-labelledby="profile-title" data-testid="customer-profile">
      <header className="ae-header">
        <h2 id="profile-title">{p.name ?? p.phone ?? p.key}</h2>
        <div className="ae-actions">
          <a className="btn btn--small" href={`${path}/export`} download>
            {t('customers.export')}
          </a>
          <button type="button" className="btn btn--small btn--danger" onClick={() => setConfirming(true)}>
            {t('customers.erase')}
          </button>
        </div>
      </header>
      {confirming && (
        <div className="ae-confirm" role="group" aria-labelledby="erase-text">
          <p id="erase-text">{t('customers.confirmErase')}</p>
          <div className="ae-actions">
            <button
              type="button"
              className="btn btn--danger-solid"
              onClick={() => void erase()}
              disabled={busy}
            >
              {t('customers.confirmEraseButton')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy}>
              {t('editor.cancel')}
            </button>
          </div>
        </div>
      )}
      <dl className="figures">
        <div>
          <dt>{t('customers.key')}</dt>
          <dd>
            <code>{p.key}</code>
          </dd>
        </div>
        <div>
          <dt>{t('customers.phone')}</dt>
          <dd>{p.phone ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('customers.contactCount')}</dt>
          <dd>{p.contacts}</dd>
        </div>
        <div>
          <dt>{t('customers.first')}</dt>
          <dd>{formatDateTime(p.firstContactAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('customers.last')}</dt>
          <dd>{formatDateTime(p.lastContactAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('customers.sentiment')}</dt>
          <dd>{t(TREND[p.sentiment.trend] ?? 'customers.trend.steady')}</dd>
        </div>
        <div>
          <dt>{t('customers.csat')}</dt>
          <dd>
            {formatNumber(p.csat.average, locale, 1)} ({p.csat.count})
          </dd>
        </div>
        <div>
          <dt>{t('customers.complaints')}</dt>
          <dd>{t('customers.open', { open: p.complaints.open, total: p.complaints.items.length })}</dd>
        </div>
        <div>
          <dt>{t('customers.tickets')}</dt>
          <dd>{t('customers.open', { open: p.tickets.open, total: p.tickets.items.length })}</dd>
        </div>
        <div>
          <dt>{t('customers.care')}</dt>
          <dd>{p.care ? t('customers.careYes', { count: p.careConversations }) : t('customers.careNo')}</dd>
        </div>
        <div>
          <dt>{t('customers.channels')}</dt>
          <dd>
            {Object.entries(p.channels)
              .map(([c, n]) => `${c} ${n}`)
              .join('、')}
          </dd>
        </div>
        <div>
          <dt>{t('customers.tags')}</dt>
          <dd>{p.tags.length ? p.tags.map((tag) => tag.tag).join('、') : '—'}</dd>
        </div>
      </dl>
      <section aria-labelledby="topics-title">
        <h3 id="topics-title">{t('customers.topics')}</h3>
        {p.topCategories.length === 0 ? (
          <p className="muted">—</p>
        ) : (
          <ul className="chips">
            {p.topCategories.map((c) => (
              <li key={c.category ?? ''} className="badge">
                {c.category ?? t('list.uncategorised')} · {c.hits}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('customers.lastContacts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('customers.started')}</th>
              <th scope="col">{t('customers.channel')}</th>
              <th scope="col">{t('customers.status')}</th>
              <th scope="col">{t('customers.messages')}</th>
              <th scope="col">{t('customers.handoff')}</th>
            </tr>
          </thead>
          <tbody>
            {p.lastContacts.map((c) => (
              <tr key={c.conversationId}>
                <td>{formatDateTime(c.startedAt, locale)}</td>
                <td>
                  {c.channel}
                  {c.care && ` · ${t('customers.careShort')}`}
                </td>
                <td>{c.status}</td>
                <td>{c.customerMessages}</td>
                <td>{c.handedOff ? (c.handoffReason ?? t('customers.yes')) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
