// Regression cases of the KB: a question and the entry that must answer it (or "must not be answered").
// Every publish runs them; CASES.jsonl (the `zhida eval` format) imports and exports them.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../shared/api.js';
import type { AdminKb, ImportProblem, RegressionCase } from './admin-types.js';
import { ImportProblems } from './import-export.js';
import { useErrorText } from './error-text.js';
import { useI18n } from './messages.js';
import { Alerts } from './page-alerts.js';
import { PageHead } from './page-head.js';

const NONE = '__none__';
interface Form {
  id: string | null;
  text: string;
  expected: string;
  note: string;
}
const empty: Form = { id: null, text: '', expected: '', note: '' };

export function RegressionCases({ kb }: { kb: AdminKb }) {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const [cases, setCases] = useState<RegressionCase[] | null>(null);
  const [form, setForm] = useState<Form>(empty);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<'append' | 'replace'>('append');
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const title = (id: string | null) =>
    id === null ? t('cases.mustNotAnswer') : (kb.entries.find((e) => e.id === id)?.title ?? id);

  const load = useCallback(async () => {
    try {
      setCases((await request<{ cases: RegressionCase[] }>('/api/admin/kb/regression-cases')).cases);
    } catch (error) {
      setProblem(errorText(error));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(null);
    setFlash(null);
    setProblems(null);
    try {
      setFlash(await work());
      await load();
    } catch (error) {
      setProblem(errorText(error));
      if (error instanceof ApiError && Array.isArray(error.details))
        setProblems(error.details as ImportProblem[]);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.text.trim() || !form.expected) {
      setProblem(t('cases.incomplete'));
      return;
    }
    const body = {
      text: form.text.trim(),
      expectedEntryId: form.expected === NONE ? null : form.expected,
      note: form.note.trim() || null,
    };
    void act(async () => {
      if (form.id) {
        await request(`/api/admin/kb/regression-cases/${encodeURIComponent(form.id)}`, {
          method: 'PATCH',
          body,
        });
      } else {
        await request('/api/admin/kb/regression-cases', { method: 'POST', body });
      }
      setForm(empty);
      return t(form.id ? 'cases.updated' : 'cases.added');
    });
  };

  const importFile = (file: File) =>
    act(async () => {
      const result = await request<{ imported?: number; total?: number }>(
        `/api/admin/kb/regression-cases/import?mode=${mode}`,
        { method: 'POST', raw: { data: await file.text(), contentType: 'application/x-ndjson' } },
      );
      return t('cases.imported', { count: result.imported ?? result.total ?? 0 });
    });

  return (
    <main className="admin-page" id="main">
      <PageHead title={t('cases.title')} intro={t('cases.intro')}>
        <div className="page-actions">
          <a className="btn" href="/api/admin/kb/regression-cases/export" download>
            {t('cases.export')}
          </a>
        </div>
      </PageHead>
      <Alerts flash={flash} problem={problem} />
      {problems && <ImportProblems problems={problems} />}
      <form className="card case-form" onSubmit={submit} aria-labelledby="case-form-title">
        <h3 id="case-form-title">{form.id ? t('cases.edit') : t('cases.add')}</h3>
        <div className="case-grid">
          <label className="field">
            <span>{t('cases.text')}</span>
            <input
              className="input"
              value={form.text}
              onChange={(event) => setForm({ ...form, text: event.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('cases.expected')}</span>
            <select
              className="input"
              value={form.expected}
              onChange={(event) => setForm({ ...form, expected: event.target.value })}
            >
              <option value="">{t('cases.choose')}</option>
              <option value={NONE}>{t('cases.mustNotAnswer')}</option>
              {kb.entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title} ({e.id})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('cases.note')}</span>
            <input
              className="input"
              value={form.note}
              onChange={(event) => setForm({ ...form, note: event.target.value })}
            />
          </label>
        </div>
        <div className="ae-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {form.id ? t('cases.saveEdit') : t('cases.addButton')}
          </button>
          {form.id && (
            <button type="button" className="btn" onClick={() => setForm(empty)}>
              {t('editor.cancel')}
            </button>
          )}
        </div>
      </form>
      <div className="card file-row">
        <label className="field field--inline">
          <span>{t('cases.importMode')}</span>
          <select
            className="input"
            value={mode}
            onChange={(event) => setMode(event.target.value as 'append' | 'replace')}
          >
            <option value="append">{t('cases.modeAppend')}</option>
            <option value="replace">{t('cases.modeReplace')}</option>
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('cases.importFile')}</span>
          <input
            type="file"
            accept=".jsonl,.ndjson,.txt,application/x-ndjson"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="cases">
          <caption>{t('cases.count', { count: cases?.length ?? 0 })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.text')}</th>
              <th scope="col">{t('cases.expected')}</th>
              <th scope="col">{t('cases.note')}</th>
              <th scope="col">{t('versions.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(cases ?? []).map((c) => (
              <tr key={c.id} data-case-id={c.id}>
                <td>{c.text}</td>
                <td>
                  {title(c.expectedEntryId)}
                  {c.expectedEntryId && !kb.entries.some((e) => e.id === c.expectedEntryId) && (
                    <span className="status status--draft"> {t('cases.missingEntry')}</span>
                  )}
                </td>
                <td>{c.note ?? ''}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={t('cases.editLabel', { text: c.text })}
                    onClick={() =>
                      setForm({
                        id: c.id,
                        text: c.text,
                        expected: c.expectedEntryId ?? NONE,
                        note: c.note ?? '',
                      })
                    }
                  >
                    {t('cases.editButton')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--danger"
                    aria-label={t('cases.deleteLabel', { text: c.text })}
                    disabled={busy}
                    onClick={() =>
                      void act(async () => {
                        await request(`/api/admin/kb/regression-cases/${encodeURIComponent(c.id)}`, {
                          method: 'DELETE',
                        });
                        return t('cases.deleted');
                      })
                    }
                  >
                    {t('editor.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
