// Upgrading an existing database: versions made before 0008 had no "must not answer" examples (read as
// none, so they still publish and roll back), and running 0008 again changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSqlite } from '../sqlite-storage.js';
import { openStorage } from '../open-storage.js';
import { kbNegativesMigration } from './0008-kb-negatives.js';

const root = mkdtempSync(join(tmpdir(), 'zhida-0008-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('reads versions from before as having none, and can run again', async () => {
  const dataDir = join(root, 'old');
  const storage = await openStorage({ dataDir });
  const entry = { id: 'a', title: 'T', questions: ['q'], answer: 'A' };
  await storage.kb.replaceAll({ name: '店', locale: 'zh-CN' }, [entry], null, null, 1);
  await storage.close();
  // As an older release left it: the version row has no list (the column did not exist).
  const db = openSqlite(dataDir);
  await db.updateTable('kb_versions').set({ negatives: null }).execute();
  await expect(kbNegativesMigration('sqlite').up(db)).resolves.toBeUndefined();
  await db.destroy();

  const reopened = await openStorage({ dataDir });
  expect(await reopened.kb.negativesAt(1)).toEqual([]);
  expect(await reopened.kb.negatives()).toEqual([]);
  expect(await reopened.kb.setNegatives(['天气'], null, 2)).toBe(2);
  expect(await reopened.kb.negativesAt(2)).toEqual(['天气']);
  await reopened.close();
});
