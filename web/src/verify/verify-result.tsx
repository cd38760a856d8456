// The outcome of one check: intact or each problem (in the reader's language), and the fingerprint of
// the signing key next to the one this site publishes.
import { useI18n } from './messages.js';
import type { PublishedKey, VerifyResult } from './verify-api.js';

/** "ab12 cd34 …" in groups of four, like the server's display form. */
const grouped = (hex: string) => hex.replace(/(.{4})(?=.)/g, '$1 ');

export function VerifyResultView({
  name,
  result,
  published,
}: {
  name: string;
  result: VerifyResult;
  published: PublishedKey | null;
}) {
  const { t, locale } = useI18n();
  const publishedDisplay = published?.fingerprintDisplay ?? grouped(result.publishedFingerprint);
  const same = result.fingerprint !== null && result.fingerprint === result.publishedFingerprint;
  return (
    <div
      className={`vf-result ${result.intact ? 'vf-result--ok' : 'vf-result--bad'}`}
      data-result={result.intact ? 'intact' : 'broken'}
    >
      <p className="vf-file">{t('result.file', { name })}</p>
      <p className="vf-verdict">
        <span aria-hidden="true">{result.intact ? '✔ ' : '✘ '}</span>
        {result.intact ? t('result.intact') : t('result.broken', { count: result.problems.length })}
      </p>
      {typeof result.messageCount === 'number' && (
        <p>{t('result.messages', { count: result.messageCount })}</p>
      )}
      {result.problems.length > 0 && (
        <>
          <h2>{t('result.problems')}</h2>
          <ul className="vf-problems">
            {result.problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`} data-code={problem.code}>
                {locale === 'zh-CN' ? problem.messageZh || problem.message : problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('fp.title')}</h2>
      <dl className="vf-fingerprints">
        <dt>{t('fp.file')}</dt>
        <dd>
          <code data-testid="fingerprint-file">{result.fingerprintDisplay ?? t('fp.none')}</code>
        </dd>
        <dt>{t('fp.published')}</dt>
        <dd>
          <code data-testid="fingerprint-published">{publishedDisplay}</code>
        </dd>
      </dl>
      <p className={same ? 'vf-match' : 'vf-mismatch'}>{same ? t('fp.match') : t('fp.mismatch')}</p>
      <p className="vf-help">{t('fp.help')}</p>
    </div>
  );
}
