// Upgrading an existing database: 0003 adds the conversation queue columns with their defaults to rows
// already stored, and running it again (a start-up interrupted half-way, SQLite) changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSqlite } from '../sqlite-storage.js';
import { openStorage } from '../open-storage.js';
import { migrateThrough } from './test-support.js';
import { newConversation } from '../contract/fixtures.contract.js';
import { routingMigration } from './0003-routing.js';

const root = mkdtempSync(join(tmpdir(), 'zhida-0003-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('gives conversations stored before it the default queue fields, and can run again', async () => {
  const dataDir = join(root, 'old');
  const old = openSqlite(dataDir);
  await migrateThrough(old, '0001-initial');
  const conv = newConversation({ status: 'queued', queuedAt: 5 });
  await old
    .insertInto('conversations')
    .values({
      id: conv.id,
      token_hash: conv.tokenHash,
      status: conv.status,
      locale: conv.locale,
      care: 0,
      customer: '{}',
      assigned_agent_id: null,
      handoff_reason: null,
      queued_at: conv.queuedAt,
      bot_misses: 0,
      pending_clarify: null,
      created_at: conv.createdAt,
      updated_at: conv.createdAt,
    }) // a row as 0001 knew it, without the columns 0003 adds
    .execute();
  await old.destroy();

  const storage = await openStorage({ dataDir });
  expect(await storage.conversations.get(conv.id)).toStrictEqual({
    ...conv,
    lastSeq: 0,
    updatedAt: conv.createdAt,
  });
  await storage.close();

  const again = openSqlite(dataDir);
  await expect(routingMigration('sqlite').up(again)).resolves.toBeUndefined();
  await again.destroy();
});
