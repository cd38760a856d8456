// In-process HTTP tests of customer profiles: built from conversations made through the real API; tags,
// search, export, erasure (texts gone, counts kept) and role checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoKb from '../demo/demo-kb.json' with { type: 'json' };
import { startTestServer, type TestServer } from './test-support.js';

const T0 = Date.UTC(2026, 2, 1, 2, 0, 0);
const DAY_MS = 86_400_000;
const KEY = 'ext:u-9';
const PATH_KEY = encodeURIComponent(KEY);

let server: TestServer;
let now = T0;
let admin: string;
let agent: string;
const tokens: Record<string, string> = {};
let first = '';
let second = '';
let anonymous = '';

async function start(body: object): Promise<string> {
  const { conversationId, token } = (await server.json('POST', '/api/v1/conversations', body)).json() as {
    conversationId: string;
    token: string;
  };
  tokens[conversationId] = token;
  return conversationId;
}

const customer = (id: string) => ({ conversationId: id, token: tokens[id] });

async function say(id: string, text: string) {
  const res = await server.say(customer(id), text);
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Array<{ decision: string; entryId?: string }> }).replies[0];
}

const get = (url: string, cookie = admin) => server.json('GET', url, undefined, { cookie });

beforeAll(async () => {
  server = await startTestServer({ sessionHours: 24 * 7 }, { clock: () => now });
  admin = await server.login('admin');
  agent = await server.login('agent');
  first = await start({
    channel: 'app',
    customer: { externalId: 'u-9', name: '李雷', phone: '13900001111' },
  });
  expect(await say(first, '退款多久能到账')).toMatchObject({ decision: 'answer', entryId: 'refund-arrival' });
  now += DAY_MS;
  second = await start({ customer: { externalId: 'u-9' } });
  await say(second, '气死我了！订单怎么取消');
  anonymous = await start({});
  await say(anonymous, '你好');
});

afterAll(async () => {
  await server.close();
});

describe('customer profiles API', () => {
  it("shows the agent the chat's customer: contacts, topics, sentiment, last contacts", async () => {
    const res = await get(`/api/agent/conversations/${second}/profile`, agent);
    expect(res.statusCode).toBe(200);
    const { customerKey, anonymous: isAnonymous, profile } = res.json();
    expect([customerKey, isAnonymous]).toEqual([KEY, false]);
    const refundCategory = demoKb.entries.find((e) => e.id === 'refund-arrival')?.category;
    expect(profile).toMatchObject({
      key: KEY,
      name: '李雷',
      phone: '13900001111',
      contacts: 2,
      firstContactAt: new Date(T0).toISOString(),
      lastContactAt: new Date(T0 + DAY_MS).toISOString(),
      channels: { app: 1, web: 1 },
      care: false,
      csat: { count: 0, average: null, ratings: [] },
      complaints: { open: 0, items: [] },
      tickets: { open: 0, items: [] },
      tags: [],
    });
    expect(profile.topics[0]).toEqual({ month: '2026-03', category: refundCategory, hits: 1 });
    expect(profile.lastContacts.map((c: { conversationId: string }) => c.conversationId)).toEqual([
      second,
      first,
    ]);
    expect(profile.sentiment.points.map((p: { anger: number }) => p.anger)).toEqual([0, 2]);
    expect(profile.sentiment).toMatchObject({ trend: 'worsening', angryConversations: 1 });

    const anon = await get(`/api/agent/conversations/${anonymous}/profile`, agent);
    expect(anon.json()).toEqual({
      conversationId: anonymous,
      customerKey: null,
      anonymous: true,
      profile: null,
    });
    expect((await get('/api/agent/conversations/nope/profile', agent)).statusCode).toBe(404);
  });

  it('lets agents tag a customer', async () => {
    const tag = (body: object, key = PATH_KEY) =>
      server.json('POST', `/api/agent/customers/${key}/tags`, body, { cookie: agent });
    const added = await tag({ add: ['VIP', '老客户', 'VIP '] });
    expect(added.statusCode).toBe(200);
    expect(added.json().tags.map((t: { tag: string; addedBy: string }) => [t.tag, t.addedBy])).toEqual([
      ['VIP', '客服小悦'],
      ['老客户', '客服小悦'],
    ]);
    expect((await tag({ remove: ['VIP'] })).json().tags.map((t: { tag: string }) => t.tag)).toEqual([
      '老客户',
    ]);
    expect((await tag({ add: ['x'] }, encodeURIComponent('ext:nobody'))).statusCode).toBe(404);
    expect((await tag({ add: ['x'] }, 'not-a-key')).statusCode).toBe(400);
    expect((await tag({ add: ['x'], remove: ['x'] })).statusCode).toBe(400);
  });

  it('lets admins search, view and export customers; agents may not', async () => {
    const found = await get('/api/admin/customers?query=李');
    expect(found.json().customers).toEqual([
      {
        key: KEY,
        name: '李雷',
        phone: '13900001111',
        contacts: 2,
        firstContactAt: new Date(T0).toISOString(),
        lastContactAt: new Date(T0 + DAY_MS).toISOString(),
      },
    ]);
    expect(
      (await get(`/api/admin/customers/${PATH_KEY}`)).json().profile.tags.map((t: { tag: string }) => t.tag),
    ).toEqual(['老客户']);
    const exported = await get(`/api/admin/customers/${PATH_KEY}/export`);
    expect(exported.headers['content-disposition']).toMatch(
      /^attachment; filename="customer-[0-9a-f]{16}\.json"$/,
    );
    const texts = exported
      .json()
      .conversations.flatMap((c: { messages: Array<{ text: string }> }) => c.messages.map((m) => m.text));
    expect(texts).toContain('退款多久能到账');
    expect((await get('/api/admin/customers', agent)).statusCode).toBe(403);
    expect((await get(`/api/admin/customers/${PATH_KEY}`, agent)).statusCode).toBe(403);
    expect(
      (await server.json('DELETE', `/api/admin/customers/${PATH_KEY}`, undefined, { cookie: agent }))
        .statusCode,
    ).toBe(403);
  });

  it('erases on request: personal data and texts go, the counts stay', async () => {
    const volume = async () =>
      (await get('/api/admin/insights/volume?from=2026-03-01&to=2026-03-02')).json().summary;
    const before = await volume();
    const erased = await server.json('DELETE', `/api/admin/customers/${PATH_KEY}`, undefined, {
      cookie: admin,
    });
    expect(erased.statusCode).toBe(200);
    const messages = async (id: string) =>
      (await server.history(customer(id))).json().messages as Array<{ text: string }>;
    const total = (await messages(first)).length + (await messages(second)).length;
    expect(erased.json()).toEqual({ erased: { conversations: 2, messages: total } });
    expect(new Set([...(await messages(first)), ...(await messages(second))].map((m) => m.text))).toEqual(
      new Set(['〔已应客户要求删除〕']),
    );
    expect((await get(`/api/admin/customers/${PATH_KEY}`)).statusCode).toBe(404);
    expect((await get('/api/admin/customers?query=李')).json().customers).toEqual([]);
    expect((await get(`/api/agent/conversations/${first}/profile`, agent)).json()).toMatchObject({
      anonymous: true,
    });
    expect(await volume()).toEqual(before);
    // The anonymous customer's words are untouched.
    expect((await messages(anonymous)).map((m) => m.text)).toContain('你好');
    // The audit log records the erasure without the personal key it was about.
    const audit = await get('/api/admin/audit?action=customer.erase');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('customer.erase');
    expect(audit.body).not.toContain('u-9');
  });
});
