// Upgrading an existing database: the KB a store answered from before drafts existed stays live (0004
// publishes its latest version), and running 0004 again (an interrupted start-up, SQLite) changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openSqlite } from '../sqlite-storage.js';
import { openStorage } from '../open-storage.js';
import { migrateThrough } from './test-support.js';
import { kbLifecycleMigration } from './0004-kb-lifecycle.js';

const root = mkdtempSync(join(tmpdir(), 'zhida-0004-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('keeps the KB of an existing store live, leaves its history unpublished, and can run again', async () => {
  const dataDir = join(root, 'old');
  const old = openSqlite(dataDir);
  await migrateThrough(old, '0003-routing');
  for (const version of [1, 2]) {
    await sql`insert into kb_versions (version, created_at, author, note, entry_count, snapshot)
      values (${version}, 1, null, null, 0, '[]')`.execute(old);
  }
  await sql`update kb_meta set version = 2`.execute(old);
  await old.destroy();

  const storage = await openStorage({ dataDir });
  expect(await storage.kb.publishedVersion()).toBe(2);
  expect((await storage.kb.listVersions(5)).map((v) => v.publishedAt)).toEqual([null, null]);
  expect(await storage.regressionCases.list()).toEqual([]);
  await storage.close();

  const again = openSqlite(dataDir);
  await expect(kbLifecycleMigration('sqlite').up(again)).resolves.toBeUndefined();
  await again.destroy();
});
