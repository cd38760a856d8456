// The agent's console socket is presence: when the agent's last socket closes and no new one opens within
// the grace period, the agent goes offline and their chats go back to the front of the queue.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startTestServer, type TestServer } from './test-support.js';

// The grace period is the shorter of 10 s and the heartbeat timeout.
const HEARTBEAT_TIMEOUT_MS = 1_500;
const GRACE_MS = HEARTBEAT_TIMEOUT_MS;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    routing: { ...loadConfig().routing, heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS },
  });
});
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const status = async (c: { conversationId: string; token: string }) =>
  (await server.json('GET', `/api/v1/conversations/${c.conversationId}`, undefined, bearer(c.token))).json()
    .conversation;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An agent console socket that heartbeats like the console does (often enough for the short timeout). */
async function openConsole(cookie: string) {
  const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/agent/stream`, {
    headers: { cookie },
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const beat = setInterval(() => socket.send(JSON.stringify({ type: 'heartbeat' })), 300);
  return {
    async close() {
      clearInterval(beat);
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.close();
      await closed;
    },
  };
}

describe('agent console socket as presence', () => {
  it('keeps the chats over a quick reconnect, and re-queues them at the front once the agent stays away', async () => {
    const cookie = await server.login('agent');
    const agents = async () =>
      (await server.json('GET', '/api/agent/agents', undefined, { cookie })).json().agents as Array<{
        displayName: string;
        presence: string;
      }>;
    let console1 = await openConsole(cookie);
    const customer = await server.startConversation();
    await server.say(customer, '转人工');
    await expect.poll(async () => (await status(customer)).status).toBe('assigned');

    // A reload: the socket closes and a new one opens at once. Nothing changes.
    await console1.close();
    console1 = await openConsole(cookie);
    await sleep(GRACE_MS * 2);
    expect(await status(customer)).toMatchObject({ status: 'assigned' });

    // The tab is closed for good: not at once, but after the grace period (well before the 10 s sweep
    // of silent agents would notice).
    await console1.close();
    const closedAt = Date.now();
    expect(await status(customer)).toMatchObject({ status: 'assigned' });
    await expect
      .poll(async () => (await status(customer)).status, { timeout: GRACE_MS + 2_000, interval: 50 })
      .toBe('queued');
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(await status(customer)).toMatchObject({ queuePosition: 1 });
    expect((await agents()).find((a) => a.displayName === '客服小悦')?.presence).toBe('offline');
    const history = (await server.history(customer)).json().messages;
    expect(history.at(-1)).toMatchObject({ sender: 'system', text: expect.stringContaining('优先重新排队') });
  });
});
