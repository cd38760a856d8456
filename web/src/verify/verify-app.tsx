// The verify page: pick or drop a transcript JSON file, the server checks chain and signature, and the
// page says plainly whether it is intact — or lists each problem — with the key fingerprint beside the
// one this site publishes.
import { useEffect, useId, useState, type DragEvent } from 'react';
import { LocaleSwitch } from '../shared/i18n.js';
import { useI18n } from './messages.js';
import { VerifyResultView } from './verify-result.js';
import { publishedKey, verifyTranscript, type PublishedKey, type VerifyResult } from './verify-api.js';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; name: string }
  | { kind: 'error'; name: string; message: string }
  | { kind: 'done'; name: string; result: VerifyResult };

export function VerifyApp() {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [published, setPublished] = useState<PublishedKey | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    document.title = `${t('page.title')} · 智达客服`;
  }, [t]);
  useEffect(() => {
    publishedKey()
      .then(setPublished)
      .catch(() => {});
  }, []);

  const check = async (file: File) => {
    setOutcome({ kind: 'busy', name: file.name });
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
      if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new Error();
    } catch {
      setOutcome({ kind: 'error', name: file.name, message: t('error.notJson') });
      return;
    }
    try {
      setOutcome({ kind: 'done', name: file.name, result: await verifyTranscript(document) });
    } catch {
      setOutcome({ kind: 'error', name: file.name, message: t('error.failed') });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void check(file);
  };

  return (
    <div className="vf">
      <header className="vf-header">
        <span className="vf-logo" aria-hidden="true">
          智
        </span>
        <strong>智达客服</strong>
        <span className="vf-gap" />
        <LocaleSwitch locale={locale} setLocale={setLocale} label={t('lang.label')} />
      </header>
      <main className="vf-main">
        <h1>{t('page.title')}</h1>
        <p className="vf-intro">{t('page.intro')}</p>
        <div
          className={`vf-drop ${dragging ? 'is-dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`${id}-file`} className="vf-drop-label">
            {t('drop.label')}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept="application/json,.json"
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void check(file);
              event.target.value = '';
            }}
          />
          <p id={`${id}-hint`} className="vf-drop-hint">
            {t('drop.hint')}
          </p>
        </div>
        <div className="vf-outcome" role="status" aria-live="polite">
          {outcome.kind === 'busy' && <p>{t('busy')}</p>}
          {outcome.kind === 'error' && (
            <div className="vf-result vf-result--bad" data-result="error">
              <p className="vf-file">{t('result.file', { name: outcome.name })}</p>
              <p>{outcome.message}</p>
            </div>
          )}
          {outcome.kind === 'done' && (
            <VerifyResultView name={outcome.name} result={outcome.result} published={published} />
          )}
        </div>
        <p>
          <a href="/">{t('back')}</a>
        </p>
      </main>
    </div>
  );
}
