// The KB as a file in each supported format: JSON (DESIGN contract), CSV and Excel. Reading a table
// format checks everything an import would (rows, entries, answer links) and reports it by row, so a
// file is refused whole with every problem listed at once and nothing stored changes.
import { validateKnowledgeBase, type KbValidationError } from '../engine/kb-validation.js';
import type { KnowledgeBase } from '../engine/types.js';
import { AppError, problem, reasonedError } from '../errors.js';
import type { ErrorParams, ErrorReason } from '../error-texts.js';
import { parseCsvRows, toCsv } from './kb-csv.js';
import { kbFromRows, kbToRows, type RowError, type TableRow } from './kb-table.js';
import { readXlsxRows, writeXlsx, XLSX_LIMITS, XLSX_MIME } from './kb-xlsx.js';
import { answerUrlErrors } from './rich-answer.js';

export type KbFileFormat = 'json' | 'csv' | 'xlsx';

export const KB_FILE_TYPES: Record<KbFileFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_MIME,
};

/** The format of an upload by its content type (the media type without parameters). */
export function formatOf(contentType: string | undefined): KbFileFormat | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  if (type === XLSX_MIME) return 'xlsx';
  return null;
}

/** UTF-8, or GB18030 (what Excel on a Chinese Windows saves CSV as) when the bytes are no valid UTF-8. */
export function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

function csvRows(file: Buffer): TableRow[] {
  try {
    return parseCsvRows(decodeText(file));
  } catch (err) {
    throw reasonedError('BAD_REQUEST', 'file.bad-csv', { detail: (err as Error).message });
  }
}

const refused = (errors: RowError[]) =>
  reasonedError('INVALID_KB', 'file.bad-rows', { rows: new Set(errors.map((e) => e.row)).size }, errors);

/** The reasons of the entry checks (the engine's and the answer links'), by their English message. */
const ENTRY_REASONS: Array<[RegExp, ErrorReason, (m: RegExpExecArray) => ErrorParams]> = [
  [/^must be an object$/, 'entry.not-object', () => ({})],
  [/^must be a non-empty string$/, 'entry.blank', () => ({})],
  [
    /^duplicates the id of entry (\d+)$/,
    'entry.duplicate-id',
    (m) => ({ other: Number(m[1]), otherNumber: Number(m[1]) + 1 }),
  ],
  [/^must be a string$/, 'entry.not-string', () => ({})],
  [/^must be a non-empty array of strings$/, 'entry.no-questions', () => ({})],
  [/^every question must be a string$/, 'entry.question-not-string', () => ({})],
  [/^needs at least one non-blank question$/, 'entry.blank-questions', () => ({})],
  [/^must be a string when present$/, 'entry.optional-string', () => ({})],
  [/^must be an array of strings when present$/, 'entry.optional-strings', () => ({})],
  [/^"(.+)" is not an absolute URL \(/, 'entry.relative-url', (m) => ({ url: m[1] })],
  [/^"(.+)" uses ([a-z][a-z0-9+.-]*): only http/, 'entry.bad-scheme', (m) => ({ url: m[1], scheme: m[2] })],
];

/** The reason of one entry check's message ('entry.invalid', the message itself, when none matches). */
export function entryReason(message: string): { reason: ErrorReason; params: ErrorParams } {
  for (const [pattern, reason, params] of ENTRY_REASONS) {
    const m = pattern.exec(message);
    if (m) return { reason, params: params(m) };
  }
  return { reason: 'entry.invalid', params: { message } };
}

/**
 * An entry check's refusal (INVALID_KB with the engine's per-entry errors) with each problem's reason
 * added, so that the admin console can show it in Chinese; `asImport`: a whole file was refused, said
 * so with its reason too. Any other error as it is.
 */
export function withEntryReasons(err: unknown, asImport: boolean): unknown {
  if (!(err instanceof AppError) || err.code !== 'INVALID_KB' || !Array.isArray(err.details)) return err;
  const details = (err.details as KbValidationError[]).map((e) => ({ ...e, ...entryReason(e.message) }));
  return asImport
    ? reasonedError('INVALID_KB', 'file.bad-entries', { count: details.length }, details)
    : new AppError('INVALID_KB', err.message, details);
}

/** A KB from CSV or Excel rows, keeping the current name and locale (the table has neither). */
export async function kbFromTable(
  format: 'csv' | 'xlsx',
  file: Buffer,
  meta: { name: string; locale: string },
): Promise<KnowledgeBase> {
  const rows = format === 'csv' ? csvRows(file) : await readXlsxRows(file);
  if (rows.length > XLSX_LIMITS.rows)
    throw reasonedError('PAYLOAD_TOO_LARGE', 'file.too-many-rows', { max: XLSX_LIMITS.rows });
  const { kb, errors, rowOf } = kbFromRows(rows, meta);
  if (errors.length === 0 && kb.entries.length === 0) {
    throw refused([problem({ row: rows[0]?.row ?? 1 }, 'file.no-data')]);
  }
  // The same checks as a JSON import, reported by the row where the entry starts, with the row errors:
  // the author sees every problem of the file at once.
  const result = validateKnowledgeBase(kb);
  const entryErrors = (result.ok ? answerUrlErrors(kb.entries) : result.errors).map((e) => ({
    row: rowOf[e.index] ?? 1,
    field: e.field,
    message: `${e.field}: ${e.message}`,
    ...entryReason(e.message),
  }));
  const all = [...errors, ...entryErrors].sort((a, b) => a.row - b.row);
  if (all.length > 0) throw refused(all);
  return kb;
}

export interface RenderedFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

export async function renderKbFile(
  format: KbFileFormat,
  kb: KnowledgeBase,
  basename: string,
): Promise<RenderedFile> {
  const filename = `${basename}.${format}`;
  const contentType = KB_FILE_TYPES[format];
  if (format === 'json')
    return { body: Buffer.from(JSON.stringify(kb, null, 2) + '\n'), contentType, filename };
  const rows = kbToRows(kb.entries);
  if (format === 'csv') return { body: Buffer.from(toCsv(rows)), contentType, filename };
  return { body: await writeXlsx(rows, 'knowledge-base'), contentType, filename };
}
