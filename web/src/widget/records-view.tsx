// 下载聊天记录: the signed JSON and the printable HTML at any time, the published key fingerprint, the
// verify page, and the conversation's own link to come back later.
import { useEffect, useId, useState } from 'react';
import { useI18n } from './messages.js';
import { downloadTranscript, serviceApi, type TranscriptKey } from './service-api.js';
import { conversationLink, type Session } from './session.js';

export function RecordsView({ session }: { session: Session }) {
  const { t } = useI18n();
  const id = useId();
  const [key, setKey] = useState<TranscriptKey | null>(null);
  const [failed, setFailed] = useState(false);
  const [copied, setCopied] = useState(false);
  const link = conversationLink(session);

  useEffect(() => {
    let live = true;
    serviceApi
      .transcriptKey()
      .then((k) => live && setKey(k))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  const download = (format: 'json' | 'html') => {
    setFailed(false);
    downloadTranscript(session, format).catch(() => setFailed(true));
  };
  const copy = () => {
    navigator.clipboard
      ?.writeText(link)
      .then(() => setCopied(true))
      .catch(() => {});
  };

  return (
    <div className="zw-service">
      <p className="zw-service-intro">{t('records.intro')}</p>
      <section className="zw-card" aria-labelledby={`${id}-dl`}>
        <h3 id={`${id}-dl`} className="zw-card-title">
          {t('tools.records')}
        </h3>
        <div className="zw-form-actions">
          <button type="button" className="zw-btn zw-btn--primary" onClick={() => download('html')}>
            {t('records.html')}
          </button>
          <button type="button" className="zw-btn zw-btn--primary" onClick={() => download('json')}>
            {t('records.json')}
          </button>
        </div>
        {failed && (
          <p className="zw-form-error" role="alert">
            {t('records.failed')}
          </p>
        )}
        {key && (
          <p className="zw-fingerprint">
            {t('records.fingerprint')}
            <code>{key.fingerprintDisplay}</code>
          </p>
        )}
        <p>
          <a className="zw-text-link" href="/verify/" target="_blank" rel="noopener">
            {t('records.verify')}
          </a>
        </p>
      </section>
      <section className="zw-card" aria-labelledby={`${id}-link`}>
        <h3 id={`${id}-link`} className="zw-card-title">
          {t('records.link')}
        </h3>
        <p id={`${id}-link-hint`}>{t('records.link.hint')}</p>
        <input
          className="zw-link-field"
          readOnly
          value={link}
          aria-labelledby={`${id}-link`}
          aria-describedby={`${id}-link-hint`}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="zw-btn" onClick={copy}>
          {copied ? t('records.copied') : t('records.copy')}
        </button>
      </section>
    </div>
  );
}
