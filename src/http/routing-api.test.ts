import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startTestServer, type TestServer } from './test-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const status = async (c: { conversationId: string; token: string }) =>
  (await server.json('GET', `/api/v1/conversations/${c.conversationId}`, undefined, bearer(c.token))).json()
    .conversation;
const userId = async (cookie: string) =>
  (await server.json('GET', '/api/auth/me', undefined, { cookie })).json().user.id as string;

/** Every test starts with all agents offline and an empty queue. */
afterEach(async () => {
  const admin = await server.login('admin');
  for (const name of ['agent', 'agent2']) {
    const cookie = await server.login(name);
    await server.json(
      'PUT',
      `/api/admin/agents/${await userId(cookie)}`,
      { capacity: 5, groups: [] },
      { cookie: admin },
    );
    await server.json('POST', '/api/agent/presence', { presence: 'offline' }, { cookie });
  }
  const queue = (await server.json('GET', '/api/agent/queue', undefined, { cookie: admin })).json()
    .conversations;
  for (const c of queue)
    await server.json('POST', `/api/agent/conversations/${c.id}/resolve`, undefined, { cookie: admin });
  for (const name of ['agent', 'agent2']) {
    const cookie = await server.login(name);
    const mine = (await server.json('GET', '/api/agent/conversations?mine=1', undefined, { cookie })).json()
      .conversations;
    for (const c of mine)
      await server.json('POST', `/api/agent/conversations/${c.id}/resolve`, undefined, { cookie });
  }
});

describe('automatic assignment and presence', () => {
  it('gives a waiting chat to an agent the moment they come online', async () => {
    const customer = await server.startConversation();
    await server.say(customer, '转人工');
    expect(await status(customer)).toMatchObject({
      status: 'queued',
      queuePosition: 1,
      agentsAvailable: false,
    });
    const cookie = await server.login('agent');
    await server.json('POST', '/api/agent/presence', { presence: 'online' }, { cookie });
    await expect.poll(async () => (await status(customer)).status).toBe('assigned');
    expect((await status(customer)).agent).toEqual({ displayName: '客服小悦' });
  });

  it('routes by the skill group of the topic being discussed', async () => {
    const admin = await server.login('admin');
    const a = await server.login('agent');
    const b = await server.login('agent2');
    await server.json('PUT', `/api/admin/agents/${await userId(a)}`, { groups: ['支付'] }, { cookie: admin });
    await server.json('PUT', `/api/admin/agents/${await userId(b)}`, { groups: ['售后'] }, { cookie: admin });
    await server.json('POST', '/api/agent/presence', { presence: 'online' }, { cookie: a });
    await server.json('POST', '/api/agent/presence', { presence: 'online' }, { cookie: b });
    const customer = await server.startConversation();
    await server.say(customer, '退款多久能到账');
    await server.say(customer, '还是转人工吧');
    await expect.poll(async () => (await status(customer)).agent?.displayName).toBe('客服小达');
  });

  it('keeps chats waiting beyond capacity, with a position and an estimated wait', async () => {
    const admin = await server.login('admin');
    const cookie = await server.login('agent');
    await server.json('PUT', `/api/admin/agents/${await userId(cookie)}`, { capacity: 1 }, { cookie: admin });
    await server.json('POST', '/api/agent/presence', { presence: 'online' }, { cookie });
    const first = await server.startConversation();
    const second = await server.startConversation();
    await server.say(first, '人工客服');
    await expect.poll(async () => (await status(first)).status).toBe('assigned');
    await server.say(second, '人工客服');
    const waiting = await status(second);
    expect(waiting).toMatchObject({ status: 'queued', queuePosition: 1, agentsAvailable: true });
    expect(waiting.estimatedWaitSeconds).toBeGreaterThan(0);
    // When the first chat ends, the second gets the agent.
    await server.json('POST', `/api/agent/conversations/${first.conversationId}/resolve`, undefined, {
      cookie,
    });
    await expect.poll(async () => (await status(second)).status).toBe('assigned');
  });

  it('puts the chats of an agent who goes offline back at the front of the queue', async () => {
    const cookie = await server.login('agent');
    await server.json('POST', '/api/agent/presence', { presence: 'online' }, { cookie });
    const customer = await server.startConversation();
    await server.say(customer, '转人工');
    await expect.poll(async () => (await status(customer)).status).toBe('assigned');
    const other = await server.startConversation();
    await server.json('POST', '/api/agent/presence', { presence: 'away' }, { cookie });
    await server.say(other, '转人工');
    await server.json('POST', '/api/agent/presence', { presence: 'offline' }, { cookie });
    expect(await status(customer)).toMatchObject({ status: 'queued', queuePosition: 1 });
    const history = (await server.history(customer)).json().messages;
    expect(history.at(-1)).toMatchObject({ sender: 'system', text: expect.stringContaining('优先重新排队') });
  });

  it('serves angry customers before calm ones who came earlier', async () => {
    const calm = await server.startConversation();
    const angry = await server.startConversation();
    await server.say(calm, '转人工');
    await server.say(angry, '垃圾客服，气死我了');
    expect((await status(angry)).queuePosition).toBe(1);
    expect((await status(calm)).queuePosition).toBe(2);
  });

  it('serves customers whom agents tagged VIP (any letter case) before others who came earlier', async () => {
    const agent = await server.login('agent');
    const known = async (externalId: string) =>
      (await server.json('POST', '/api/v1/conversations', { customer: { externalId } })).json() as {
        conversationId: string;
        token: string;
      };
    const tag = async (externalId: string, tags: string[]) => {
      const key = encodeURIComponent(`ext:${externalId}`);
      const res = await server.json(
        'POST',
        `/api/agent/customers/${key}/tags`,
        { add: tags },
        { cookie: agent },
      );
      expect(res.statusCode).toBe(200);
    };
    const run = Math.random().toString(36).slice(2);
    const calm = await known(`crm-calm-${run}`);
    const upper = await known(`crm-upper-${run}`);
    const lower = await known(`crm-lower-${run}`);
    await tag(`crm-calm-${run}`, ['老客户']);
    await tag(`crm-upper-${run}`, ['VIP']);
    await tag(`crm-lower-${run}`, ['vip', '老客户']);
    await server.say(calm, '转人工');
    await server.say(upper, '转人工');
    await server.say(lower, '转人工');
    expect((await status(upper)).queuePosition).toBe(1);
    expect((await status(lower)).queuePosition).toBe(2);
    expect((await status(calm)).queuePosition).toBe(3);
    const queue = (await server.json('GET', '/api/agent/queue', undefined, { cookie: agent })).json()
      .conversations as Array<{ id: string; priority: string }>;
    expect(queue.map((c) => [c.id, c.priority])).toEqual([
      [upper.conversationId, 'vip'],
      [lower.conversationId, 'vip'],
      [calm.conversationId, 'normal'],
    ]);
  });
});

