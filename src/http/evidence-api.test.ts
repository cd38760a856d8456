import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTranscript } from '../evidence/verify-transcript.js';
import { startTestServer, type TestServer } from './test-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A conversation the bot answered, an agent took over, replied to and resolved. */
async function resolvedConversation(cookie: string) {
  const { conversationId, token } = await server.startConversation();
  await server.say({ conversationId, token }, '退款多久能到账');
  await server.json('POST', `/api/v1/conversations/${conversationId}/handoff`, undefined, bearer(token));
  expect(
    (await server.json('POST', `/api/agent/conversations/${conversationId}/accept`, undefined, { cookie }))
      .statusCode,
  ).toBe(200);
  await server.json(
    'POST',
    `/api/agent/conversations/${conversationId}/messages`,
    { text: '您好，已为您加急', clientMessageId: 'a1' },
    { cookie },
  );
  expect(
    (await server.json('POST', `/api/agent/conversations/${conversationId}/resolve`, undefined, { cookie }))
      .statusCode,
  ).toBe(200);
  return { conversationId, token };
}

describe('transcripts', () => {
  it('publishes the transcript key with its fingerprint, also as a PEM file', async () => {
    const res = await server.json('GET', '/api/v1/keys/transcript');
    expect(res.statusCode).toBe(200);
    const key = res.json();
    expect(key.algorithm).toBe('ed25519');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(key.fingerprintDisplay.replaceAll(' ', '')).toBe(key.fingerprint);
    const pem = await server.json('GET', '/api/v1/keys/transcript?format=pem');
    expect(pem.body).toBe(key.publicKeyPem);
  });

  it('gives the customer a signed transcript after the chat ended, that verifies with the published key', async () => {
    const agent = await server.login('agent');
    const { conversationId, token } = await resolvedConversation(agent);
    const key = (await server.json('GET', '/api/v1/keys/transcript')).json();

    const res = await server.json(
      'GET',
      `/api/v1/conversations/${conversationId}/transcript`,
      undefined,
      bearer(token),
    );
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.format).toBe('zhida-transcript/1');
    expect(doc.conversation).toMatchObject({ id: conversationId, status: 'resolved' });
    expect(doc.messages.map((m: { seq: number }) => m.seq)).toEqual(
      doc.messages.map((_: unknown, i: number) => i + 1),
    );
    expect(doc.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sender: 'agent', senderName: '客服小悦', text: '您好，已为您加急' }),
      ]),
    );
    expect(verifyTranscript(doc, { keyPem: key.publicKeyPem })).toMatchObject({
      intact: true,
      fingerprint: key.fingerprint,
    });

    const html = await server.json(
      'GET',
      `/api/v1/conversations/${conversationId}/transcript?format=html&download=1`,
      undefined,
      bearer(token),
    );
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-disposition']).toBe(
      `attachment; filename="transcript-${conversationId}.html"`,
    );
    expect(html.body).toContain(key.fingerprintDisplay);
    expect(html.body).toContain('您好，已为您加急');
  });

  it('refuses a transcript without the conversation token (401) or with another one (403)', async () => {
    const { conversationId } = await server.startConversation();
    const other = await server.startConversation();
    expect((await server.json('GET', `/api/v1/conversations/${conversationId}/transcript`)).statusCode).toBe(
      401,
    );
    const wrong = await server.json(
      'GET',
      `/api/v1/conversations/${conversationId}/transcript`,
      undefined,
      bearer(other.token),
    );
    expect(wrong.statusCode).toBe(403);
  });

  it('verifies an uploaded transcript: intact and signed here, or what was changed', async () => {
    const { conversationId, token } = await server.startConversation();
    await server.say({ conversationId, token }, '发票怎么开');
    const doc = (
      await server.json('GET', `/api/v1/conversations/${conversationId}/transcript`, undefined, bearer(token))
    ).json();
    const published = (await server.json('GET', '/api/v1/keys/transcript')).json().fingerprint;

    const ok = (await server.json('POST', '/api/v1/transcripts/verify', doc)).json();
    expect(ok).toMatchObject({
      intact: true,
      problems: [],
      fingerprint: published,
      publishedFingerprint: published,
      signedByThisServer: true,
      messageCount: doc.messages.length,
    });

    doc.messages[1].text = '客服承诺三倍赔偿';
    const bad = await server.json('POST', '/api/v1/transcripts/verify', doc);
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toMatchObject({ intact: false, signedByThisServer: false });
    expect(bad.json().problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'hash_mismatch', index: 1, seq: 2, messageZh: expect.any(String) }),
      ]),
    );
    expect(
      (await server.json('POST', '/api/v1/transcripts/verify', { not: 'a transcript' })).json(),
    ).toMatchObject({
      intact: false,
      problems: [expect.objectContaining({ code: 'malformed' })],
    });
  });
});

