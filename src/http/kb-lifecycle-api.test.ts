// The KB lifecycle over HTTP, in process: edits are drafts the bot does not use, publishing runs the
// regression cases (and is refused when it breaks one), diff and rollback, and an edit on a copy
// another admin changed meanwhile is refused (412). Files: kb-file-api.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support.js';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.login('admin');
});
afterAll(async () => server?.close());

const get = async (url: string) => (await server.json('GET', url, undefined, { cookie })).json();
const post = (url: string, body?: unknown) => server.json('POST', url, body ?? {}, { cookie });
const raw = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: Buffer | string,
  contentType?: string,
) =>
  server.app.inject({
    method,
    url,
    payload,
    headers: { cookie, ...(contentType ? { 'content-type': contentType } : {}) },
  });

async function ask(text: string): Promise<{ decision: string; entryId?: string }> {
  return (await server.say(await server.startConversation(), text)).json().replies[0];
}

const PET = {
  id: 'pet-policy',
  title: '可以带宠物进店吗',
  category: '门店',
  questions: ['宠物能进门店吗', '可以带狗狗来实体店吗', '实体店允许带猫吗'],
  answer: '悦购线下门店欢迎牵绳的小型宠物，详见[门店须知](https://example.com/stores)。',
  tags: ['门店', '宠物'],
};

