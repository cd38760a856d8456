// Two admins editing the same thing: an edit sent with If-Match (the revision of the copy it was made
// on) is refused with 412 when someone changed it meanwhile, and nothing stored changes.
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
    const first = (await get('/api/admin/kb')).entries[0] as Listed;
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
    const entry = (await get('/api/admin/kb')).entries[1] as Listed;
    const url = `/api/admin/kb/entries/${encodeURIComponent(entry.id)}`;
    expect((await send('PUT', url, { ...editable(entry), title: entry.title + '？' })).statusCode).toBe(200);
    expect((await send('PUT', url, { ...editable(entry), title: entry.title + '！' })).statusCode).toBe(200);
    expect((await entryOf(entry.id))?.title).toBe(entry.title + '！');
    // "*" asks only that the entry exists.
    expect((await send('PUT', url, editable(entry), '*')).statusCode).toBe(200);
  });

  it('the "must not answer" list: a save on a stale copy is refused (412) with the current list; nothing changes', async () => {
    const kb = await get('/api/admin/kb');
    const url = '/api/admin/kb/negatives';
    const a = await send(
      'PUT',
      url,
      { negatives: [...kb.negatives, '帮我查一下明天的天气'] },
      `"${kb.negativesRevision}"`,
    );
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ changed: true });
    expect(a.headers.etag).toBe(`"${a.json().revision}"`);
    expect((await get('/api/admin/kb')).negativesRevision).toBe(a.json().revision);

    const b = await send('PUT', url, { negatives: ['只有 B 的例句'] }, `"${kb.negativesRevision}"`);
    expect(b.statusCode).toBe(412);
    expect(b.json().error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'negatives.changed-meanwhile',
      details: { revision: a.json().revision, negatives: a.json().negatives },
    });
    const after = await get('/api/admin/kb');
    expect(after.negatives).toEqual(a.json().negatives);
    expect(after.version).toBe(a.json().version);
    // The order of the examples is not a change: the revision of the same set is the same.
    const reordered = await send(
      'PUT',
      url,
      { negatives: [...a.json().negatives].reverse() },
      a.json().revision,
    );
    expect(reordered.json()).toMatchObject({ changed: false, revision: a.json().revision });
  });
});
