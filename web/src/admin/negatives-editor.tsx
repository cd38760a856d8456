// The KB's "must not answer" examples: messages customers send that no entry answers (weather, stocks,
// other shops…). The engine learns from them where to stop answering and hand off; like an entry edit,
// saving makes a draft version that the bot uses once it is published.
import { useEffect, useState, type FormEvent } from 'react';
import { cleanNegatives } from '../../../src/engine/kb-validation.js';
import { ApiError, request } from '../shared/api.js';
import type { AdminKb } from './admin-types.js';
import { useErrorText } from './error-text.js';
import { useI18n } from './messages.js';
import { Alerts } from './page-alerts.js';
import { PageHead } from './page-head.js';

// The server's own cleaning (trim, drop blank lines and repeats), for the live count and the request.
const examplesIn = (text: string): string[] => cleanNegatives(text.split('\n'));

export function NegativesEditor({ kb, reload }: { kb: AdminKb; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const stored = kb.negatives.join('\n');
  const [text, setText] = useState(stored);
  // When the KB reloads with another list (another admin saved, an import), show it unless the text
  // box holds edits of this admin's that are not saved yet. `base` is the revision of the list those
  // edits started from: a save sends it (If-Match), so another admin's change made meanwhile is not
  // replaced unseen.
  const [shown, setShown] = useState(stored);
  const [base, setBase] = useState(kb.negativesRevision);
  useEffect(() => {
    if (stored === shown) return;
    if (text === shown) {
      setText(stored);
      setBase(kb.negativesRevision);
    }
    setShown(stored);
  }, [stored, shown, text, kb.negativesRevision]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ version: number; changed: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A save was refused because another admin saved the list meanwhile (412).
  const [stale, setStale] = useState(false);
  const count = examplesIn(text).length;

  /** Discards this admin's edits for the list as stored now. */
  const loadLatest = () => {
    setText(stored);
    setShown(stored);
    setBase(kb.negativesRevision);
    setStale(false);
    setProblem(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(null);
    setStale(false);
    try {
      const result = await request<{
        negatives: string[];
        revision: string;
        version: number;
        changed: boolean;
      }>('/api/admin/kb/negatives', {
        method: 'PUT',
        body: { negatives: examplesIn(text) },
        headers: base ? { 'if-match': `"${base}"` } : undefined,
      });
      const savedText = result.negatives.join('\n');
      setText(savedText);
      setShown(savedText);
      setBase(result.revision);
      setSaved(result);
      if (result.changed) await reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PRECONDITION_FAILED') {
        // Someone saved the list meanwhile: keep this admin's text; saving again replaces theirs.
        setBase((error.details as { revision?: string } | undefined)?.revision);
        setProblem(`${errorText(error)} ${t('negatives.stale')}`);
        setStale(true);
        await reload();
        return;
      }
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="admin-page" id="main">
      <PageHead title={t('negatives.title')} intro={t('negatives.intro')} />
      <form className="card" onSubmit={(event) => void save(event)} aria-label={t('negatives.title')}>
        <label className="field">
          <span>{t('negatives.label')}</span>
          <textarea
            className="input"
            name="negatives"
            rows={14}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby="negatives-hint"
          />
          <small id="negatives-hint">{t('negatives.hint', { count })}</small>
        </label>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('editor.saving') : t('editor.save')}
        </button>
      </form>
      {saved?.changed && (
        <p className="alert alert--success" role="status">
          {t('negatives.saved', { version: saved.version })}{' '}
          <a href="#/kb/publish" className="alert-link">
            {t('editor.goPublish')}
          </a>
        </p>
      )}
      <Alerts flash={saved && !saved.changed ? t('negatives.unchanged') : null} problem={problem} />
      {stale && (
        <button type="button" className="btn btn--small" onClick={loadLatest}>
          {t('editor.loadLatest')}
        </button>
      )}
    </main>
  );
}
