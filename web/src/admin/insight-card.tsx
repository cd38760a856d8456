// One dashboard card: a metric's headline figures, its chart, a short definition, its data as a table
// (for screen readers and checking) and a CSV download.
import type { Locale } from '../shared/i18n.js';
import type { Cell, MetricData } from './admin-types.js';
import { formatMs, formatNumber, formatPercent } from './format.js';
import type { CardSpec, Figure } from './insight-specs.js';
import { useI18n, type AdminKey } from './messages.js';
import { MetricChart, type ChartData } from './metric-chart.js';

const REASONS: Record<string, AdminKey> = {
  'customer-request': 'handoff.customer-request',
  button: 'handoff.button',
  anger: 'handoff.anger',
  'legal-threat': 'handoff.legal-threat',
  complaint: 'handoff.complaint',
  sensitive: 'handoff.sensitive',
  'clarify-rejected': 'reason.clarify-rejected',
  'repeated-misses': 'reason.repeated-misses',
  'out-of-scope': 'reason.out-of-scope',
  'low-confidence': 'reason.low-confidence',
  'care-mode': 'handoff.care-mode',
};

export function figure(value: number | null | undefined, kind: Figure, locale: Locale): string {
  if (kind === 'pct') return formatPercent(value);
  if (kind === 'ms') return formatMs(value);
  return formatNumber(value, locale, kind === 'int' ? 0 : 2);
}

export function InsightCard({
  spec,
  data,
  csvHref,
}: {
  spec: CardSpec;
  data: MetricData | null;
  /** The server's CSV of the same data. */
  csvHref: string;
}) {
  const { t, locale } = useI18n();
  const categoryLabel = (value: Cell): string => {
    if (value === null || value === '') return t('list.uncategorised');
    if (spec.category === 'reason') return REASONS[String(value)] ? t(REASONS[String(value)]) : String(value);
    if (spec.category === 'day') return String(value).slice(5);
    return String(value);
  };
  const rows = data ? (spec.limit ? data.rows.slice(0, spec.limit) : data.rows) : [];
  const chart: ChartData = {
    kind: spec.kind,
    percent: spec.percent,
    categories: rows.map((r) => categoryLabel(r[spec.category])),
    series: spec.series.map((s) => ({
      name: t(s.label),
      values: rows.map((r) => {
        const v = r[s.column];
        if (typeof v !== 'number') return null;
        return spec.percent ? Math.round(v * 1000) / 10 : v;
      }),
    })),
  };
  const headline = spec.summary
    .map((s) => `${t(s.label)} ${figure(data?.summary[s.key], s.figure, locale)}`)
    .join('，');
  const id = `card-${spec.metric}`;
  const empty = data !== null && rows.length === 0;
  return (
    <section
      className={`card insight ${spec.wide ? 'insight--wide' : ''}`}
      aria-labelledby={id}
      data-metric={spec.metric}
    >
      <header className="insight-head">
        <h3 id={id}>{t(spec.title)}</h3>
        <a
          className="btn btn--small"
          href={csvHref}
          download
          aria-label={t('insights.csvLabel', { title: t(spec.title) })}
        >
          {t('insights.csv')}
        </a>
      </header>
      <dl className="insight-figures">
        {spec.summary.map((s) => (
          <div key={s.key}>
            <dt>{t(s.label)}</dt>
            <dd>{data ? figure(data.summary[s.key], s.figure, locale) : '…'}</dd>
          </div>
        ))}
      </dl>
      {empty ? (
        <p className="insight-empty">{t('insights.noData')}</p>
      ) : (
        <MetricChart data={chart} label={`${t(spec.title)}：${headline}`} />
      )}
      <p className="insight-def">{t(spec.definition)}</p>
      {rows.length > 0 && (
        <details className="insight-table">
          <summary>{t('insights.table')}</summary>
          <div className="table-wrap">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{spec.category}</th>
                  {spec.series.map((s) => (
                    <th key={s.column} scope="col">
                      {t(s.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    <th scope="row">{categoryLabel(r[spec.category])}</th>
                    {spec.series.map((s) => (
                      <td key={s.column}>
                        {spec.percent
                          ? formatPercent(r[s.column] as number | null)
                          : String(r[s.column] ?? '—')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
