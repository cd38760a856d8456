// Starts a real server (SQLite in a temp folder, demo data, port 0) for in-process HTTP tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Config } from '../config.js';
import { startServer, type RunningServer } from '../server.js';

export const TEST_PASSWORD = 'test-pass';

/** A customer's side of a conversation, as `startConversation` returns it. */
export interface TestCustomer {
  conversationId: string;
  token: string;
}

export interface TestServer extends RunningServer {
  dataDir: string;
  json(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  login(username: string): Promise<string>;
  startConversation(): Promise<TestCustomer>;
  /** The customer sends `text` (POST …/messages with their token); clientMessageId defaults to a new one. */
  say(customer: TestCustomer, text: string, clientMessageId?: string): Promise<LightMyRequestResponse>;
  /** The customer's messages from the start (GET …/messages?after=0 with their token). */
  history(customer: TestCustomer): Promise<LightMyRequestResponse>;
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  adapters: { clock?: () => number } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhida-test-'));
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      demoPassword: TEST_PASSWORD,
      logLevel: 'silent',
      databaseUrl: undefined,
      redisUrl: undefined,
      ...overrides,
    },
    adapters,
  );
  const json: TestServer['json'] = (method, url, body, headers = {}) =>
    server.app.inject({ method, url, payload: body === undefined ? undefined : (body as object), headers });
  const bearer = (customer: TestCustomer) => ({ authorization: `Bearer ${customer.token}` });
  const messagesUrl = (customer: TestCustomer) => `/api/v1/conversations/${customer.conversationId}/messages`;
  // Sign in once per user: the login route is rate-limited like in production.
  const cookies = new Map<string, string>();
  let said = 0;
  return {
    ...server,
    dataDir,
    json,
    async login(username) {
      const known = cookies.get(username);
      if (known) return known;
      const res = await json('POST', '/api/auth/login', { username, password: TEST_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'zhida_session');
      const value = `zhida_session=${cookie?.value}`;
      cookies.set(username, value);
      return value;
    },
    async startConversation() {
      const res = await json('POST', '/api/v1/conversations', {});
      return res.json() as TestCustomer;
    },
    say(customer, text, clientMessageId = `say-${++said}`) {
      return json('POST', messagesUrl(customer), { text, clientMessageId }, bearer(customer));
    },
    history(customer) {
      return json('GET', `${messagesUrl(customer)}?after=0`, undefined, bearer(customer));
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