describe('draft, preview and publish', () => {
  it('an edit is a draft: listed with its status, not answered by the bot until published', async () => {
    const before = await get('/api/admin/kb');
    expect(before.publishedVersion).toBe(before.version); // the demo KB went live on first start
    expect(before.entries.every((e: { status: string }) => e.status === 'published')).toBe(true);

    expect((await post('/api/admin/kb/entries', PET)).statusCode).toBe(201);
    const draft = await get('/api/admin/kb');
    expect(draft).toMatchObject({
      version: before.version + 1,
      publishedVersion: before.version,
      pendingRemovals: [],
    });
    expect(draft.entries.find((e: { id: string }) => e.id === 'pet-policy').status).toBe('draft');
    expect(draft.entries.filter((e: { status: string }) => e.status === 'draft')).toHaveLength(1);
    expect((await ask('能带狗狗去你们实体店吗')).entryId).not.toBe('pet-policy');

    const preview = await post('/api/admin/kb/publish', { dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      published: false,
      version: before.version + 1,
      liveVersion: before.version,
      report: { changes: { added: 1, removed: 0, changed: 0 } },
    });
    expect((await get('/api/admin/kb')).publishedVersion).toBe(before.version);

    const published = await post('/api/admin/kb/publish', {});
    expect(published.json()).toMatchObject({
      published: true,
      version: before.version + 1,
      liveVersion: before.version + 1,
    });
    expect(await ask('能带狗狗去你们实体店吗')).toMatchObject({ decision: 'answer', entryId: 'pet-policy' });
    expect((await server.json('GET', '/healthz')).json().kbVersion).toBe(before.version + 1);
    expect((await post('/api/admin/kb/publish', {})).json().error.code).toBe('INVALID_STATE'); // already live
  });

  it('refuses answers whose links or images are not http(s)', async () => {
    const bad = await post('/api/admin/kb/entries', {
      ...PET,
      id: 'xss',
      answer: '点[这里](javascript:alert(1))，见![图](data:image/png;base64,AA)',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['answer', 'answer']);
  });
});

describe('regression cases gate a publish', () => {
  it('blocks a publish that breaks a passing case, shows what changed, and publishes with confirm', async () => {
    const created = await post('/api/admin/kb/regression-cases', {
      text: '能带狗狗去你们实体店吗',
      expectedEntryId: 'pet-policy',
    });
    expect(created.statusCode).toBe(201);
    const must = await post('/api/admin/kb/regression-cases', {
      text: '你们卖火箭发动机吗',
      expectedEntryId: null,
      note: '超出范围',
    });
    expect(must.statusCode).toBe(201);
    expect(
      (await post('/api/admin/kb/regression-cases', { text: 'x', expectedEntryId: 'no-such-entry' }))
        .statusCode,
    ).toBe(400);

    const live = (await get('/api/admin/kb')).publishedVersion;
    expect(
      (await server.json('DELETE', '/api/admin/kb/entries/pet-policy', undefined, { cookie })).statusCode,
    ).toBe(200);
    const refused = await post('/api/admin/kb/publish', {});
    expect(refused.statusCode).toBe(409);
    const report = refused.json().error.details;
    expect(refused.json().error).toMatchObject({
      code: 'PUBLISH_BLOCKED',
      reason: 'publish.blocked',
      params: { broken: 1 },
    });
    expect(report.broken.map((c: { id: string }) => c.id)).toEqual([created.json().id]);
    expect(report.broken[0]).toMatchObject({
      expectedEntryId: 'pet-policy',
      live: { pass: true, verdict: 'right' },
      candidate: { pass: false },
    });
    expect(report).toMatchObject({
      cases: 2,
      live: { passed: 2, accuracy: 1 },
      candidate: { passed: 1, accuracy: 0.5 },
      changes: { removed: 1 },
    });
    expect(report.wrong).toHaveLength(1);
    expect((await get('/api/admin/kb')).publishedVersion).toBe(live);
    expect((await ask('能带狗狗去你们实体店吗')).entryId).toBe('pet-policy');

    const forced = await post('/api/admin/kb/publish', { confirm: true });
    expect(forced.json()).toMatchObject({ published: true, liveVersion: live + 1 });
    expect((await ask('能带狗狗去你们实体店吗')).entryId).not.toBe('pet-policy');

    // Rolling back to the version before the delete, published in the same call, fixes the case.
    const rolled = await post(`/api/admin/kb/versions/${live}/rollback`, { publish: true });
    expect(rolled.statusCode).toBe(200);
    expect(rolled.json()).toMatchObject({
      version: live + 2,
      rolledBackTo: live,
      published: true,
      liveVersion: live + 2,
    });
    expect(rolled.json().report.fixed.map((c: { id: string }) => c.id)).toEqual([created.json().id]);
    expect((await ask('能带狗狗去你们实体店吗')).entryId).toBe('pet-policy');
    const history = await get('/api/admin/kb/versions?limit=3');
    expect(history.versions.map((v: { version: number; live: boolean }) => [v.version, v.live])).toEqual([
      [live + 2, true],
      [live + 1, false],
      [live, false],
    ]);
    expect(history.versions[0]).toMatchObject({
      note: `rollback to version ${live}`,
      author: 'admin',
      publishedBy: 'admin',
      changes: { added: 1, removed: 0, changed: 0 },
    });
    expect(history.versions[1].changes).toEqual({ added: 0, removed: 1, changed: 0 });
  });

  it('edits, imports (all or nothing) and exports cases as CASES.jsonl', async () => {
    const list = (await get('/api/admin/kb/regression-cases')).cases;
    const patched = await raw(
      'PATCH',
      `/api/admin/kb/regression-cases/${list[0].id}`,
      JSON.stringify({ note: '核心' }),
      'application/json',
    );
    expect(patched.json()).toMatchObject({ id: list[0].id, note: '核心', expectedEntryId: 'pet-policy' });

    const bad = '{"text":"怎么开发票","label":"invoice-request"}\nnot json\n{"text":"q","label":"nope"}\n';
    const refused = await raw('POST', '/api/admin/kb/regression-cases/import', bad, 'application/x-ndjson');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    expect((await get('/api/admin/kb/regression-cases')).cases).toHaveLength(list.length);

    const good = '{"text":"订单怎么取消","label":"order-cancel"}\n{"text":"能借我点钱吗","label":null}\n';
    const imported = await raw('POST', '/api/admin/kb/regression-cases/import', good, 'application/x-ndjson');
    expect(imported.json()).toEqual({ imported: 2, total: list.length + 2 });
    const exported = await raw('GET', '/api/admin/kb/regression-cases/export');
    const lines = exported.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.slice(-2)).toMatchObject([
      { text: '订单怎么取消', label: 'order-cancel' },
      { text: '能借我点钱吗', label: null },
    ]);
    expect(
      (await server.json('DELETE', `/api/admin/kb/regression-cases/${lines[0].id}`, undefined, { cookie }))
        .statusCode,
    ).toBe(204);
    expect(
      (await server.json('DELETE', `/api/admin/kb/regression-cases/${lines[0].id}`, undefined, { cookie }))
        .statusCode,
    ).toBe(404);
  });
});

describe('diff', () => {
  it('lists added, removed and changed entries with the fields and questions that changed', async () => {
    const from = (await get('/api/admin/kb')).version;
    const entry = (await get('/api/admin/kb')).entries.find((e: { id: string }) => e.id === 'order-cancel');
    const { status: _s, updatedAt: _u, id: _id, revision: _r, ...body } = entry;
    await server.json(
      'PUT',
      '/api/admin/kb/entries/order-cancel',
      { ...body, questions: [...body.questions.slice(1), '订单还能撤销吗'], answer: `${body.answer}（新）` },
      { cookie },
    );
    await server.json('DELETE', '/api/admin/kb/entries/pet-policy', undefined, { cookie });
    const diff = await get(`/api/admin/kb/diff?from=${from}&to=${from + 2}`);
    expect(diff.counts).toEqual({ added: 0, removed: 1, changed: 1 });
    expect(diff.removed.map((e: { id: string }) => e.id)).toEqual(['pet-policy']);
    expect(diff.changed[0]).toMatchObject({
      id: 'order-cancel',
      fields: ['questions', 'answer'],
      questionsAdded: ['订单还能撤销吗'],
      questionsRemoved: [entry.questions[0]],
    });
    // Without a range: what a publish of the draft would change.
    expect((await get('/api/admin/kb/diff')).counts).toEqual({ added: 0, removed: 1, changed: 1 });
    expect((await get('/api/admin/kb')).pendingRemovals).toEqual(['pet-policy']);
    expect(
      (await server.json('GET', '/api/admin/kb/diff?from=1&to=99999', undefined, { cookie })).statusCode,
    ).toBe(404);
  });
});