describe('ratings', () => {
  it('refuses a rating before the conversation is resolved, then keeps the latest and shows it to agents', async () => {
    const agent = await server.login('agent');
    const open = await server.startConversation();
    const early = await server.json(
      'POST',
      `/api/v1/conversations/${open.conversationId}/rating`,
      { score: 5 },
      bearer(open.token),
    );
    expect(early.statusCode).toBe(409);

    const { conversationId, token } = await resolvedConversation(agent);
    const bad = await server.json(
      'POST',
      `/api/v1/conversations/${conversationId}/rating`,
      { score: 6 },
      bearer(token),
    );
    expect(bad.statusCode).toBe(400);
    const first = await server.json(
      'POST',
      `/api/v1/conversations/${conversationId}/rating`,
      { score: 2, comment: '等了很久' },
      bearer(token),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().rating).toMatchObject({ conversationId, score: 2, comment: '等了很久' });
    await server.json('POST', `/api/v1/conversations/${conversationId}/rating`, { score: 4 }, bearer(token));
    expect(
      (
        await server.json('GET', `/api/v1/conversations/${conversationId}/rating`, undefined, bearer(token))
      ).json().rating,
    ).toMatchObject({ score: 4, comment: null });

    const detail = (
      await server.json('GET', `/api/agent/conversations/${conversationId}`, undefined, { cookie: agent })
    ).json();
    expect(detail.conversation.rating).toMatchObject({ score: 4, comment: null });
    const board = (await server.json('GET', '/api/agent/ratings', undefined, { cookie: agent })).json();
    expect(board.summary.count).toBeGreaterThanOrEqual(1);
    expect(board.ratings[0]).toMatchObject({ conversationId, score: 4 });
    expect(board.summary.distribution['2']).toBe(0); // the replaced 2 no longer counts
  });
});

describe('audit log', () => {
  it('records reading and downloading conversations and KB changes; only admins read it, with filters and paging', async () => {
    const agent = await server.login('agent');
    const admin = await server.login('admin');
    const { conversationId } = await server.startConversation();
    await server.json('GET', `/api/agent/conversations/${conversationId}`, undefined, { cookie: agent });
    const agentDownload = await server.json(
      'GET',
      `/api/agent/conversations/${conversationId}/transcript?format=html`,
      undefined,
      { cookie: agent },
    );
    expect(agentDownload.statusCode).toBe(200);
    const created = await server.json(
      'POST',
      '/api/admin/kb/entries',
      { id: 'audit-probe', title: '审计测试', questions: ['审计测试问题'], answer: '答' },
      { cookie: admin },
    );
    expect(created.statusCode).toBe(201);
    await server.json('DELETE', '/api/admin/kb/entries/audit-probe', undefined, { cookie: admin });
    await server.json('GET', '/api/admin/kb/export', undefined, { cookie: admin });

    expect((await server.json('GET', '/api/admin/audit', undefined, { cookie: agent })).statusCode).toBe(403);
    expect((await server.json('GET', '/api/admin/audit')).statusCode).toBe(401);
    const all = (await server.json('GET', '/api/admin/audit?limit=100', undefined, { cookie: admin })).json();
    const actions = all.entries.map((e: { action: string; object: { id: string | null } }) =>
      `${e.action} ${e.object.id ?? ''}`.trim(),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        `conversation.read ${conversationId}`,
        `transcript.download ${conversationId}`,
        'kb.entry.create audit-probe',
        'kb.entry.delete audit-probe',
        'kb.export',
      ]),
    );
    const read = all.entries.find((e: { action: string }) => e.action === 'conversation.read');
    expect(read.actor).toMatchObject({ role: 'agent', name: '客服小悦', id: expect.any(String) });

    const deletes = (
      await server.json('GET', '/api/admin/audit?action=kb.entry.delete', undefined, { cookie: admin })
    ).json();
    expect(deletes.entries.every((e: { action: string }) => e.action === 'kb.entry.delete')).toBe(true);
    const byAgent = (
      await server.json('GET', `/api/admin/audit?actorId=${read.actor.id}&limit=1&offset=0`, undefined, {
        cookie: admin,
      })
    ).json();
    expect(byAgent.entries).toHaveLength(1);
    expect(byAgent.total).toBeGreaterThanOrEqual(2);
  });

  it('documents the new routes in OpenAPI', async () => {
    const paths = Object.keys((await server.json('GET', '/docs/json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/keys/transcript',
        '/api/v1/conversations/{id}/transcript',
        '/api/v1/transcripts/verify',
        '/api/v1/conversations/{id}/rating',
        '/api/v1/conversations/{id}/complaints',
        '/api/agent/complaints',
        '/api/agent/complaints/breaches',
        '/api/admin/audit',
      ]),
    );
  });
});
