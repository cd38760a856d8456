// The KB as a table, one example question a row: what CSV and Excel files hold (DESIGN: `question,answer,
// category` or `id,question,answer,category`). Columns are found by name, so an export's extra `title`
// and `tags` columns make a lossless round trip while the two DESIGN headers keep working. Rows with the
// same id (or, without ids, the same answer) become one entry whose title is its first question.
import type { KbEntry, KnowledgeBase } from '../engine/types.js';
import { problem } from '../errors.js';
import type { ErrorParams, ErrorReason } from '../error-texts.js';

/** A data row with the row number the author sees in their editor or spreadsheet (1 = the header). */
export interface TableRow {
  row: number;
  cells: string[];
}

export interface RowError {
  row: number;
  /** The entry field at fault, for the checks made on whole entries. */
  field?: string;
  message: string;
  reason: ErrorReason;
  params: ErrorParams;
}

const COLUMNS = ['id', 'question', 'answer', 'category', 'title', 'tags'] as const;
type Column = (typeof COLUMNS)[number];

/** The header of every export: the DESIGN columns first, then what makes the round trip lossless. */
export const EXPORT_HEADER: readonly string[] = COLUMNS;

/** Tags share one cell; any of these separates them (operators type Chinese punctuation too). */
const TAG_SEPARATOR = /[|,，;；、]/;
const EXPORT_TAG_SEPARATOR = '|';

/** The header's columns, or what is wrong with it. */
function readHeader(
  header: TableRow | undefined,
): Map<Column, number> | { key: ErrorReason; params?: ErrorParams } {
  if (!header) return { key: 'table.no-header' };
  const columns = new Map<Column, number>();
  for (const [i, raw] of header.cells.entries()) {
    const name = raw.trim().toLowerCase();
    if (name === '' && i === header.cells.length - 1) continue; // a trailing separator
    if (!(COLUMNS as readonly string[]).includes(name))
      return { key: 'table.unknown-column', params: { column: raw.trim() } };
    if (columns.has(name as Column)) return { key: 'table.duplicate-column', params: { column: name } };
    columns.set(name as Column, i);
  }
  if (!columns.has('question') || !columns.has('answer')) return { key: 'table.header' };
  return columns;
}

interface Draft {
  entry: KbEntry;
  row: number;
  /** Whether the title came from a title cell (else it is the first question, and may be replaced). */
  titled: boolean;
}

const splitTags = (cell: string): string[] =>
  cell
    .split(TAG_SEPARATOR)
    .map((t) => t.trim())
    .filter((t) => t !== '');

/**
 * The KB of the rows (the first is the header), with one error per bad row; `rowOf[i]` is the row where
 * entry i starts, so that errors found later in the entries can be reported by row too.
 */
export function kbFromRows(
  rows: TableRow[],
  meta: { name: string; locale: string },
): { kb: KnowledgeBase; errors: RowError[]; rowOf: number[] } {
  const columns = readHeader(rows[0]);
  const kb: KnowledgeBase = { name: meta.name, locale: meta.locale, entries: [] };
  if (!(columns instanceof Map))
    return { kb, errors: [problem({ row: rows[0]?.row ?? 1 }, columns.key, columns.params)], rowOf: [] };
  const width = rows[0].cells.length;
  const errors: RowError[] = [];
  const drafts = new Map<string, Draft>();
  const withId = columns.has('id');

  for (const { row, cells } of rows.slice(1)) {
    const fail = (key: ErrorReason, params?: ErrorParams) => errors.push(problem({ row }, key, params));
    if (cells.length > width) {
      fail('table.too-many-fields', { width, found: cells.length });
      continue;
    }
    const cell = (c: Column): string => {
      const i = columns.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    // Fewer cells than columns is fine (spreadsheets drop trailing blanks): missing cells are blank.
    const [id, question, answer, category, title, tags] = COLUMNS.map(cell);
    if (withId && !id) fail('table.empty-id');
    if (!question) fail('table.empty-question');
    if (!answer) fail('table.empty-answer');
    if ((withId && !id) || !question || !answer) continue;

    const key = withId ? id : `answer:${answer}`;
    const existing = drafts.get(key);
    if (!existing) {
      const entry: KbEntry = {
        id: withId ? id : `csv-${drafts.size + 1}`,
        title: title || question,
        questions: [question],
        answer,
      };
      if (category) entry.category = category;
      if (columns.has('tags') && tags) entry.tags = splitTags(tags);
      drafts.set(key, { entry, row, titled: title !== '' });
      continue;
    }
    // A further row of the same entry adds a question; what it repeats must agree with the first row.
    const { entry } = existing;
    const clash = (field: string) => fail('table.clash', { id: entry.id, field, row: existing.row });
    if (entry.answer !== answer) clash('answer');
    else if (category && entry.category && category !== entry.category) clash('category');
    else if (title && existing.titled && title !== entry.title) clash('title');
    else if (tags && entry.tags && splitTags(tags).join('|') !== entry.tags.join('|')) clash('tags');
    else {
      if (title && !existing.titled) {
        entry.title = title;
        existing.titled = true;
      }
      if (category && !entry.category) entry.category = category;
      if (tags && !entry.tags) entry.tags = splitTags(tags);
      if (!entry.questions.includes(question)) entry.questions.push(question);
    }
  }
  const list = [...drafts.values()];
  return { kb: { ...kb, entries: list.map((d) => d.entry) }, errors, rowOf: list.map((d) => d.row) };
}

/** Header plus one row per example question, every row repeating its entry's other fields. */
export function kbToRows(entries: readonly KbEntry[]): string[][] {
  const rows: string[][] = [[...EXPORT_HEADER]];
  for (const e of entries) {
    const tags = (e.tags ?? []).join(EXPORT_TAG_SEPARATOR);
    for (const q of e.questions) rows.push([e.id, q, e.answer, e.category ?? '', e.title, tags]);
  }
  return rows;
}
