import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('agent API', () => {
  it('refuses anonymous callers and wrong passwords', async () => {
    expect((await server.json('GET', '/api/agent/queue')).statusCode).toBe(401);
    const wrong = await server.json('POST', '/api/auth/login', { username: 'agent', password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('UNAUTHORIZED');
  });

  it('lets an agent accept a queued chat, see the bot transcript, reply both ways and resolve', async () => {
    const cookie = await server.login('agent');
    const customer = await server.startConversation();
    const { conversationId } = customer;
    await server.say(customer, '退款多久能到账');
    await server.say(customer, '我要人工');

    const queue = (await server.json('GET', '/api/agent/queue', undefined, { cookie })).json().conversations;
    expect(queue.map((c: { id: string }) => c.id)).toContain(conversationId);

    const accepted = await server.json(
      'POST',
      `/api/agent/conversations/${conversationId}/accept`,
      undefined,
      { cookie },
    );
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().conversation).toMatchObject({
      status: 'assigned',
      assignedAgent: { displayName: '客服小悦' },
    });

    // A second agent cannot take it any more.
    const other = await server.login('agent2');
    const clash = await server.json('POST', `/api/agent/conversations/${conversationId}/accept`, undefined, {
      cookie: other,
    });
    expect(clash.statusCode).toBe(409);

    const detail = (
      await server.json('GET', `/api/agent/conversations/${conversationId}`, undefined, { cookie })
    ).json();
    const botAnswer = detail.messages.find(
      (m: { meta?: { entryId?: string } }) => m.meta?.entryId === 'refund-arrival',
    );
    expect(botAnswer.meta).toMatchObject({ decision: 'answer', entryTitle: expect.any(String) });
    expect(
      detail.messages.some(
        (m: { meta?: { handoffReason?: string } }) => m.meta?.handoffReason === 'customer-request',
      ),
    ).toBe(true);

    const reply = await server.json(
      'POST',
      `/api/agent/conversations/${conversationId}/messages`,
      { text: '您好，我来帮您查', clientMessageId: 'a1' },
      { cookie },
    );
    expect(reply.json().message).toMatchObject({ sender: 'agent', agentName: '客服小悦' });
    const customerSide = await server.say(customer, '好的谢谢');
    expect(customerSide.json().replies).toEqual([]); // the bot is silent while a person has the chat
    expect(customerSide.json().conversation).toMatchObject({
      status: 'assigned',
      agent: { displayName: '客服小悦' },
    });

    const resolved = await server.json(
      'POST',
      `/api/agent/conversations/${conversationId}/resolve`,
      undefined,
      { cookie },
    );
    expect(resolved.json().conversation.status).toBe('resolved');
    const history = (await server.history(customer)).json().messages;
    expect(history.map((m: { seq: number }) => m.seq)).toEqual(history.map((_: unknown, i: number) => i + 1));
    expect(
      history.some(
        (m: { sender: string; text: string }) => m.sender === 'agent' && m.text === '您好，我来帮您查',
      ),
    ).toBe(true);
  });

  it('does not let an agent reply to a chat they have not accepted', async () => {
    const cookie = await server.login('agent2');
    const { conversationId } = await server.startConversation();
    const res = await server.json(
      'POST',
      `/api/agent/conversations/${conversationId}/messages`,
      { text: 'hi', clientMessageId: 'z' },
      { cookie },
    );
    expect(res.statusCode).toBe(409);
  });
});

describe('admin API', () => {
  it('is for admins only', async () => {
    const agent = await server.login('agent');
    expect((await server.json('GET', '/api/admin/kb', undefined, { cookie: agent })).statusCode).toBe(403);
  });

  it('edits the KB, makes a new version, and the bot answers from it once published', async () => {
    const cookie = await server.login('admin');
    const before = (await server.json('GET', '/api/admin/kb', undefined, { cookie })).json();
    expect(before.entries.length).toBeGreaterThanOrEqual(40);
    const created = await server.json(
      'POST',
      '/api/admin/kb/entries',
      {
        id: 'pet-policy',
        title: '可以带宠物进店吗',
        category: '门店',
        questions: ['宠物能进门店吗', '可以带狗狗来实体店吗', '实体店允许带猫吗'],
        answer: '悦购线下门店欢迎牵绳的小型宠物。',
      },
      { cookie },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().version).toBe(before.version + 1);
    // An edit is a draft: the bot answers from it once it is published.
    expect((await server.json('POST', '/api/admin/kb/publish', {}, { cookie })).json()).toMatchObject({
      published: true,
      liveVersion: before.version + 1,
    });
    const res = await server.say(await server.startConversation(), '能带狗狗去你们实体店吗');
    expect(res.json().replies[0]).toMatchObject({ decision: 'answer', entryId: 'pet-policy' });

    const bad = await server.json(
      'PUT',
      '/api/admin/kb/entries/pet-policy',
      { title: '', questions: [], answer: '' },
      { cookie },
    );
    expect(bad.statusCode).toBe(400);
    expect((await server.json('GET', '/api/admin/kb', undefined, { cookie })).json().version).toBe(
      before.version + 1,
    );

    const removed = await server.json('DELETE', '/api/admin/kb/entries/pet-policy', undefined, { cookie });
    expect(removed.json().version).toBe(before.version + 2);
  });

  it('refuses a KB import with a bad entry whole, with a per-entry error list', async () => {
    const cookie = await server.login('admin');
    const before = (await server.json('GET', '/api/admin/kb', undefined, { cookie })).json();
    const res = await server.json(
      'POST',
      '/api/admin/kb/import',
      {
        name: 'x',
        locale: 'zh-CN',
        entries: [
          { id: 'ok', title: 't', questions: ['q'], answer: 'a' },
          { id: 'bad', title: 't', questions: [], answer: 'a' },
        ],
      },
      { cookie },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_KB');
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ index: 1 })]));
    const after = (await server.json('GET', '/api/admin/kb', undefined, { cookie })).json();
    expect(after.version).toBe(before.version);
    expect(after.entries.length).toBe(before.entries.length);
  });

  it('publishes OpenAPI docs', async () => {
    const res = await server.json('GET', '/docs/json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/conversations',
        '/api/v1/conversations/{id}/messages',
        '/api/agent/queue',
        '/api/admin/kb',
      ]),
    );
  });
});
