// Form to create or edit one knowledge-base entry (with a live preview of the rich answer), with delete
// behind an explicit confirmation. Saving makes a draft version; the bot answers from it once published.
import { useState, type FormEvent } from 'react';
import {} from '../shared/api.js';
import { RichText } from '../shared/rich-text.js';
import type { KbEntry } from '../shared/types.js';
import type { AdminEntry } from './admin-types.js';
import { StatusBadge } from './entry-list.js';
import { useErrorText } from './error-text.js';
import { useI18n } from './messages.js';
import { Alerts } from './page-alerts.js';

export interface EntryDraft {
  id: string;
  title: string;
  category: string;
  questions: string;
  answer: string;
  tags: string;
}

export const toDraft = (entry: AdminEntry | null): EntryDraft => ({
  id: entry?.id ?? '',
  title: entry?.title ?? '',
  category: entry?.category ?? '',
  questions: (entry?.questions ?? []).join('\n'),
  answer: entry?.answer ?? '',
  tags: (entry?.tags ?? []).join(', '),
});

/** An entry as sent to the server (the id is optional when creating). */
export type EntryInput = Omit<KbEntry, 'id' | 'updatedAt'> & { id?: string };

export const fromDraft = (draft: EntryDraft): EntryInput => ({
  ...(draft.id.trim() ? { id: draft.id.trim() } : {}),
  title: draft.title.trim(),
  category: draft.category.trim() || undefined,
  questions: draft.questions
    .split('\n')
    .map((q) => q.trim())
    .filter(Boolean),
  answer: draft.answer.trim(),
  tags: draft.tags
    .split(/[,，、\s]+/)
    .map((tag) => tag.trim())
    .filter(Boolean),
});

/** A required multi-line field of the entry (questions, answer) with its hint, named `ae-<name>-hint`. */
function LongField({
  name,
  label,
  hint,
  value,
  onChange,
}: {
  name: 'questions' | 'answer';
  label: string;
  hint: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}) {
  const hintId = `ae-${name}-hint`;
  return (
    <label className="field">
      <span>{label}</span>
      <textarea
        className="input"
        name={name}
        rows={6}
        required
        value={value}
        onChange={onChange}
        aria-describedby={hintId}
      />
      <small id={hintId}>{hint}</small>
    </label>
  );
}

export function EntryEditor({
  entry,
  categories,
  onSave,
  onDelete,
}: {
  entry: AdminEntry | null;
  categories: string[];
  onSave: (entry: EntryInput, isNew: boolean) => Promise<void>;
  onDelete: (entry: AdminEntry) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const { errorText } = useErrorText();
  const isNew = entry === null;
  const [draft, setDraft] = useState(() => toDraft(entry));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const field = (name: keyof EntryDraft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = fromDraft(draft);
    const missing = !value.title
      ? t('error.title')
      : value.questions.length === 0
        ? t('error.questions')
        : !value.answer
          ? t('error.answer')
          : null;
    if (missing) {
      setProblem(missing);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await onSave(isNew ? value : { ...value, id: entry.id }, isNew);
    } catch (error) {
      setProblem(t('error.save', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!entry) return;
    setBusy(true);
    setProblem(null);
    try {
      await onDelete(entry);
    } catch (error) {
      setProblem(t('error.delete', { message: errorText(error) }));
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <form className="ae" onSubmit={submit} aria-labelledby="ae-title" noValidate>
      <header className="ae-header">
        <h2 id="ae-title">
          {isNew ? t('editor.newTitle') : t('editor.editTitle')} <StatusBadge status={entry?.status} />
        </h2>
        {entry?.updatedAt && (
          <span className="ae-updated">
            {t('editor.updatedAt', { time: new Date(entry.updatedAt).toLocaleString(locale) })}
          </span>
        )}
      </header>
      <div className="ae-grid">
        <label className="field">
          <span>{t('editor.id')}</span>
          <input
            className="input"
            name="id"
            value={draft.id}
            onChange={field('id')}
            readOnly={!isNew}
            aria-describedby={isNew ? 'ae-id-hint' : undefined}
          />
          {isNew && <small id="ae-id-hint">{t('editor.idHint')}</small>}
        </label>
        <label className="field">
          <span>{t('editor.category')}</span>
          <input
            className="input"
            name="category"
            list="ae-categories"
            value={draft.category}
            onChange={field('category')}
          />
          <datalist id="ae-categories">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
      </div>
      <label className="field">
        <span>{t('editor.title')}</span>
        <input className="input" name="title" required value={draft.title} onChange={field('title')} />
      </label>
      <LongField
        name="questions"
        label={t('editor.questions')}
        hint={t('editor.questionsHint')}
        value={draft.questions}
        onChange={field('questions')}
      />
      <LongField
        name="answer"
        label={t('editor.answer')}
        hint={t('editor.answerHint')}
        value={draft.answer}
        onChange={field('answer')}
      />
      {draft.answer.trim() && (
        <div className="ae-preview">
          <h3>{t('editor.preview')}</h3>
          <RichText text={draft.answer} />
        </div>
      )}
      <label className="field">
        <span>{t('editor.tags')}</span>
        <input
          className="input"
          name="tags"
          value={draft.tags}
          onChange={field('tags')}
          aria-describedby="ae-tags-hint"
        />
        <small id="ae-tags-hint">{t('editor.tagsHint')}</small>
      </label>
      <Alerts problem={problem} />
      {confirming && entry ? (
        <div className="ae-confirm" role="alertdialog" aria-labelledby="ae-confirm-text">
          <p id="ae-confirm-text">{t('editor.confirmDelete', { title: entry.title })}</p>
          <div className="ae-actions">
            <button
              type="button"
              className="btn btn--danger-solid"
              onClick={() => void remove()}
              disabled={busy}
              autoFocus
            >
              {t('editor.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy}>
              {t('editor.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="ae-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('editor.saving') : t('editor.save')}
          </button>
          {!isNew && (
            <button
              type="button"
              className="btn btn--danger"
              onClick={() => setConfirming(true)}
              disabled={busy}
            >
              {t('editor.delete')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
