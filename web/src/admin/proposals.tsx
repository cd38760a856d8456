// Agents' "save to KB" proposals: review, edit and accept into the draft, or reject with a note.
import { useState } from 'react';
import { request } from '../shared/api.js';
import type { AdminKb, Proposal } from './admin-types.js';
import { formatDateTime } from './format.js';
import { useI18n } from './messages.js';
import { NewEntryFields } from './new-entry-fields.js';
import { useCardAction } from './use-card-action.js';
import { useReviewQueue } from './use-review-queue.js';
import { Alerts } from './page-alerts.js';
import { PageHead } from './page-head.js';

function ProposalCard({
  proposal,
  kb,
  onDone,
}: {
  proposal: Proposal;
  kb: AdminKb;
  onDone: (message: string) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [title, setTitle] = useState(proposal.title ?? proposal.question);
  const [answer, setAnswer] = useState(proposal.answer ?? '');
  const [question, setQuestion] = useState(proposal.question);
  const [note, setNote] = useState('');
  const { busy, problem, run } = useCardAction(onDone);
  const isNew = proposal.kind === 'new-entry';
  const target = kb.entries.find((e) => e.id === proposal.entryId);
  const headingId = `pr-${proposal.id}`;

  const base = `/api/admin/learning/proposals/${encodeURIComponent(proposal.id)}`;
  const accept = () =>
    run(async () => {
      const body = isNew ? { title, answer, question } : { question };
      const result = await request<{ version: number | null; entry: { title: string } }>(`${base}/accept`, {
        method: 'POST',
        body,
      });
      return t('proposals.accepted', { title: result.entry.title, version: result.version ?? '—' });
    });
  const reject = () =>
    run(async () => {
      await request(`${base}/reject`, { method: 'POST', body: note.trim() ? { note: note.trim() } : {} });
      return t('proposals.rejected');
    });

  return (
    <article className="card proposal" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="badge">{t(isNew ? 'proposals.kind.new' : 'proposals.kind.phrasing')}</span>{' '}
        {proposal.question}
      </h3>
      <p className="muted">
        {t('proposals.by', { name: proposal.proposedBy, time: formatDateTime(proposal.createdAt, locale) })}
        {!isNew && ` · ${t('proposals.target', { title: target?.title ?? proposal.entryId ?? '' })}`}
      </p>
      <label className="field">
        <span>{t('proposals.question')}</span>
        <input className="input" value={question} onChange={(event) => setQuestion(event.target.value)} />
      </label>
      {isNew && <NewEntryFields title={title} answer={answer} onTitle={setTitle} onAnswer={setAnswer} />}
      <label className="field">
        <span>{t('proposals.note')}</span>
        <input className="input" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <Alerts problem={problem} />
      <div className="ae-actions">
        <button type="button" className="btn btn--primary" onClick={() => void accept()} disabled={busy}>
          {t('proposals.accept')}
        </button>
        <button type="button" className="btn btn--danger" onClick={() => void reject()} disabled={busy}>
          {t('proposals.reject')}
        </button>
      </div>
    </article>
  );
}

export function Proposals({ kb, reload }: { kb: AdminKb; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const { data, flash, problem, done } = useReviewQueue<{ proposals: Proposal[] }>(
    '/api/admin/learning/proposals?status=pending',
    reload,
  );
  const proposals = data?.proposals;
  return (
    <>
      <PageHead title={t('proposals.title')} intro={t('proposals.intro')} />
      <Alerts flash={flash} problem={problem} />
      {proposals && proposals.length === 0 && <p className="admin-empty">{t('proposals.none')}</p>}
      <div className="cluster-grid">
        {proposals?.map((p) => (
          <ProposalCard key={p.id} proposal={p} kb={kb} onDone={done} />
        ))}
      </div>
    </>
  );
}
