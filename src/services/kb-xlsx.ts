// Excel (.xlsx) import and export with the same columns as CSV (kb-table.ts): operators keep their FAQ
// in spreadsheets. The first worksheet is read; row numbers are the spreadsheet's own.
import ExcelJS from 'exceljs';
import { reasonedError } from '../errors.js';
import type { TableRow } from './kb-table.js';
import { declaredUnzippedSize } from './zip-size.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Upload and unpacked-size bounds: far above a real FAQ sheet, far below what would exhaust memory. */
export const XLSX_LIMITS = { bytes: 20 * 1024 * 1024, unzippedBytes: 200 * 1024 * 1024, rows: 100_000 };

/** The text a person sees in a cell, whatever kind of value Excel stored there. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** The first worksheet's non-blank rows; AppError (400/413) for anything that is no usable workbook. */
export async function readXlsxRows(file: Buffer): Promise<TableRow[]> {
  if (file.length > XLSX_LIMITS.bytes) {
    throw reasonedError('PAYLOAD_TOO_LARGE', 'xlsx.too-large', { mb: XLSX_LIMITS.bytes / 1024 / 1024 });
  }
  const unzipped =
    file.subarray(0, 4).toString('latin1') === 'PK\x03\x04' ? declaredUnzippedSize(file) : null;
  if (unzipped === null) throw reasonedError('BAD_REQUEST', 'xlsx.not-xlsx');
  if (unzipped > XLSX_LIMITS.unzippedBytes)
    throw reasonedError('PAYLOAD_TOO_LARGE', 'xlsx.unpacks-too-large');

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw reasonedError('BAD_REQUEST', 'xlsx.unreadable', { detail: (err as Error).message });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw reasonedError('BAD_REQUEST', 'xlsx.no-sheet');
  if (sheet.actualRowCount > XLSX_LIMITS.rows) {
    throw reasonedError('PAYLOAD_TOO_LARGE', 'xlsx.too-many-rows', { max: XLSX_LIMITS.rows });
  }
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: number, cells });
  });
  return rows;
}

/** A workbook of one worksheet holding the rows (the first is the header, bold and frozen). */
export async function writeXlsx(rows: readonly (readonly string[])[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhida';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Every cell a string: an id like "007" or an answer starting with "=" stays text, never a number or formula.
  sheet.addRows(rows.map((r) => [...r]));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = [18, 36, 60, 12, 24, 16][i] ?? 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
