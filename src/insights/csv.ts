// Pure: metric rows → CSV that Excel opens correctly (UTF-8 BOM for Chinese text, CRLF line ends), with
// spreadsheet formulas defused: a cell starting with = + - @ (say, a KB title) is prefixed with '.
export type CsvValue = string | number | boolean | null;

function cell(value: CsvValue): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, CsvValue>>): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
