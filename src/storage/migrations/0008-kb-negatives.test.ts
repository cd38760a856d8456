// Upgrading a store made before 0008: its versions had no "must not answer" examples and read as none
// (so they still publish, export and roll back), the draft starts with none, and running 0008 again
// changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openSqlite } from '../sqlite-storage.js';
import { openStorage } from '../open-storage.js';
import { migrateThrough } from './test-support.js';
import { kbNegativesMigration } from './0008-kb-negatives.js';

const root = mkdtempSync(join(tmpdir(), 'zhida-0008-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('reads the versions of an older store as having none, and can run again', async () => {
  const dataDir = join(root, 'old');
  const old = openSqlite(dataDir);
  await migrateThrough(old, '0007-insight-response-days');
  const entries = [{ id: 'a', title: 'T', questions: ['q'], answer: 'A' }];
  await sql`insert into kb_versions (version, created_at, author, note, entry_count, snapshot)
    values (1, 1, null, null, 1, ${JSON.stringify(entries)})`.execute(old);
  await sql`update kb_meta set version = 1, published_version = 1`.execute(old);
  await old.destroy();

  const storage = await openStorage({ dataDir });
  expect(await storage.kb.contentAt(1)).toEqual({ entries, negatives: [] });
  expect(await storage.kb.negatives()).toEqual([]);
  expect(await storage.kb.setNegatives(['天气'], null, 2)).toBe(2);
  expect((await storage.kb.contentAt(2))?.negatives).toEqual(['天气']);
  await storage.close();

  const again = openSqlite(dataDir);
  await expect(kbNegativesMigration('sqlite').up(again)).resolves.toBeUndefined();
  await again.destroy();
  const reopened = await openStorage({ dataDir });
  expect(await reopened.kb.negatives()).toEqual(['天气']);
  await reopened.close();
});
