// CSV import, a convenience on top of the KB file (DESIGN): `question,answer,category` or
// `id,question,answer,category`, one example question a row. Rows with the same id (or, without ids,
// the same answer) become one entry whose title is its first question.
import type { KbEntry, KnowledgeBase } from '../engine/types.js';

/** RFC 4180 fields: quotes, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
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
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export interface CsvError {
  row: number;
  message: string;
}

export function kbFromCsv(text: string, name: string): { kb: KnowledgeBase; errors: CsvError[] } {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const withId = header.join(',') === 'id,question,answer,category';
  const errors: CsvError[] = [];
  if (!withId && header.join(',') !== 'question,answer,category') {
    errors.push({ row: 1, message: 'the header must be "question,answer,category" or "id,question,answer,category"' });
    return { kb: { name, locale: 'zh-CN', entries: [] }, errors };
  }
  const entries = new Map<string, KbEntry>();
  rows.slice(1).forEach((fields, index) => {
    const row = index + 2;
    if (fields.length !== header.length) {
      errors.push({ row, message: `expected ${header.length} fields, found ${fields.length}` });
      return;
    }
    const [id, question, answer, category] = (withId ? fields : ['', ...fields]).map((f) => f.trim());
    if (!question) errors.push({ row, message: 'question is empty' });
    if (!answer) errors.push({ row, message: 'answer is empty' });
    if (!question || !answer) return;
    const key = withId ? id : `answer:${answer}`;
    if (withId && !id) {
      errors.push({ row, message: 'id is empty' });
      return;
    }
    const existing = entries.get(key);
    if (existing) {
      if (existing.answer !== answer) errors.push({ row, message: `id "${id}" has two different answers` });
      else existing.questions.push(question);
      return;
    }
    entries.set(key, { id: withId ? id : `csv-${entries.size + 1}`, title: question, category: category || undefined, questions: [question], answer });
  });
  return { kb: { name, locale: 'zh-CN', entries: [...entries.values()] }, errors };
}
