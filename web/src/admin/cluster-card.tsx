// One topic of unanswered questions: size, 14-day trend, examples, nearest entry — and the two-click
// actions: turn it into a new entry, or add its questions as phrasings of an existing entry.
import { useState, type FormEvent } from 'react';
import { request } from '../shared/api.js';
import type { AdminKb, Cluster, PublishOutcome, UnansweredReason } from './admin-types.js';
import { formatDateTime, formatPercent } from './format.js';
import { useErrorText } from './error-text.js';
import { useI18n, type AdminKey } from './messages.js';
import { NewEntryFields } from './new-entry-fields.js';
import { useCardAction } from './use-card-action.js';
import { Alerts } from './page-alerts.js';

const REASON: Record<UnansweredReason, AdminKey> = {
  'low-confidence': 'reason.low-confidence',
  'out-of-scope': 'reason.out-of-scope',
  'repeated-misses': 'reason.repeated-misses',
  'clarify-rejected': 'reason.clarify-rejected',
  'thumbs-down': 'reason.thumbs-down',
  rephrase: 'reason.rephrase',
};

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const w = 112;
  const h = 28;
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`);
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

type Mode = null | 'create' | 'add';

export function ClusterCard({
  cluster,
  kb,
  onDone,
}: {
  cluster: Cluster;
  kb: AdminKb;
  onDone: (message: string) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const { reasonText } = useErrorText();
  const [mode, setMode] = useState<Mode>(null);
  const [title, setTitle] = useState(cluster.examples[0] ?? '');
  const [answer, setAnswer] = useState('');
  const [category, setCategory] = useState('');
  const [entryId, setEntryId] = useState(cluster.nearestEntry?.entryId ?? cluster.engineTop?.entryId ?? '');
  const [publish, setPublish] = useState(true);
  const { busy, problem, setProblem, run } = useCardAction(onDone);
  const base = `/api/admin/learning/clusters/${encodeURIComponent(cluster.id)}`;
  const headingId = `cl-${cluster.id}`;

  const published = (outcome: PublishOutcome | null | undefined) =>
    !outcome
      ? ''
      : outcome.published
        ? t('learning.publishedLive', { version: outcome.liveVersion ?? '' })
        : t('learning.notPublished', {
            reason: reasonText(outcome.reasonKey, outcome.params) ?? outcome.reason ?? '',
          });

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || !answer.trim()) {
      setProblem(t('learning.needAnswer'));
      return;
    }
    void run(async () => {
      const result = await request<{
        entry: { id: string; title: string };
        version: number;
        publish: PublishOutcome | null;
      }>(`${base}/create-entry`, {
        method: 'POST',
        body: {
          title: title.trim(),
          answer: answer.trim(),
          ...(category.trim() ? { category: category.trim() } : {}),
          publish,
        },
      });
      return `${t('learning.created', { title: result.entry.title, version: result.version })} ${published(result.publish)}`;
    });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!entryId) {
      setProblem(t('learning.needEntry'));
      return;
    }
    void run(async () => {
      const result = await request<{
        entry: { title: string };
        added: string[];
        publish: PublishOutcome | null;
      }>(`${base}/add-to-entry`, { method: 'POST', body: { entryId, publish } });
      return `${t('learning.added', { count: result.added.length, title: result.entry.title })} ${published(result.publish)}`;
    });
  };

  const outOfScope = () =>
    void run(async () => {
      const result = await request<{ added: string[]; version: number | null }>(`${base}/out-of-scope`, {
        method: 'POST',
        body: {},
      });
      return result.version === null
        ? t('learning.outOfScopeNone')
        : t('learning.outOfScopeDone', { count: result.added.length, version: result.version });
    });

  const dismiss = () =>
    void run(async () => {
      const result = await request<{ resolved: number }>(`${base}/dismiss`, { method: 'POST', body: {} });
      return t('learning.dismissed', { count: result.resolved });
    });

  const publishBox = (
    <label className="check">
      <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} />
      {t('learning.publishNow')}
    </label>
  );

  return (
    <article className="card cluster" aria-labelledby={headingId} data-cluster-id={cluster.id}>
      <header className="cluster-head">
        <h3 id={headingId}>“{cluster.examples[0]}”</h3>
        <span className="badge">
          {t('learning.size', { size: cluster.size, conversations: cluster.conversations })}
        </span>
        <Sparkline values={cluster.trend} label={t('learning.trend', { values: cluster.trend.join(', ') })} />
      </header>
      <p className="muted">
        {t('learning.lastAt', { time: formatDateTime(cluster.lastAt, locale) })}
        {' · '}
        {Object.entries(cluster.reasons)
          .map(([reason, count]) => `${t(REASON[reason as UnansweredReason] ?? 'reason.other')} ${count}`)
          .join('、')}
      </p>
      <ul className="cluster-examples">
        {cluster.examples.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      {cluster.nearestEntry && (
        <p className="muted">
          {t('learning.nearest', {
            title: cluster.nearestEntry.title,
            similarity: formatPercent(cluster.nearestEntry.similarity, 0),
          })}
        </p>
      )}
      <Alerts problem={problem} />
      {mode === null && (
        <div className="ae-actions">
          <button type="button" className="btn btn--primary" onClick={() => setMode('create')}>
            {t('learning.toEntry')}
          </button>
          <button type="button" className="btn" onClick={() => setMode('add')}>
            {t('learning.toPhrasings')}
          </button>
          <button type="button" className="btn" onClick={outOfScope} disabled={busy}>
            {t('learning.outOfScope')}
          </button>
          <button type="button" className="btn btn--ghost" onClick={dismiss} disabled={busy}>
            {t('learning.dismiss')}
          </button>
        </div>
      )}
      {mode === 'create' && (
        <form className="cluster-form" onSubmit={create}>
          <NewEntryFields title={title} answer={answer} onTitle={setTitle} onAnswer={setAnswer} focusAnswer />
          <label className="field">
            <span>{t('editor.category')}</span>
            <input className="input" value={category} onChange={(event) => setCategory(event.target.value)} />
          </label>
          <p className="muted">{t('learning.questionsUsed', { count: cluster.size })}</p>
          {publishBox}
          <div className="ae-actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('learning.createEntry')}
            </button>
            <button type="button" className="btn" onClick={() => setMode(null)} disabled={busy}>
              {t('editor.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'add' && (
        <form className="cluster-form" onSubmit={add}>
          <label className="field">
            <span>{t('learning.entry')}</span>
            <select className="input" value={entryId} onChange={(event) => setEntryId(event.target.value)}>
              <option value="">{t('cases.choose')}</option>
              {kb.entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title} ({e.id})
                </option>
              ))}
            </select>
          </label>
          {publishBox}
          <div className="ae-actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('learning.addPhrasings', { count: cluster.size })}
            </button>
            <button type="button" className="btn" onClick={() => setMode(null)} disabled={busy}>
              {t('editor.cancel')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
