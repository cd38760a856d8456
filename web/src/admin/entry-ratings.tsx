// 👍/👎 per KB entry: the answers customers find unhelpful first, each a click away from its editor.
import { useEffect, useState } from 'react';
import { request } from '../shared/api.js';
import type { EntryRating } from './admin-types.js';
import { formatPercent } from './format.js';
import { useErrorText } from './error-text.js';
import { useI18n } from './messages.js';
import { Alerts } from './page-alerts.js';
import { PageHead } from './page-head.js';

export function EntryRatings({ openEntry }: { openEntry: (id: string) => void }) {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const [ratings, setRatings] = useState<EntryRating[] | null>(null);
  const [all, setAll] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    request<{ ratings: EntryRating[] }>('/api/admin/learning/entry-ratings')
      .then((r) => setRatings(r.ratings))
      .catch((error: unknown) => setProblem(errorText(error)));
  }, []);
  const shown = (ratings ?? []).filter((r) => all || r.helpful + r.unhelpful > 0);
  return (
    <>
      <PageHead title={t('ratings.title')} intro={t('ratings.intro')}>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
          {t('ratings.showAll')}
        </label>
      </PageHead>
      <Alerts problem={problem} />
      {ratings && shown.length === 0 && <p className="admin-empty">{t('ratings.none')}</p>}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="entry-ratings">
            <caption className="visually-hidden">{t('ratings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ratings.entry')}</th>
                <th scope="col">{t('ratings.shown')}</th>
                <th scope="col">👍</th>
                <th scope="col">👎</th>
                <th scope="col">{t('ratings.helpfulRate')}</th>
                <th scope="col">{t('ratings.voteRate')}</th>
                <th scope="col">{t('versions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.entryId} className={r.needsRewrite > 0 ? 'is-bad-row' : undefined}>
                  <th scope="row">
                    {r.title ?? r.entryId}
                    {!r.inKb && <span className="muted"> {t('ratings.deleted')}</span>}
                  </th>
                  <td>{r.shown}</td>
                  <td>{r.helpful}</td>
                  <td>{r.unhelpful}</td>
                  <td>{formatPercent(r.helpfulRate, 0)}</td>
                  <td>{formatPercent(r.voteRate, 0)}</td>
                  <td>
                    {r.inKb && (
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => openEntry(r.entryId)}
                        aria-label={t('ratings.rewriteLabel', { title: r.title ?? r.entryId })}
                      >
                        {t('ratings.rewrite')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
