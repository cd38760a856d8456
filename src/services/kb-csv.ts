// CSV import and export, a convenience on top of the KB file (DESIGN): `question,answer,category` or
// `id,question,answer,category` (plus the optional columns of kb-table.ts), one example question a row.
import type { KnowledgeBase } from '../engine/types.js';
import { kbFromRows, type RowError, type TableRow } from './kb-table.js';

/** RFC 4180 records (quotes, doubled quotes, commas and newlines inside quotes), blank ones left out. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}

/** Like parseCsv, each record with the line it starts on (what the author's editor shows). */
export function parseCsvRows(text: string): TableRow[] {
  const rows: TableRow[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) line++;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') {
        i++;
        line++;
      }
      row.push(field);
      rows.push({ row: start, cells: row });
      row = [];
      field = '';
      start = line;
    } else field += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push({ row: start, cells: row });
  }
  return rows.filter((r) => r.cells.some((f) => f.trim() !== ''));
}

export type CsvError = RowError;

export function kbFromCsv(text: string, name: string): { kb: KnowledgeBase; errors: CsvError[] } {
  const { kb, errors } = kbFromRows(parseCsvRows(text), { name, locale: 'zh-CN' });
  return { kb, errors };
}

/** RFC 4180 text of the rows; a BOM so that Excel opens UTF-8 (Chinese) text correctly. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (f: string) => (/[",\r\n]/.test(f) || /^\s|\s$/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return '\uFEFF' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
