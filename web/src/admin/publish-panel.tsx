// Publish the draft: what it changes against the live version, a regression run before going live,
// and — when the run breaks cases that pass live — the broken cases and an explicit "publish anyway".
import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from '../shared/api.js';
import type { AdminKb, KbDiff, PublishReport, PublishResult } from './admin-types.js';
import { KbDiffView } from './kb-diff-view.js';
import { useErrorText } from './error-text.js';
import { useI18n } from './messages.js';
import { PublishReportView } from './publish-report.js';
import { Alerts } from './page-alerts.js';
import { PageHead } from './page-head.js';

/** The report of a publish the server refused because it breaks regression cases, else null. */
export function blockedReport(error: unknown): PublishReport | null {
  return error instanceof ApiError && error.code === 'PUBLISH_BLOCKED' && error.details
    ? (error.details as PublishReport)
    : null;
}

type Outcome =
  | { kind: 'dry-run'; report: PublishReport }
  | { kind: 'published'; report: PublishReport; version: number }
  | { kind: 'blocked'; report: PublishReport };

export function PublishPanel({ kb, reload }: { kb: AdminKb; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const [diff, setDiff] = useState<KbDiff | null>(null);
  const [busy, setBusy] = useState<null | 'dry' | 'publish'>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = kb.version !== kb.publishedVersion;

  const loadDiff = useCallback(async () => {
    try {
      setDiff(await request<KbDiff>('/api/admin/kb/diff'));
    } catch (error) {
      setProblem(errorText(error));
    }
  }, []);
  useEffect(() => {
    void loadDiff();
  }, [loadDiff, kb.version, kb.publishedVersion]);

  const run = async (mode: 'dry' | 'publish' | 'confirm') => {
    setBusy(mode === 'dry' ? 'dry' : 'publish');
    setProblem(null);
    try {
      const result = await request<PublishResult>('/api/admin/kb/publish', {
        method: 'POST',
        body: { version: kb.version, dryRun: mode === 'dry', confirm: mode === 'confirm' },
      });
      if (mode === 'dry') setOutcome({ kind: 'dry-run', report: result.report });
      else {
        setOutcome({ kind: 'published', report: result.report, version: result.version });
        await reload();
      }
    } catch (error) {
      const report = blockedReport(error);
      if (report) setOutcome({ kind: 'blocked', report });
      else setProblem(t('publish.failed', { message: errorText(error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className="admin-page" id="main">
      <PageHead title={t('publish.title')} intro={t('publish.intro')}>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => void run('dry')} disabled={busy !== null}>
            {busy === 'dry' ? t('publish.running') : t('publish.dryRun')}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void run('publish')}
            disabled={busy !== null || !pending}
          >
            {busy === 'publish' ? t('publish.publishing') : t('publish.publish', { version: kb.version })}
          </button>
        </div>
      </PageHead>
      {!pending && outcome?.kind !== 'published' && (
        <p className="alert alert--info" role="status">
          {t('publish.upToDate', { version: kb.publishedVersion })}
        </p>
      )}
      <Alerts problem={problem} />
      {outcome?.kind === 'published' && (
        <p className="alert alert--success" role="status">
          {t('publish.done', { version: outcome.version })}
        </p>
      )}
      {outcome?.kind === 'blocked' && (
        <div className="alert alert--error blocked" role="alert">
          <p>
            <strong>{t('publish.blocked', { count: outcome.report.broken.length })}</strong>
          </p>
          <p>{t('publish.blockedHelp')}</p>
          <div className="ae-actions">
            <button
              type="button"
              className="btn btn--danger-solid"
              onClick={() => void run('confirm')}
              disabled={busy !== null}
            >
              {t('publish.anyway')}
            </button>
            <button type="button" className="btn" onClick={() => setOutcome(null)} disabled={busy !== null}>
              {t('editor.cancel')}
            </button>
          </div>
        </div>
      )}
      {outcome && <PublishReportView report={outcome.report} />}
      {diff && diff.from !== diff.to && <KbDiffView diff={diff} />}
    </main>
  );
}
