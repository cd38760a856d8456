// The KB's "must not answer" examples: messages customers send that no entry answers (weather, stocks,
// other shops…). The engine learns from them where to stop answering and hand off; like an entry edit,
// saving makes a draft version that the bot uses once it is published.
import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../shared/api.js';
import type { AdminKb } from './admin-types.js';
import { useErrorText } from './error-text.js';
import { useI18n } from './messages.js';
import { Alerts } from './page-alerts.js';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function NegativesEditor({ kb, reload }: { kb: AdminKb; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const stored = kb.negatives.join('\n');
  const [text, setText] = useState(stored);
  // When the KB reloads with another list (another admin saved, an import), show it unless the text
  // box holds edits of this admin's that are not saved yet.
  const [shown, setShown] = useState(stored);
  useEffect(() => {
    if (stored === shown) return;
    setText((current) => (current === shown ? stored : current));
    setShown(stored);
  }, [stored, shown]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ version: number; changed: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const count = new Set(lines(text)).size;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(null);
    try {
      const result = await request<{ negatives: string[]; version: number; changed: boolean }>(
        '/api/admin/kb/negatives',
        { method: 'PUT', body: { negatives: lines(text) } },
      );
      const savedText = result.negatives.join('\n');
      setText(savedText);
      setShown(savedText);
      setSaved(result);
      if (result.changed) await reload();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="admin-page" id="main">
      <header className="page-head">
        <div>
          <h2>{t('negatives.title')}</h2>
          <p className="muted">{t('negatives.intro')}</p>
        </div>
      </header>
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
    </main>
  );
}
