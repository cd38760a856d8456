// The KB's regression cases: questions with the entry the bot must answer them with, or null for "must
// not answer". Editable one by one, or imported and exported as the CASES.jsonl of `zhida eval`.
import { problem, reasonedError } from '../errors.js';
import type { ErrorParams, ErrorReason } from '../error-texts.js';
import type { RegressionCase, RegressionCasePatch } from '../storage/ports.js';
import { StorageConflictError } from '../storage/ports.js';
import type { ServiceContext } from './context.js';

export interface CaseInput {
  id?: string;
  text: string;
  expectedEntryId: string | null;
  note?: string | null;
}

export interface CaseLineError {
  line: number;
  message: string;
  reason: ErrorReason;
  params: ErrorParams;
}

export const MAX_CASE_TEXT = 1000;

export function createRegressionCases(ctx: Pick<ServiceContext, 'storage' | 'clock' | 'newId'>) {
  const { storage, clock, newId } = ctx;

  /** Entry ids a case may expect: the draft's and the live version's (a case may guard a deleted entry). */
  async function knownEntryIds(): Promise<Set<string>> {
    const [draft, live] = await Promise.all([
      storage.kb.listEntries(),
      storage.kb.publishedVersion().then((v) => storage.kb.snapshot(v)),
    ]);
    return new Set([...draft, ...(live ?? [])].map((e) => e.id));
  }

  const unknownEntry = (id: string) => reasonedError('BAD_REQUEST', 'case.unknown-entry', { id });
  const blankText = () => reasonedError('BAD_REQUEST', 'case.blank-text');
  const missing = (id: string) => reasonedError('NOT_FOUND', 'case.not-found', { id });

  function toCase(input: CaseInput, author: string, now: number): RegressionCase {
    return {
      id: input.id ?? `case-${newId().slice(0, 8)}`,
      text: input.text.trim(),
      expectedEntryId: input.expectedEntryId,
      note: input.note ?? null,
      createdBy: author,
      createdAt: now,
      updatedAt: now,
    };
  }

  async function create(input: CaseInput, author: string): Promise<RegressionCase> {
    if (input.text.trim() === '') throw blankText();
    if (input.expectedEntryId !== null && !(await knownEntryIds()).has(input.expectedEntryId)) {
      throw unknownEntry(input.expectedEntryId);
    }
    const c = toCase(input, author, clock());
    try {
      await storage.regressionCases.add([c]);
    } catch (err) {
      if (err instanceof StorageConflictError) throw reasonedError('CONFLICT', 'case.exists', { id: c.id });
      throw err;
    }
    return c;
  }

  async function update(id: string, patch: RegressionCasePatch): Promise<RegressionCase> {
    if (patch.text !== undefined && patch.text.trim() === '') throw blankText();
    if (patch.expectedEntryId && !(await knownEntryIds()).has(patch.expectedEntryId)) {
      throw unknownEntry(patch.expectedEntryId);
    }
    const text = patch.text?.trim();
    const updated = await storage.regressionCases.update(
      id,
      { ...patch, ...(text === undefined ? {} : { text }) },
      clock(),
    );
    if (!updated) throw missing(id);
    return updated;
  }

  async function remove(id: string): Promise<void> {
    if (!(await storage.regressionCases.delete(id))) throw missing(id);
  }

  /** CASES.jsonl lines `{"text", "label"}` (optional "id", "note"); any bad line refuses the whole file. */
  async function importJsonl(
    text: string,
    mode: 'append' | 'replace',
    author: string,
  ): Promise<{ imported: number; total: number }> {
    const known = await knownEntryIds();
    const existing = new Set(
      mode === 'append' ? (await storage.regressionCases.list()).map((c) => c.id) : [],
    );
    const errors: CaseLineError[] = [];
    const cases: RegressionCase[] = [];
    const now = clock();
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      const fail = (key: ErrorReason, params?: ErrorParams) => errors.push(problem({ line }, key, params));
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch (err) {
        return fail('cases.malformed-json', { detail: (err as Error).message });
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return fail('cases.not-object');
      const r = row as Record<string, unknown>;
      if (typeof r.text !== 'string' || r.text.trim() === '') return fail('cases.text');
      if (r.text.length > MAX_CASE_TEXT) return fail('cases.text-too-long', { max: MAX_CASE_TEXT });
      if (r.label !== null && typeof r.label !== 'string') return fail('cases.label');
      if (typeof r.label === 'string' && !known.has(r.label))
        return fail('cases.unknown-label', { label: r.label });
      if (r.id !== undefined && (typeof r.id !== 'string' || r.id === '')) return fail('cases.id');
      if (r.note !== undefined && r.note !== null && typeof r.note !== 'string') return fail('cases.note');
      const c = toCase(
        {
          id: r.id as string | undefined,
          text: r.text,
          expectedEntryId: r.label as string | null,
          note: r.note as string | undefined,
        },
        author,
        now,
      );
      if (existing.has(c.id)) return fail('cases.duplicate-id', { id: c.id });
      existing.add(c.id);
      cases.push(c);
    });
    if (errors.length > 0) {
      throw reasonedError('BAD_REQUEST', 'cases.bad-lines', { lines: errors.length }, errors);
    }
    if (mode === 'replace') await storage.regressionCases.replaceAll(cases);
    else await storage.regressionCases.add(cases);
    return { imported: cases.length, total: (await storage.regressionCases.list()).length };
  }

  /** The eval contract's CASES.jsonl (one `{"text","label"}` a line), with each case's id. */
  async function exportJsonl(): Promise<string> {
    const cases = await storage.regressionCases.list();
    return (
      cases.map((c) => JSON.stringify({ text: c.text, label: c.expectedEntryId, id: c.id })).join('\n') +
      (cases.length ? '\n' : '')
    );
  }

  return { list: () => storage.regressionCases.list(), create, update, remove, importJsonl, exportJsonl };
}

export type RegressionCases = ReturnType<typeof createRegressionCases>;
