// First start only: the demo shop's knowledge base and demo accounts, so a new user sees Zhida work at once.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../config.js';
import type { Auth } from './auth.js';
import type { KnowledgeBaseService } from './knowledge-base.js';
import type { Storage } from '../storage/ports.js';

export const DEMO_KB_PATH = path.join(PACKAGE_ROOT, 'src', 'demo', 'demo-kb.json');

export const DEMO_USERS = [
  { username: 'agent', displayName: '客服小悦', role: 'agent' },
  { username: 'agent2', displayName: '客服小达', role: 'agent' },
  { username: 'admin', displayName: '管理员', role: 'admin' },
] as const;

export interface SeedResult {
  seeded: boolean;
  password?: string;
}

/** Seeds only an empty store (no users and no KB): later starts never overwrite what a business changed. */
export async function seedDemo(
  storage: Storage,
  auth: Auth,
  kb: KnowledgeBaseService,
  password: string | undefined,
): Promise<SeedResult> {
  const empty = (await storage.users.count()) === 0 && (await storage.kb.currentVersion()) === 0;
  if (!empty) return { seeded: false };
  const demo: unknown = JSON.parse(await readFile(DEMO_KB_PATH, 'utf8'));
  const { version } = await kb.importFile(demo, 'demo-seed', 'demo knowledge base');
  // The demo KB goes live at once (it has no regression cases yet), so a first start shows the bot at work.
  await storage.kb.publish(version, 'demo-seed', Date.now());
  const pass = password ?? randomBytes(9).toString('base64url');
  for (const user of DEMO_USERS) await auth.createUser({ ...user, password: pass });
  return { seeded: true, password: pass };
}
