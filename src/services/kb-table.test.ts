import { describe, expect, it } from 'vitest';
import type { KbEntry } from '../engine/types.js';
import { parseCsvRows, toCsv } from './kb-csv.js';
import { kbFromRows, kbToRows, type TableRow } from './kb-table.js';
import { readXlsxRows, writeXlsx } from './kb-xlsx.js';

const META = { name: 'shop', locale: 'zh-CN' };
const table = (rows: string[][]): TableRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));

const ENTRIES: KbEntry[] = [
  {
    id: 'refund',
    title: '退款多久到账',
    category: '售后',
    questions: ['退款多久到账', '钱, "什么时候"\n退回'],
    answer: '1–3 个工作日，详见[说明](https://x.example)',
    tags: ['退款', '售后'],
  },
  { id: '007', title: '=SUM(A1)', questions: ['一个问题'], answer: ' 前后空格会被去掉 '.trim() },
];

describe('the KB as a table', () => {
  it('round-trips entries, titles, tags and odd text through CSV and .xlsx', async () => {
    const rows = kbToRows(ENTRIES);
    expect(rows[0]).toEqual(['id', 'question', 'answer', 'category', 'title', 'tags']);
    const viaCsv = kbFromRows(parseCsvRows(toCsv(rows)), META);
    expect(viaCsv.errors).toEqual([]);
    expect(viaCsv.kb.entries).toEqual(ENTRIES);
    const viaXlsx = kbFromRows(await readXlsxRows(await writeXlsx(rows, 'kb')), META);
    expect(viaXlsx.kb.entries).toEqual(ENTRIES);
    expect(viaXlsx.rowOf).toEqual([2, 4]);
  });

  it('reads columns by name in any order, splits tags on Chinese punctuation too, and takes short rows', () => {
    const { kb, errors } = kbFromRows(
      table([
        ['Answer', 'Question', 'Tags', 'Category'],
        ['A', 'q1', '退款，售后|物流'],
        ['A', 'q2', '', '售后'],
      ]),
      META,
    );
    expect(errors).toEqual([]);
    expect(kb.entries).toEqual([
      {
        id: 'csv-1',
        title: 'q1',
        questions: ['q1', 'q2'],
        answer: 'A',
        tags: ['退款', '售后', '物流'],
        category: '售后',
      },
    ]);
  });

  it('reports clashing repeats, unknown columns and overlong rows with their row numbers', () => {
    const { errors } = kbFromRows(
      table([
        ['id', 'question', 'answer', 'category', 'title'],
        ['a', 'q1', 'A', '售后', 'T'],
        ['a', 'q2', 'A', '物流', ''],
        ['a', 'q3', 'A', '', 'other'],
        ['b', 'q', 'B', '', '', 'extra'],
      ]),
      META,
    );
    expect(errors.map((e) => [e.row, e.message])).toEqual([
      [3, 'entry "a" has a different category on row 2'],
      [4, expect.stringMatching(/title/)],
      [5, expect.stringMatching(/at most 5 fields/)],
    ]);
    expect(kbFromRows(table([['id', 'question', 'answer', 'colour']]), META).errors[0].message).toMatch(
      /unknown column "colour"/,
    );
    expect(kbFromRows(table([['id', 'question', 'question', 'answer']]), META).errors[0].message).toMatch(
      /twice/,
    );
    expect(kbFromRows([], META).errors[0]).toEqual({
      row: 1,
      message: 'the file has no header row',
      reason: 'table.no-header',
      params: {},
    });
  });
});

describe('.xlsx reading limits', () => {
  it('refuses a zip whose entries claim to unpack to more than the limit, before unpacking', async () => {
    // A minimal archive: one central-directory entry declaring 1 GiB, and the end record.
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(1024 ** 3, 24);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46, 12);
    end.writeUInt32LE(4, 16);
    const bomb = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), central, end]);
    await expect(readXlsxRows(bomb)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
