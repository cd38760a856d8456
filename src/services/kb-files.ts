// The KB as a file in each supported format: JSON (DESIGN contract), CSV and Excel. Reading a table
// format checks everything an import would (rows, entries, answer links) and reports it by row, so a
// file is refused whole with every problem listed at once and nothing stored changes.
import { validateKnowledgeBase } from '../engine/kb-validation.js';
import type { KbEntry, KnowledgeBase } from '../engine/types.js';
import { AppError } from '../errors.js';
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
    throw new AppError('BAD_REQUEST', `the file is not valid CSV: ${(err as Error).message}`);
  }
}

const refused = (errors: RowError[]) =>
  new AppError(
    'INVALID_KB',
    `the file has ${new Set(errors.map((e) => e.row)).size} bad row(s); nothing was imported`,
    errors,
  );

/** A KB from CSV or Excel rows, keeping the current name and locale (the table has neither). */
export async function kbFromTable(
  format: 'csv' | 'xlsx',
  file: Buffer,
  meta: { name: string; locale: string },
): Promise<KnowledgeBase> {
  const rows = format === 'csv' ? csvRows(file) : await readXlsxRows(file);
  if (rows.length > XLSX_LIMITS.rows)
    throw new AppError('PAYLOAD_TOO_LARGE', `the file has more than ${XLSX_LIMITS.rows} rows`);
  const { kb, errors, rowOf } = kbFromRows(rows, meta);
  if (errors.length === 0 && kb.entries.length === 0) {
    throw refused([{ row: rows[0]?.row ?? 1, message: 'the file has a header but no data rows' }]);
  }
  // The same checks as a JSON import, reported by the row where the entry starts, with the row errors:
  // the author sees every problem of the file at once.
  const result = validateKnowledgeBase(kb);
  const entryErrors = (result.ok ? answerUrlErrors(kb.entries) : result.errors).map((e) => ({
    row: rowOf[e.index] ?? 1,
    message: `${e.field}: ${e.message}`,
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

/** The KB file of a version: its entries with the KB's current name and locale. */
export const kbAt = (meta: { name: string; locale: string }, entries: KbEntry[]): KnowledgeBase => ({
  ...meta,
  entries,
});
