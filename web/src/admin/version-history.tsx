// KB version history: who changed what and when, which version is live, the diff between any two
// versions, and rollback in one click (a new version with the old entries; optionally published).
import { useCallback, useEffect, useState } from 'react';
import { request } from '../shared/api.js';
import type {
  AdminKb,
  KbDiff,
  PublishReport,
  RollbackResult,
  VersionHistory as History,
} from './admin-types.js';
import { formatDateTime } from './format.js';
import { KbDiffView } from './kb-diff-view.js';
import { useErrorText } from './error-text.js';
import { useI18n } from './messages.js';
import { blockedReport } from './publish-panel.js';
import { PublishReportView } from './publish-report.js';
import { Alerts } from './page-alerts.js';
import { PageHead } from './page-head.js';

export function VersionHistory({ kb, reload }: { kb: AdminKb; reload: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const { errorText } = useErrorText();
  const [history, setHistory] = useState<History | null>(null);
  const [diff, setDiff] = useState<KbDiff | null>(null);
  const [from, setFrom] = useState<number>(0);
  const [to, setTo] = useState<number>(0);
  const [rollback, setRollback] = useState<{ version: number; publish: boolean } | null>(null);
  const [blocked, setBlocked] = useState<PublishReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const loaded = await request<History>('/api/admin/kb/versions?limit=100');
      setHistory(loaded);
      setFrom(loaded.liveVersion || (loaded.versions[1]?.version ?? loaded.version));
      setTo(loaded.version);
    } catch (error) {
      setProblem(errorText(error));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, kb.version, kb.publishedVersion]);

  const compare = async (a: number, b: number) => {
    setProblem(null);
    setFrom(a);
    setTo(b);
    try {
      setDiff(await request<KbDiff>(`/api/admin/kb/diff?from=${a}&to=${b}`));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const doRollback = async (confirm: boolean) => {
    if (!rollback) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await request<RollbackResult>(`/api/admin/kb/versions/${rollback.version}/rollback`, {
        method: 'POST',
        body: { publish: rollback.publish, confirm },
      });
      setFlash(
        t(result.published ? 'versions.rolledBackLive' : 'versions.rolledBack', {
          from: result.rolledBackTo,
          version: result.version,
        }),
      );
      setRollback(null);
      setBlocked(null);
      setDiff(null);
      await reload();
    } catch (error) {
      const report = blockedReport(error);
      if (report) setBlocked(report);
      else setProblem(t('versions.rollbackFailed', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  const versions = history?.versions ?? [];
  return (
    <main className="admin-page" id="main">
      <PageHead title={t('versions.title')} intro={t('versions.intro')} />
      <Alerts flash={flash} problem={problem} />
      {rollback && (
        <div className="confirm-box" role="group" aria-labelledby="rb-text">
          <p id="rb-text">
            {t('versions.confirmRollback', { version: rollback.version, next: kb.version + 1 })}
          </p>
          <label className="check">
            <input
              type="checkbox"
              checked={rollback.publish}
              onChange={(event) => setRollback({ ...rollback, publish: event.target.checked })}
            />
            {t('versions.alsoPublish')}
          </label>
          {blocked && (
            <p className="alert alert--error" role="alert">
              {t('publish.blocked', { count: blocked.broken.length })}
            </p>
          )}
          <div className="ae-actions">
            <button
              type="button"
              className="btn btn--danger-solid"
              onClick={() => void doRollback(blocked !== null)}
              disabled={busy}
            >
              {blocked ? t('versions.rollbackAnyway') : t('versions.confirm')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setRollback(null);
                setBlocked(null);
              }}
              disabled={busy}
            >
              {t('editor.cancel')}
            </button>
          </div>
          {blocked && <PublishReportView report={blocked} />}
        </div>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="versions">
          <caption className="visually-hidden">{t('versions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('versions.version')}</th>
              <th scope="col">{t('versions.created')}</th>
              <th scope="col">{t('versions.author')}</th>
              <th scope="col">{t('versions.note')}</th>
              <th scope="col">{t('versions.entries')}</th>
              <th scope="col">{t('versions.changes')}</th>
              <th scope="col">{t('versions.state')}</th>
              <th scope="col">{t('versions.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={v.version} data-version={v.version}>
                <th scope="row">v{v.version}</th>
                <td>{formatDateTime(v.createdAt, locale)}</td>
                <td>{v.author ?? '—'}</td>
                <td>{v.note ?? ''}</td>
                <td>{v.entryCount}</td>
                <td>
                  <span className="chg chg--added">+{v.changes.added}</span>{' '}
                  <span className="chg chg--removed">−{v.changes.removed}</span>{' '}
                  <span className="chg chg--changed">~{v.changes.changed}</span>
                  {v.negatives.added + v.negatives.removed > 0 && (
                    <span className="muted">
                      {' '}
                      · {t('versions.negatives', { added: v.negatives.added, removed: v.negatives.removed })}
                    </span>
                  )}
                </td>
                <td>
                  {v.live ? (
                    <span className="status status--published">{t('versions.live')}</span>
                  ) : v.publishedAt ? (
                    <span className="muted">
                      {t('versions.publishedAt', { time: formatDateTime(v.publishedAt, locale) })}
                    </span>
                  ) : v.version === history?.version ? (
                    <span className="status status--draft">{t('status.draft')}</span>
                  ) : null}
                </td>
                <td className="row-actions">
                  {versions[i + 1] && (
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => void compare(versions[i + 1].version, v.version)}
                      aria-label={t('versions.diffPrevLabel', { version: v.version })}
                    >
                      {t('versions.diffPrev')}
                    </button>
                  )}
                  {v.version !== history?.version && (
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => {
                        setBlocked(null);
                        setFlash(null);
                        setRollback({ version: v.version, publish: false });
                      }}
                      aria-label={t('versions.rollbackLabel', { version: v.version })}
                    >
                      {t('versions.rollback')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="compare"
        onSubmit={(event) => {
          event.preventDefault();
          void compare(from, to);
        }}
      >
        <label className="field field--inline">
          <span>{t('versions.from')}</span>
          <select className="input" value={from} onChange={(event) => setFrom(Number(event.target.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('versions.to')}</span>
          <select className="input" value={to} onChange={(event) => setTo(Number(event.target.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn">
          {t('versions.compare')}
        </button>
      </form>
      {diff && <KbDiffView diff={diff} />}
    </main>
  );
}