// Edits sent with If-Match (the revision of the copy they were made on), as the admin console sends them.
const send = (method: 'PUT' | 'DELETE', url: string, body: unknown, revision?: string) =>
  server.json(method, url, body, { cookie, ...(revision === undefined ? {} : { 'if-match': revision }) });

interface Listed {
  id: string;
  title: string;
  questions: string[];
  answer: string;
  category?: string;
  revision: string;
}
const entryOf = async (id: string): Promise<Listed | undefined> =>
  (await get('/api/admin/kb')).entries.find((e: Listed) => e.id === id);
/** What the entry editor sends: the KB file's fields of a listed entry. */
const editable = ({ title, questions, answer, category }: Listed) => ({ title, questions, answer, category });

describe('edits on a stale copy', () => {
  it('an entry edit with the current revision applies; one with an older revision is refused (412) and changes nothing', async () => {
    const first = (await entryOf('invoice-request'))!;
    const url = `/api/admin/kb/entries/${encodeURIComponent(first.id)}`;
    // Admin A saves on the copy both opened.
    const a = await send(
      'PUT',
      url,
      { ...editable(first), answer: first.answer + '（A 补充）' },
      `"${first.revision}"`,
    );
    expect(a.statusCode).toBe(200);
    expect(a.json().revision).not.toBe(first.revision);
    expect(a.headers.etag).toBe(`"${a.json().revision}"`);
    const version = (await get('/api/admin/kb')).version;

    // Admin B saves on the same, now stale, copy.
    const b = await send('PUT', url, { ...editable(first), answer: 'B 的答案' }, `"${first.revision}"`);
    expect(b.statusCode).toBe(412);
    expect(b.json().error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'entry.changed-meanwhile',
      params: { id: first.id },
      details: { revision: a.json().revision, entry: { id: first.id, answer: first.answer + '（A 补充）' } },
    });
    expect((await entryOf(first.id))?.answer).toBe(first.answer + '（A 补充）');
    expect((await get('/api/admin/kb')).version).toBe(version);

    // Deleting on the stale copy is refused too; on the current one it goes through.
    const staleDelete = await send('DELETE', url, undefined, first.revision);
    expect(staleDelete.statusCode).toBe(412);
    expect(await entryOf(first.id)).toBeDefined();
    const current = (await entryOf(first.id))!;
    expect(current.revision).toBe(a.json().revision);
    expect((await send('DELETE', url, undefined, `W/"${current.revision}"`)).statusCode).toBe(200);
    expect(await entryOf(first.id)).toBeUndefined();
    // Editing what is gone says so, whatever revision is sent.
    const gone = await send('PUT', url, editable(first), current.revision);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.reason).toBe('entry.not-found');
  });

  it('without If-Match an edit applies to the latest, as API scripts expect', async () => {
    const entry = (await entryOf('refund-arrival'))!;
    const url = `/api/admin/kb/entries/${encodeURIComponent(entry.id)}`;
    expect((await send('PUT', url, { ...editable(entry), title: entry.title + '？' })).statusCode).toBe(200);
    expect((await send('PUT', url, { ...editable(entry), title: entry.title + '！' })).statusCode).toBe(200);
    expect((await entryOf(entry.id))?.title).toBe(entry.title + '！');
    // "*" asks only that the entry exists.
    expect((await send('PUT', url, editable(entry), '*')).statusCode).toBe(200);
  });
});

describe('docs and access', () => {
  it('documents the routes and keeps them for admins', async () => {
    const paths = Object.keys((await server.json('GET', '/docs/json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/admin/kb/publish',
        '/api/admin/kb/diff',
        '/api/admin/kb/versions/{version}/rollback',
        '/api/admin/kb/regression-cases',
        '/api/admin/kb/import',
        '/api/admin/kb/export',
      ]),
    );
    const agent = await server.login('agent');
    expect((await server.json('POST', '/api/admin/kb/publish', {}, { cookie: agent })).statusCode).toBe(403);
  });
});
