// The KB's "must not answer" examples over HTTP: the admin edits them (a draft version, live after a
// publish), they travel in JSON import and export, CSV keeps them, and bad input changes nothing.
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
const put = (body: unknown, revision?: string, as = cookie) =>
  server.json('PUT', '/api/admin/kb/negatives', body, {
    cookie: as,
    ...(revision === undefined ? {} : { 'if-match': revision }),
  });
const importFile = (payload: string, contentType: string) =>
  server.app.inject({
    method: 'POST',
    url: '/api/admin/kb/import',
    payload,
    headers: { cookie, 'content-type': contentType },
  });

describe('"must not answer" examples', () => {
  it('start as the demo KB has them, and are edited as a draft version: trimmed, blanks and repeats dropped', async () => {
    const before = await get('/api/admin/kb');
    expect(before.negatives.length).toBeGreaterThan(10);

    const res = await put({ negatives: ['  今天天气怎么样 ', '', '讲个笑话', '今天天气怎么样', '   '] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      negatives: ['今天天气怎么样', '讲个笑话'],
      revision: expect.any(String),
      version: before.version + 1,
      changed: true,
    });
    const draft = await get('/api/admin/kb');
    expect(draft).toMatchObject({
      negatives: ['今天天气怎么样', '讲个笑话'],
      version: before.version + 1,
      publishedVersion: before.publishedVersion,
    });
    // The same examples again, in any order, make no version.
    for (const again of [
      ['讲个笑话', '今天天气怎么样'],
      ['今天天气怎么样', ' 讲个笑话', ''],
    ]) {
      expect((await put({ negatives: again })).json()).toEqual({
        negatives: ['今天天气怎么样', '讲个笑话'],
        revision: res.json().revision,
        version: before.version + 1,
        changed: false,
      });
    }
    expect((await put({ negatives: ['讲个笑话'] })).json()).toMatchObject({ changed: true });

    const versions = (await get('/api/admin/kb/versions?limit=2')).versions;
    expect(versions.map((v: { negatives: unknown }) => v.negatives)).toEqual([
      { added: 0, removed: 1 },
      { added: 2, removed: before.negatives.length },
    ]);
    const diff = await get(`/api/admin/kb/diff?from=${before.version}&to=${before.version + 1}`);
    expect(diff.negatives).toEqual({ added: ['今天天气怎么样', '讲个笑话'], removed: before.negatives });
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0 });

    // The live demo bot takes this for a restock question (it shares 还会 with them); as an example, once
    // published, it goes to a person, and the agent's transcript says which example sent it.
    const ask = async (text: string) => (await server.say(await server.startConversation(), text)).json();
    expect((await ask('狗狗币还会涨吗？')).replies[0]).toMatchObject({ decision: 'answer' });
    expect((await put({ negatives: ['讲个笑话', '狗狗币还会涨吗'] })).json().changed).toBe(true);
    const published = await server.json('POST', '/api/admin/kb/publish', {}, { cookie });
    expect(published.json()).toMatchObject({ published: true, liveVersion: before.version + 3 });
    const customer = await server.startConversation();
    const reply = (await server.say(customer, '狗狗币还会涨吗？')).json().replies[0];
    expect(reply.decision).toBe('handoff');
    const agent = await server.login('agent');
    const transcript = await server.json(
      'GET',
      `/api/agent/conversations/${customer.conversationId}`,
      undefined,
      { cookie: agent },
    );
    const bot = transcript
      .json()
      .messages.find((m: { meta?: { decision?: string } }) => m.meta?.decision === 'handoff');
    expect(bot.meta.mustNotAnswer).toMatchObject({ example: '狗狗币还会涨吗' });
  });

  it('refuse bad input whole (not a list of text, too many, too long, missing, unknown fields) and keep what is stored', async () => {
    const stored = (await get('/api/admin/kb')).negatives;
    const version = (await get('/api/admin/kb')).version;
    for (const body of [
      { negatives: '今天天气怎么样' },
      { negatives: [1, 2] },
      { negatives: Array.from({ length: 5001 }, (_, i) => `问题${i}`) },
      { negatives: ['x'.repeat(1001)] },
      { negatives: ['两行\n的一条'] },
      { negatives: [{ text: '天气' }] },
      { negatives: null },
      {},
      { negatives: [], extra: true },
    ]) {
      const res = await put(body);
      expect([JSON.stringify(body).slice(0, 40), res.statusCode]).toEqual([
        JSON.stringify(body).slice(0, 40),
        400,
      ]);
      expect(res.json().error.code).toBe('BAD_REQUEST');
    }
    expect(await get('/api/admin/kb')).toMatchObject({ negatives: stored, version });
    const agent = await server.login('agent');
    expect((await put({ negatives: [] }, undefined, agent)).statusCode).toBe(403);
  });

  it('travel in JSON export and import; a file without them, or a CSV, keeps the stored ones', async () => {
    const exported = (
      await server.app.inject({ method: 'GET', url: '/api/admin/kb/export?format=json', headers: { cookie } })
    ).json();
    expect(Object.keys(exported)).toEqual(['name', 'locale', 'negatives', 'entries']);
    const stored = exported.negatives as string[];
    expect(stored.length).toBeGreaterThan(0);

    const { negatives: _dropped, ...contract } = exported;
    const kept = await importFile(JSON.stringify(contract), 'application/json');
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ negatives: null }); // said so in the reply and the audit log
    expect((await get('/api/admin/kb')).negatives).toEqual(stored);

    const csv = (
      await server.app.inject({ method: 'GET', url: '/api/admin/kb/export?format=csv', headers: { cookie } })
    ).body;
    expect((await importFile(csv, 'text/csv')).statusCode).toBe(200);
    expect((await get('/api/admin/kb')).negatives).toEqual(stored);

    const withList = { ...contract, negatives: ['  新的一条 ', '新的一条'] };
    const replaced = await importFile(JSON.stringify(withList), 'application/json');
    expect(replaced.json()).toMatchObject({ negatives: 1 });
    expect((await get('/api/admin/kb')).negatives).toEqual(['新的一条']);

    for (const negatives of ['not a list', ['一行', '两\n行'], Array(5001).fill('重复')]) {
      const refused = await importFile(JSON.stringify({ ...contract, negatives }), 'application/json');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0]).toMatchObject({ field: 'negatives' });
    }
    expect((await get('/api/admin/kb')).negatives).toEqual(['新的一条']);

    // Any version exports with the list it had.
    const { version } = await get('/api/admin/kb');
    const old = await server.app.inject({
      method: 'GET',
      url: `/api/admin/kb/export?format=json&version=${version - 1}`,
      headers: { cookie },
    });
    expect(old.json().negatives).toEqual(stored);
  });

  it('a save on a copy another admin changed meanwhile (If-Match) is refused with the current list; nothing changes', async () => {
    const kb = await get('/api/admin/kb');
    const a = await put(
      { negatives: [...kb.negatives, '帮我查一下明天的天气'] },
      `"${kb.negativesRevision}"`,
    );
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ changed: true });
    expect(a.headers.etag).toBe(`"${a.json().revision}"`);
    expect((await get('/api/admin/kb')).negativesRevision).toBe(a.json().revision);

    const b = await put({ negatives: ['只有 B 的例句'] }, `"${kb.negativesRevision}"`);
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
    const reordered = await put({ negatives: [...a.json().negatives].reverse() }, a.json().revision);
    expect(reordered.json()).toMatchObject({ changed: false, revision: a.json().revision });
  });
});
