// The SQLite adapter: the storage contract, plus what only a file in the data folder has.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from './open-storage.js';
import { runStorageContract } from './storage.contract.js';
import { newConversation } from './contract/fixtures.contract.js';

const root = mkdtempSync(join(tmpdir(), 'zhida-sqlite-'));
let opened = 0;
const freshDir = () => join(root, `db-${++opened}`);

afterAll(() => rmSync(root, { recursive: true, force: true }));

runStorageContract('sqlite', () => openStorage({ dataDir: freshDir() }));

describe('sqlite adapter', () => {
  it('keeps its data in <dataDir>/zhida.db across reopening (migrations run once)', async () => {
    const dataDir = freshDir();
    const first = await openStorage({ dataDir });
    expect(first.kind).toBe('sqlite');
    const conv = await first.conversations.create(newConversation());
    await first.kb.upsertEntry({ id: 'a', title: 't', questions: ['q'], answer: 'a' }, null, 1);
    await first.close();

    const again = await openStorage({ dataDir });
    expect(await again.conversations.get(conv.id)).toStrictEqual(conv);
    expect(await again.kb.currentVersion()).toBe(1);
    await again.close();

    const file = new BetterSqlite3(join(dataDir, 'zhida.db'), { readonly: true });
    expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    file.close();
  });
});
