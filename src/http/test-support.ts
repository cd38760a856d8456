// Starts a real server (SQLite in a temp folder, demo data, port 0) for in-process HTTP tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { startServer, type RunningServer } from '../server.js';

export const TEST_PASSWORD = 'test-pass';

export interface TestServer extends RunningServer {
  dataDir: string;
  json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  login(username: string): Promise<string>;
  startConversation(): Promise<{ conversationId: string; token: string }>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhida-test-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demoPassword: TEST_PASSWORD, logLevel: 'silent', databaseUrl: undefined, redisUrl: undefined });
  const json: TestServer['json'] = (method, url, body, headers = {}) =>
    server.app.inject({ method, url, payload: body === undefined ? undefined : (body as object), headers });
  return {
    ...server,
    dataDir,
    json,
    async login(username) {
      const res = await json('POST', '/api/auth/login', { username, password: TEST_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'zhida_session');
      return `zhida_session=${cookie?.value}`;
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
