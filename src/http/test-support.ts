// Starts a real server (SQLite in a temp folder, demo data, port 0) for in-process HTTP tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Config } from '../config.js';
import { startServer, type RunningServer } from '../server.js';

export const TEST_PASSWORD = 'test-pass';

export interface TestServer extends RunningServer {
  dataDir: string;
  json(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  login(username: string): Promise<string>;
  startConversation(): Promise<{ conversationId: string; token: string }>;
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
  // Sign in once per user: the login route is rate-limited like in production.
  const cookies = new Map<string, string>();
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
      return res.json() as { conversationId: string; token: string };
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
