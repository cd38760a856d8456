// Importing and exporting the whole KB over HTTP: JSON, CSV and .xlsx, all or nothing, with per-row errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx, XLSX_MIME } from '../services/kb-xlsx.js';
import { startTestServer, type TestServer } from './test-support.js';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.login('admin');
});
afterAll(async () => server?.close());

const get = async (url: string) => (await server.json('GET', url, undefined, { cookie })).json();
const raw = (method: 'GET' | 'POST', url: string, payload?: Buffer | string, contentType?: string) =>
  server.app.inject({
    method,
    url,
    payload,
    headers: { cookie, ...(contentType ? { 'content-type': contentType } : {}) },
  });

describe('import and export files', () => {
  it('round-trips the KB through .xlsx, CSV and JSON without losing anything', async () => {
    for (const format of ['xlsx', 'csv', 'json'] as const) {
      const before = (await get('/api/admin/kb')).version;
      const file = await raw('GET', `/api/admin/kb/export?format=${format}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain(`knowledge-base.${format}`);
      const imported = await raw(
        'POST',
        '/api/admin/kb/import',
        file.rawPayload,
        String(file.headers['content-type']),
      );
      expect(imported.statusCode).toBe(200);
      expect(imported.json()).toMatchObject({ version: before + 1, format });
      expect((await get(`/api/admin/kb/diff?from=${before}&to=${before + 1}`)).counts).toEqual({
        added: 0,
        removed: 0,
        changed: 0,
      });
    }
    const json = (await raw('GET', '/api/admin/kb/export?format=json')).json();
    expect(Object.keys(json)).toEqual(['name', 'locale', 'negatives', 'entries']); // the demo KB has some
    expect(json.entries.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses a spreadsheet with bad rows whole, listing each bad row by number', async () => {
    const before = await get('/api/admin/kb');
    const rows = [
      ['id', 'question', 'answer', 'category'],
      ['a', '问题一', '答案一', '售后'],
      ['b', '问题二', '', '售后'],
      ['a', '问题三', '另一个答案', '售后'],
      ['c', '问题四', '看[这里](ftp://example.com/x)', ''],
      ['d', '问题五', '好的答案', ''],
    ];
    const res = await raw('POST', '/api/admin/kb/import', await writeXlsx(rows, 'faq'), XLSX_MIME);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_KB');
    expect(res.json().error.details.map((e: { row: number }) => e.row)).toEqual([3, 4, 5]);
    expect(res.json().error.message).toMatch(/3 bad row/);
    // Every problem names its reason and values, which the admin console shows in Chinese.
    expect(res.json().error).toMatchObject({ reason: 'file.bad-rows', params: { rows: 3 } });
    expect(res.json().error.details).toEqual([
      { row: 3, message: 'answer is empty', reason: 'table.empty-answer', params: {} },
      {
        row: 4,
        message: 'entry "a" has a different answer on row 2',
        reason: 'table.clash',
        params: { id: 'a', field: 'answer', row: 2 },
      },
      {
        row: 5,
        field: 'answer',
        message: expect.stringMatching(/^answer: "ftp:\/\/example.com\/x" uses ftp/),
        reason: 'entry.bad-scheme',
        params: { url: 'ftp://example.com/x', scheme: 'ftp' },
      },
    ]);
    const after = await get('/api/admin/kb');
    expect(after.version).toBe(before.version);
    expect(after.entries).toHaveLength(before.entries.length);
  });

  it('gives a clear error, and changes nothing, for a wrong header, a non-spreadsheet or an oversized file', async () => {
    const before = (await get('/api/admin/kb')).version;
    const header = await raw(
      'POST',
      '/api/admin/kb/import',
      await writeXlsx(
        [
          ['问题', '答案'],
          ['q', 'a'],
        ],
        'x',
      ),
      XLSX_MIME,
    );
    expect(header.statusCode).toBe(400);
    expect(header.json().error.details[0]).toMatchObject({
      row: 1,
      message: expect.stringMatching(/unknown column "问题"/),
    });
    const notXlsx = await raw('POST', '/api/admin/kb/import', Buffer.from('just some text'), XLSX_MIME);
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.message).toMatch(/not an Excel workbook/);
    const huge = await raw('POST', '/api/admin/kb/import', Buffer.alloc(21 * 1024 * 1024, 0x50), XLSX_MIME);
    expect(huge.statusCode).toBe(413);
    const unknownType = await raw('POST', '/api/admin/kb/import', 'a,b', 'text/plain');
    expect(unknownType.statusCode).toBe(400);
    // A GB18030 CSV (Excel on Chinese Windows) is read too; this one lacks the answer column.
    const gbk = await raw(
      'POST',
      '/api/admin/kb/import',
      Buffer.from([0x71, 0x75, 0x65, 0x73, 0x74, 0x69, 0x6f, 0x6e, 0x0a, 0xc4, 0xe3, 0xba, 0xc3]),
      'text/csv',
    );
    expect(gbk.json().error.details[0].message).toMatch(/question and answer/);
    // A JSON file: each bad entry's problem with its reason, beside the engine's own message.
    const json = await raw(
      'POST',
      '/api/admin/kb/import',
      JSON.stringify({
        name: 'x',
        locale: 'zh-CN',
        entries: [
          { id: 'a', title: 'a', questions: [], answer: 'x' },
          { id: 'a', title: 'b', questions: ['q'], answer: 'y' },
        ],
      }),
      'application/json',
    );
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toMatchObject({
      code: 'INVALID_KB',
      reason: 'file.bad-entries',
      params: { count: 2 },
    });
    expect(json.json().error.details).toEqual([
      expect.objectContaining({ index: 0, field: 'questions', reason: 'entry.no-questions' }),
      expect.objectContaining({
        index: 1,
        field: 'id',
        reason: 'entry.duplicate-id',
        params: { other: 0, otherNumber: 1 },
      }),
    ]);
    expect((await get('/api/admin/kb')).version).toBe(before);
  });

  it('exports the draft by default and an older version on request', async () => {
    const entry = {
      id: 'gift-wrap',
      title: '礼品包装',
      questions: ['可以礼品包装吗'],
      answer: '可以，下单时勾选。',
    };
    expect((await server.json('POST', '/api/admin/kb/entries', entry, { cookie })).statusCode).toBe(201);
    const has = async (url: string) =>
      (await raw('GET', url)).json().entries.some((e: { id: string }) => e.id === 'gift-wrap');
    expect(await has('/api/admin/kb/export')).toBe(true);
    expect(await has('/api/admin/kb/export?format=json&version=1')).toBe(false);
    expect((await raw('GET', '/api/admin/kb/export?format=csv&version=99999')).statusCode).toBe(404);
  });
});
