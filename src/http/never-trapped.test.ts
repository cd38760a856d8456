// "Never trapped", end to end: over random conversations against the real server, every bot reply
// offers a way to a person, and one request for a person reaches the queue or an agent at once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ messageRateLimit: 10_000, requestRateLimit: 1_000_000 });
});
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const customerSays = fc.constantFrom(
  '退款多久能到账',
  '发票怎么开',
  '今天天气怎么样',
  '退款',
  '都不是',
  '1',
  '谢谢',
  '快递到哪了',
  '😀',
  'asdfgh',
  '我要投诉你们',
  '优惠券怎么用',
  'hello',
);
const agentDoes = fc.constantFrom('nothing', 'accept', 'resolve');

describe('never trapped (end to end)', () => {
  it('every bot reply offers a person, and one handoff request always reaches the queue or an agent', async () => {
    const cookie = await server.login('agent');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(customerSays, agentDoes), { minLength: 1, maxLength: 8 }),
        async (steps) => {
          const { conversationId, token } = await server.startConversation();
          const base = `/api/v1/conversations/${conversationId}`;
          for (const [text, action] of steps) {
            const res = await server.say({ conversationId, token }, text);
            expect(res.statusCode).toBe(200);
            for (const reply of res.json().replies) {
              if (reply.decision !== 'handoff')
                expect(reply.actions).toEqual([expect.objectContaining({ type: 'handoff' })]);
            }
            if (action === 'accept')
              await server.json('POST', `/api/agent/conversations/${conversationId}/accept`, undefined, {
                cookie,
              });
            if (action === 'resolve')
              await server.json('POST', `/api/agent/conversations/${conversationId}/resolve`, undefined, {
                cookie,
              });
          }
          const handoff = await server.json('POST', `${base}/handoff`, undefined, bearer(token));
          expect(handoff.statusCode).toBe(200);
          expect(['queued', 'assigned']).toContain(handoff.json().conversation.status);
        },
      ),
      { numRuns: 40 },
    );
  });
});