describe('transfer, notes, suggestions', () => {
  it('transfers to another agent with a note the next agent can read', async () => {
    const a = await server.login('agent');
    const b = await server.login('agent2');
    const customer = await server.startConversation();
    await server.say(customer, '发票怎么开');
    await server.say(customer, '转人工');
    await server.json('POST', `/api/agent/conversations/${customer.conversationId}/accept`, undefined, {
      cookie: a,
    });
    const suggestions = (
      await server.json('GET', `/api/agent/conversations/${customer.conversationId}/suggestions`, undefined, {
        cookie: a,
      })
    ).json();
    expect(suggestions.question).toBe('转人工');
    const moved = await server.json(
      'POST',
      `/api/agent/conversations/${customer.conversationId}/transfer`,
      { agentId: await userId(b), note: '客户要开增值税专票' },
      { cookie: a },
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.json().conversation.assignedAgent.displayName).toBe('客服小达');
    const notes = (
      await server.json('GET', `/api/agent/conversations/${customer.conversationId}/notes`, undefined, {
        cookie: b,
      })
    ).json().notes;
    expect(notes[0].text).toContain('增值税专票');
    // Notes never reach the customer.
    const history = (await server.history(customer)).json().messages;
    expect(history.some((m: { text: string }) => m.text.includes('增值税专票'))).toBe(false);
    // The first agent can no longer write in it.
    const stale = await server.json(
      'POST',
      `/api/agent/conversations/${customer.conversationId}/messages`,
      { text: 'hi', clientMessageId: 'x' },
      { cookie: a },
    );
    expect(stale.statusCode).toBe(409);
  });
});

describe('leaving the queue and callback tickets', () => {
  it('lets the customer leave the queue and the bot answers again', async () => {
    const customer = await server.startConversation();
    await server.say(customer, '转人工');
    const left = await server.json(
      'POST',
      `/api/v1/conversations/${customer.conversationId}/leave-queue`,
      undefined,
      bearer(customer.token),
    );
    expect(left.json().conversation.status).toBe('bot');
    const res = await server.say(customer, '退款多久能到账');
    expect(res.json().replies[0].decision).toBe('answer');
  });

  it('takes a callback ticket that agents see', async () => {
    const customer = await server.startConversation();
    await server.say(customer, '转人工');
    const res = await server.json(
      'POST',
      `/api/v1/conversations/${customer.conversationId}/callback`,
      { name: '王阿姨', phone: '13800138000', question: '想问一下保修' },
      bearer(customer.token),
    );
    expect(res.statusCode).toBe(201);
    expect((await status(customer)).status).toBe('bot');
    const cookie = await server.login('agent');
    const tickets = (await server.json('GET', '/api/agent/tickets?status=open', undefined, { cookie })).json()
      .tickets;
    expect(tickets[0]).toMatchObject({ name: '王阿姨', phone: '13800138000', status: 'open' });
    const bad = await server.json(
      'POST',
      `/api/v1/conversations/${customer.conversationId}/callback`,
      { name: 'x', phone: 'call me', question: 'q' },
      bearer(customer.token),
    );
    expect(bad.statusCode).toBe(400);
  });
});

describe('outside business hours', () => {
  it('says so honestly and assigns nobody', async () => {
    const now = new Date();
    // A one-minute window that is not now, in UTC.
    const h = String((now.getUTCHours() + 12) % 24).padStart(2, '0');
    const closed = await startTestServer({
      routing: { ...loadConfig().routing, businessHours: `${h}:00-${h}:01`, utcOffsetMinutes: 0 },
    });
    try {
      const cookie = await closed.login('agent');
      await closed.json('POST', '/api/agent/presence', { presence: 'online' }, { cookie });
      const c = await closed.startConversation();
      await closed.json(
        'POST',
        `/api/v1/conversations/${c.conversationId}/handoff`,
        undefined,
        bearer(c.token),
      );
      const view = (
        await closed.json('GET', `/api/v1/conversations/${c.conversationId}`, undefined, bearer(c.token))
      ).json().conversation;
      expect(view).toMatchObject({
        status: 'queued',
        withinHours: false,
        agentsAvailable: false,
        estimatedWaitSeconds: null,
      });
    } finally {
      await closed.close();
    }
  });
});
