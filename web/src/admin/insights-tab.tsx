// The insights dashboard: KPI tiles and one card per metric (the unanswered-question clusters too) over
// a date range and channel, each chart's data downloadable as CSV. Loaded lazily (it brings ECharts).
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '../shared/api.js';
import type { InsightSummary, MetricData } from './admin-types.js';
import { localDay } from './format.js';
import { figure, InsightCard } from './insight-card.js';
import { CARDS } from './insight-specs.js';
import { useErrorText } from './error-text.js';
import { useI18n, type AdminKey } from './messages.js';
import { Alerts } from './page-alerts.js';
import { PageHead } from './page-head.js';

const DAY_MS = 86_400_000;
const CHANNELS = ['web', 'app', 'wechat', 'api'];

/** Minutes east of UTC of this browser, when the server accepts it (whole hours). */
function utcOffset(): number | null {
  const offset = -new Date().getTimezoneOffset();
  return offset % 60 === 0 ? offset : null;
}

interface Filters {
  from: string;
  to: string;
  channel: string;
}

const TILES: Array<{ key: string; label: AdminKey; figure: 'int' | 'pct' | 'ms' | 'num' }> = [
  { key: 'conversations', label: 'col.conversations', figure: 'int' },
  { key: 'selfServiceRate', label: 'metric.self-service', figure: 'pct' },
  { key: 'handoffRate', label: 'col.handoffRate', figure: 'pct' },
  { key: 'clarifyRate', label: 'col.clarifyRate', figure: 'pct' },
  { key: 'firstResponseP50Ms', label: 'col.firstP50', figure: 'ms' },
  { key: 'queueWaitP90Ms', label: 'col.p90Wait', figure: 'ms' },
  { key: 'abandonmentRate', label: 'col.abandonRate', figure: 'pct' },
  { key: 'csatAverage', label: 'metric.csat', figure: 'num' },
  { key: 'careShare', label: 'col.careShare', figure: 'pct' },
];

export default function InsightsTab() {
  const { t, locale } = useI18n();
  const { errorText } = useErrorText();
  const today = useMemo(() => new Date(), []);
  const [draft, setDraft] = useState<Filters>({
    from: localDay(new Date(today.getTime() - 29 * DAY_MS)),
    to: localDay(today),
    channel: '',
  });
  const [filters, setFilters] = useState<Filters>(draft);
  const [data, setData] = useState<Record<string, MetricData>>({});
  const [summary, setSummary] = useState<InsightSummary | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const query = useCallback(
    (extra: Record<string, string> = {}) => {
      const offset = utcOffset();
      return new URLSearchParams({
        from: filters.from,
        to: filters.to,
        ...(filters.channel ? { channel: filters.channel } : {}),
        ...(offset === null ? {} : { utcOffset: String(offset) }),
        ...extra,
      }).toString();
    },
    [filters],
  );

  useEffect(() => {
    let live = true;
    setLoading(true);
    setProblem(null);
    Promise.all([
      request<InsightSummary>(`/api/admin/insights/summary?${query()}`),
      ...CARDS.map((c) => request<MetricData>(`/api/admin/insights/${c.metric}?${query()}`)),
    ])
      .then(([tiles, ...results]) => {
        if (!live) return;
        setSummary(tiles as InsightSummary);
        const next: Record<string, MetricData> = {};
        for (const r of results as MetricData[]) next[r.metric] = r;
        setData(next);
      })
      .catch((error: unknown) => live && setProblem(errorText(error)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from > draft.to) {
      setProblem(t('insights.badRange'));
      return;
    }
    setFilters(draft);
  };

  return (
    <main className="admin-page admin-page--wide" id="main" aria-busy={loading}>
      <PageHead title={t('insights.title')} intro={t('insights.intro')}>
        <form className="filters" onSubmit={apply} aria-label={t('insights.filters')}>
          <label className="field field--inline">
            <span>{t('insights.from')}</span>
            <input
              className="input"
              type="date"
              value={draft.from}
              max={draft.to}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            />
          </label>
          <label className="field field--inline">
            <span>{t('insights.to')}</span>
            <input
              className="input"
              type="date"
              value={draft.to}
              min={draft.from}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            />
          </label>
          <label className="field field--inline">
            <span>{t('insights.channel')}</span>
            <select
              className="input"
              value={draft.channel}
              onChange={(event) => setDraft({ ...draft, channel: event.target.value })}
            >
              <option value="">{t('insights.allChannels')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn--primary">
            {t('insights.apply')}
          </button>
          <a className="btn" href={`/api/admin/insights/summary?${query({ format: 'csv' })}`} download>
            {t('insights.summaryCsv')}
          </a>
        </form>
      </PageHead>
      <Alerts problem={problem} />
      <dl className="tiles" data-testid="kpi-tiles">
        {TILES.map((tile) => (
          <div key={tile.key} className="tile">
            <dt>{t(tile.label)}</dt>
            <dd>{summary ? figure(summary.tiles[tile.key], tile.figure, locale) : '…'}</dd>
          </div>
        ))}
        <div className="tile">
          <dt>{t('insights.topEntry')}</dt>
          <dd className="tile-text">
            {summary?.topEntry
              ? `${summary.topEntry.title ?? summary.topEntry.entryId} · ${summary.topEntry.hits}`
              : '—'}
          </dd>
        </div>
      </dl>
      <div className="insight-grid">
        {CARDS.map((spec) => (
          <InsightCard
            key={spec.metric}
            spec={spec}
            data={data[spec.metric] ?? null}
            csvHref={`/api/admin/insights/${spec.metric}?${query({ format: 'csv' })}`}
          />
        ))}
      </div>
    </main>
  );
}
