// What changed between two KB versions: entries added, removed, and changed (fields, phrasings, answer),
// and the "must not answer" examples added or removed.
import { RichText } from '../shared/rich-text.js';
import type { EntryField, KbDiff } from './admin-types.js';
import { useI18n, type AdminKey } from './messages.js';

const FIELD: Record<EntryField, AdminKey> = {
  title: 'editor.title',
  category: 'editor.category',
  questions: 'diff.field.questions',
  answer: 'editor.answer',
  tags: 'editor.tags',
};

export function KbDiffView({ diff }: { diff: KbDiff }) {
  const { t } = useI18n();
  const { counts, negatives } = diff;
  return (
    <section className="diff" aria-labelledby="diff-title" data-testid="kb-diff">
      <h3 id="diff-title">{t('diff.title', { from: diff.from, to: diff.to })}</h3>
      <p className="diff-counts">
        <span className="chg chg--added">{t('diff.added', { count: counts.added })}</span>
        <span className="chg chg--removed">{t('diff.removed', { count: counts.removed })}</span>
        <span className="chg chg--changed">{t('diff.changed', { count: counts.changed })}</span>
        <span className="muted">{t('diff.unchanged', { count: diff.unchanged })}</span>
      </p>
      {negatives.added.length + negatives.removed.length > 0 && (
        <div data-testid="diff-negatives">
          <p>{t('negatives.diff', { added: negatives.added.length, removed: negatives.removed.length })}</p>
          <ul className="diff-negatives">
            {negatives.added.map((q) => (
              <li key={`na-${q}`}>
                <ins>{q}</ins>
              </li>
            ))}
            {negatives.removed.map((q) => (
              <li key={`nr-${q}`}>
                <del>{q}</del>
              </li>
            ))}
          </ul>
        </div>
      )}
      {counts.added + counts.removed + counts.changed + negatives.added.length + negatives.removed.length ===
        0 && <p className="muted">{t('diff.none')}</p>}
      <ul className="diff-list">
        {diff.added.map((e) => (
          <li
            key={`a-${e.id}`}
            className="diff-item diff-item--added"
            data-change="added"
            data-entry-id={e.id}
          >
            <span className="chg chg--added">{t('diff.tag.added')}</span> <strong>{e.title}</strong>{' '}
            <code>{e.id}</code>
          </li>
        ))}
        {diff.removed.map((e) => (
          <li
            key={`r-${e.id}`}
            className="diff-item diff-item--removed"
            data-change="removed"
            data-entry-id={e.id}
          >
            <span className="chg chg--removed">{t('diff.tag.removed')}</span> <strong>{e.title}</strong>{' '}
            <code>{e.id}</code>
          </li>
        ))}
        {diff.changed.map((c) => (
          <li key={`c-${c.id}`} className="diff-item" data-change="changed" data-entry-id={c.id}>
            <span className="chg chg--changed">{t('diff.tag.changed')}</span> <strong>{c.after.title}</strong>{' '}
            <code>{c.id}</code>
            <span className="muted"> · {c.fields.map((f) => t(FIELD[f])).join('、')}</span>
            {c.fields.includes('title') && (
              <p className="diff-line">
                <del>{c.before.title}</del> → <ins>{c.after.title}</ins>
              </p>
            )}
            {c.fields.includes('category') && (
              <p className="diff-line">
                {t('editor.category')}: <del>{c.before.category || '—'}</del> →{' '}
                <ins>{c.after.category || '—'}</ins>
              </p>
            )}
            {c.questionsAdded.length + c.questionsRemoved.length > 0 && (
              <ul className="diff-questions">
                {c.questionsAdded.map((q) => (
                  <li key={`+${q}`}>
                    <ins>+ {q}</ins>
                  </li>
                ))}
                {c.questionsRemoved.map((q) => (
                  <li key={`-${q}`}>
                    <del>− {q}</del>
                  </li>
                ))}
              </ul>
            )}
            {c.fields.includes('answer') && (
              <div className="diff-answers">
                <div>
                  <span className="muted">{t('diff.before')}</span>
                  <RichText text={c.before.answer} className="diff-old" />
                </div>
                <div>
                  <span className="muted">{t('diff.after')}</span>
                  <RichText text={c.after.answer} className="diff-new" />
                </div>
              </div>
            )}
            {c.fields.includes('tags') && (
              <p className="diff-line">
                {t('editor.tags')}: <del>{(c.before.tags ?? []).join(', ') || '—'}</del> →{' '}
                <ins>{(c.after.tags ?? []).join(', ') || '—'}</ins>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
