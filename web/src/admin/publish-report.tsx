// The regression run of a publish: accuracy of the candidate and of the live version, the cases it
// breaks (pass live, fail now), the cases it gets wrong and the ones it fixes.
import type { CaseOutcome, CaseResult, PublishReport } from './admin-types.js';
import { formatPercent } from './format.js';
import { useI18n, type AdminKey } from './messages.js';

const VERDICT: Record<CaseOutcome['verdict'], AdminKey> = {
  right: 'report.verdict.right',
  'wrong-answer': 'report.verdict.wrong',
  'no-answer': 'report.verdict.none',
};

function Outcome({ outcome }: { outcome: CaseOutcome | null }) {
  const { t } = useI18n();
  if (!outcome) return <span className="muted">—</span>;
  const what =
    outcome.decision === 'answer'
      ? (outcome.entryId ?? '')
      : outcome.decision === 'clarify'
        ? t('report.clarify', { ids: outcome.candidates.join(', ') })
        : t('report.handoff');
  return (
    <span className={`verdict verdict--${outcome.pass ? 'pass' : 'fail'}`}>
      <strong>{t(VERDICT[outcome.verdict])}</strong> <span className="muted">{what}</span>{' '}
      <span className="muted">({outcome.confidence.toFixed(2)})</span>
    </span>
  );
}

function CaseTable({ title, cases, kind }: { title: string; cases: CaseResult[]; kind: string }) {
  const { t } = useI18n();
  if (cases.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table" data-cases={kind}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.text')}</th>
            <th scope="col">{t('cases.expected')}</th>
            <th scope="col">{t('report.candidate')}</th>
            <th scope="col">{t('report.live')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} data-case-id={c.id}>
              <td>{c.text}</td>
              <td>{c.expectedEntryId ?? <em>{t('cases.mustNotAnswer')}</em>}</td>
              <td>
                <Outcome outcome={c.candidate} />
              </td>
              <td>
                <Outcome outcome={c.live} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PublishReportView({ report }: { report: PublishReport }) {
  const { t } = useI18n();
  const { candidate, live } = report;
  return (
    <section className="report" aria-labelledby="report-title" data-testid="publish-report">
      <h3 id="report-title">{t('report.title', { version: report.candidateVersion })}</h3>
      {report.cases === 0 ? (
        <p className="muted">{t('report.noCases')}</p>
      ) : (
        <dl className="figures">
          <div>
            <dt>{t('report.cases')}</dt>
            <dd>{report.cases}</dd>
          </div>
          <div>
            <dt>{t('report.accuracy', { version: report.candidateVersion })}</dt>
            <dd data-testid="candidate-accuracy">{formatPercent(candidate.accuracy)}</dd>
          </div>
          <div>
            <dt>{t('report.accuracyLive', { version: report.liveVersion })}</dt>
            <dd>{live ? formatPercent(live.accuracy) : '—'}</dd>
          </div>
          <div>
            <dt>{t('report.passed')}</dt>
            <dd>
              {candidate.passed} / {report.cases}
            </dd>
          </div>
          <div>
            <dt>{t('report.broken')}</dt>
            <dd className={report.broken.length ? 'is-bad' : undefined}>{report.broken.length}</dd>
          </div>
          <div>
            <dt>{t('report.fixed')}</dt>
            <dd>{report.fixed.length}</dd>
          </div>
        </dl>
      )}
      <p className="muted">
        {t('report.changes', {
          added: report.changes.added,
          removed: report.changes.removed,
          changed: report.changes.changed,
        })}
      </p>
      <CaseTable title={t('report.brokenTitle')} cases={report.broken} kind="broken" />
      <CaseTable
        title={t('report.wrongTitle')}
        cases={report.wrong.filter((w) => !report.broken.some((b) => b.id === w.id))}
        kind="wrong"
      />
      <CaseTable title={t('report.fixedTitle')} cases={report.fixed} kind="fixed" />
    </section>
  );
}
