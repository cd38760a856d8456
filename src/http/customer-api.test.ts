import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './test-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('customer API v1', () => {
  it('starts a conversation with an unguessable token and a greeting', async () => {
    const res = await server.json('POST', '/api/v1/conversations', {
      locale: 'zh-CN',
      care: false,
      customer: { name: '张三' },
    });
    expect(res.statusCode).toBe(201);
    const { conversationId, token } = res.json();
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const history = await server.history({ conversationId, token });
    expect(history.json().messages).toHaveLength(1);
    expect(history.json().messages[0]).toMatchObject({ seq: 1, sender: 'bot' });
  });

  it('answers a demo question from the knowledge base', async () => {
    const { conversationId, token } = await server.startConversation();
    const res = await server.json(
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      { text: '退款多久能到账', clientMessageId: 'c1' },
      bearer(token),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.message).toMatchObject({
      seq: 2,
      sender: 'customer',
      text: '退款多久能到账',
      clientMessageId: 'c1',
    });
    expect(body.replies).toHaveLength(1);
    expect(body.replies[0]).toMatchObject({
      seq: 3,
      sender: 'bot',
      decision: 'answer',
      entryId: 'refund-arrival',
    });
    expect(body.conversation).toMatchObject({ status: 'bot' });
  });

  it('stores nothing new when the same clientMessageId is sent again, and returns the same', async () => {
    const { conversationId, token } = await server.startConversation();
    const send = () =>
      server.json(
        'POST',
        `/api/v1/conversations/${conversationId}/messages`,
        { text: '发票怎么开', clientMessageId: 'same-id' },
        bearer(token),
      );
    const [first, again] = [await send(), await send()];
    expect(again.json().message).toEqual(first.json().message);
    expect(again.json().replies).toEqual(first.json().replies);
    const history = await server.history({ conversationId, token });
    expect(history.json().messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3]);
  });

  it('hands off to the queue at once on 转人工, with the queue position', async () => {
    const a = await server.startConversation();
    const b = await server.startConversation();
    const resA = await server.say(a, '转人工');
    expect(resA.json().replies[0]).toMatchObject({ decision: 'handoff' });
    const posA = resA.json().conversation.queuePosition;
    expect(resA.json().conversation.status).toBe('queued');
    const resB = await server.json(
      'POST',
      `/api/v1/conversations/${b.conversationId}/handoff`,
      undefined,
      bearer(b.token),
    );
    expect(resB.statusCode).toBe(200);
    // Nobody is online in this test: the customer is told so (and offered a callback) instead of an endless wait.
    expect(resB.json().conversation).toEqual({
      status: 'queued',
      queuePosition: posA + 1,
      estimatedWaitSeconds: null,
      agentsAvailable: false,
      withinHours: true,
      updatedAt: expect.any(String),
    });
    // Asking again changes nothing.
    const again = await server.json(
      'POST',
      `/api/v1/conversations/${b.conversationId}/handoff`,
      undefined,
      bearer(b.token),
    );
    expect(again.json().conversation.queuePosition).toBe(posA + 1);
  });

  it('hands off what the KB does not cover instead of guessing', async () => {
    const res = await server.say(await server.startConversation(), '今天北京天气怎么样');
    expect(res.json().replies[0].decision).not.toBe('answer');
  });

  it('guards every conversation with its token', async () => {
    const { conversationId, token } = await server.startConversation();
    const other = await server.startConversation();
    const url = `/api/v1/conversations/${conversationId}/messages`;
    expect((await server.json('GET', url)).statusCode).toBe(401);
    expect((await server.json('GET', url, undefined, bearer(other.token))).statusCode).toBe(403);
    const missing = await server.json('GET', '/api/v1/conversations/nope/messages', undefined, bearer(token));
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('rejects bad input with a clear error and keeps what was stored', async () => {
    const { conversationId, token } = await server.startConversation();
    const url = `/api/v1/conversations/${conversationId}/messages`;
    const blank = await server.json('POST', url, { text: '   ', clientMessageId: 'x' }, bearer(token));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.code).toBe('BAD_REQUEST');
    expect((await server.json('POST', url, { clientMessageId: 'x' }, bearer(token))).statusCode).toBe(400);
    const malformed = await server.app.inject({
      method: 'POST',
      url,
      payload: '{"text": ',
      headers: { ...bearer(token), 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    const huge = await server.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify({ text: '啊'.repeat(100_000), clientMessageId: 'big' }),
      headers: { ...bearer(token), 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const history = await server.json('GET', url, undefined, bearer(token));
    expect(history.json().messages).toHaveLength(1);
  });

  it('decides sensibly on 10,000 characters and on emoji only', async () => {
    const { conversationId, token } = await server.startConversation();
    const url = `/api/v1/conversations/${conversationId}/messages`;
    const long = await server.json(
      'POST',
      url,
      { text: '我的快递一直没到，'.repeat(1000).slice(0, 10_000), clientMessageId: 'long' },
      bearer(token),
    );
    expect(long.statusCode).toBe(200);
    const emoji = await server.json('POST', url, { text: '😀😀😀', clientMessageId: 'emoji' }, bearer(token));
    expect(emoji.statusCode).toBe(200);
    expect(['clarify', 'handoff']).toContain(emoji.json().replies[0]?.decision ?? 'handoff');
  });

  it('streams new messages over WebSocket and resumes from a sequence number', async () => {
    const { conversationId, token } = await server.startConversation();
    const base =
      server.url.replace('http', 'ws') + `/api/v1/conversations/${conversationId}/stream?token=${token}`;
    const seen: number[] = [];
    const ws = new WebSocket(`${base}&after=0`);
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'message') seen.push(frame.message.seq);
    });
    await new Promise((resolve) => ws.once('open', resolve));
    await expect.poll(() => seen).toEqual([1]);
    await server.say({ conversationId, token }, '怎么开发票');
    await expect.poll(() => seen).toEqual([1, 2, 3]);
    ws.close();

    const resumed: number[] = [];
    const ws2 = new WebSocket(`${base}&after=2`);
    ws2.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'message') resumed.push(frame.message.seq);
    });
    await expect.poll(() => resumed).toEqual([3]);
    ws2.close();

    const denied = new WebSocket(base.replace(token, 'wrong'));
    const code = await new Promise<number>((resolve) => denied.on('close', (c) => resolve(c)));
    expect(code).toBe(4403);
  });
});
