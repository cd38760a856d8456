// The whole KB as a file: export any format (JSON, CSV, Excel), import one as a new draft version.
// A file with any bad row is refused whole; the per-row report says what to fix.
import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../shared/api.js';
import type { AdminKb, ImportProblem } from './admin-types.js';
import { useErrorText } from './error-text.js';
import { useI18n, type AdminKey } from './messages.js';
import { PageHead } from './page-head.js';

type Format = 'json' | 'csv' | 'xlsx';
const FORMATS: Format[] = ['json', 'csv', 'xlsx'];
const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const AS_LABEL: Record<Format, AdminKey> = {
  json: 'files.as.json',
  csv: 'files.as.csv',
  xlsx: 'files.as.xlsx',
};

export function formatOfFile(name: string): Format | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'json' || ext === 'csv' || ext === 'xlsx' ? ext : null;
}

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  const { problemText } = useErrorText();
  const where = (p: ImportProblem) =>
    p.row !== undefined
      ? t('import.row', { row: p.row })
      : p.line !== undefined
        ? t('import.line', { line: p.line })
        : p.index !== undefined
          ? t('import.entry', { index: p.index + 1 })
          : '—';
  return (
    <div className="table-wrap import-problems" data-testid="import-problems">
      <table className="table">
        <caption>{t('import.problems', { count: problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.where')}</th>
            <th scope="col">{t('import.id')}</th>
            <th scope="col">{t('import.field')}</th>
            <th scope="col">{t('import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i} data-row={p.row ?? p.line ?? p.index}>
              <th scope="row">{where(p)}</th>
              <td>{p.id ?? ''}</td>
              <td>{p.field ?? ''}</td>
              <td>{problemText(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportExport({
  kb,
  reload,
  onImported,
}: {
  kb: AdminKb;
  reload: () => Promise<void>;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ version: number; entries: number } | null>(null);
  // The error itself, so that its text follows the console's language.
  const [refused, setRefused] = useState<{ error: unknown; problems: ImportProblem[] } | null>(null);
  const [exportVersion, setExportVersion] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setRefused(null);
    const format = file ? formatOfFile(file.name) : null;
    if (!file || !format) {
      setRefused({ error: null, problems: [] });
      return;
    }
    setBusy(true);
    try {
      const data = format === 'xlsx' ? await file.arrayBuffer() : await file.text();
      const query = new URLSearchParams({ format, ...(note.trim() ? { note: note.trim() } : {}) });
      const result = await request<{ version: number; entries: number | unknown[] }>(
        `/api/admin/kb/import?${query}`,
        { method: 'POST', raw: { data, contentType: CONTENT_TYPE[format] } },
      );
      const entries = Array.isArray(result.entries) ? result.entries.length : result.entries;
      setDone({ version: result.version, entries });
      await reload();
    } catch (error) {
      const problems =
        error instanceof ApiError && Array.isArray(error.details) ? (error.details as ImportProblem[]) : [];
      setRefused({ error, problems });
    } finally {
      setBusy(false);
    }
  };

  const exportUrl = (format: Format) =>
    `/api/admin/kb/export?format=${format}${exportVersion ? `&version=${exportVersion}` : ''}`;

  return (
    <main className="admin-page" id="main">
      <PageHead title={t('files.title')} intro={t('files.intro')} />
      <section className="card" aria-labelledby="export-title">
        <h3 id="export-title">{t('files.export')}</h3>
        <div className="file-row">
          <label className="field field--inline">
            <span>{t('files.exportVersion')}</span>
            <select
              className="input"
              value={exportVersion}
              onChange={(event) => setExportVersion(event.target.value)}
            >
              <option value="">{t('files.draft', { version: kb.version })}</option>
              {kb.publishedVersion > 0 && kb.publishedVersion !== kb.version && (
                <option value={kb.publishedVersion}>{t('kb.live', { version: kb.publishedVersion })}</option>
              )}
            </select>
          </label>
          {FORMATS.map((format) => (
            <a key={format} className="btn" href={exportUrl(format)} download>
              {t(AS_LABEL[format])}
            </a>
          ))}
        </div>
      </section>
      <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="import-title">
        <h3 id="import-title">{t('files.import')}</h3>
        <p className="muted">{t('files.importHelp')}</p>
        <div className="file-row">
          <label className="field field--inline">
            <span>{t('files.file')}</span>
            <input
              type="file"
              name="kb-file"
              accept=".json,.csv,.xlsx"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </label>
          <label className="field field--inline">
            <span>{t('files.note')}</span>
            <input className="input" value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('files.importing') : t('files.importButton')}
          </button>
        </div>
      </form>
      {done && (
        <p className="alert alert--success" role="status">
          {t('files.imported', { version: done.version, count: done.entries })}{' '}
          <button type="button" className="btn btn--small" onClick={onImported}>
            {t('editor.goPublish')}
          </button>
        </p>
      )}
      {refused && (
        <div className="alert alert--error" role="alert" data-testid="import-refused">
          <p>
            <strong>{t('files.refused')}</strong>{' '}
            {refused.error === null ? t('import.pickFile') : errorText(refused.error)}
          </p>
        </div>
      )}
      {refused && refused.problems.length > 0 && <ImportProblems problems={refused.problems} />}
    </main>
  );
}
