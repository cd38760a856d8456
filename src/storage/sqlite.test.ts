// The SQLite adapter: the storage contract, plus what only a file in the data folder has.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from './open-storage.js';
import { runStorageContract } from './storage.contract.js';
import { newConversation } from './contract/fixtures.contract.js';
import { cachingStatements } from './sqlite-storage.js';

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

  it('reuses prepared statements by SQL text, drops the least recently used, never shares a busy one', () => {
    const database = new BetterSqlite3(':memory:');
    const cached = cachingStatements(database, 2);
    database.exec('create table t (x integer)');
    const insert = cached.prepare('insert into t (x) values (?)');
    insert.run([1]);
    expect(cached.prepare('insert into t (x) values (?)')).toBe(insert);
    cached.prepare('insert into t (x) values (?)').run([2]);
    const read = cached.prepare('select x from t order by x');
    expect(read.all([])).toEqual([{ x: 1 }, { x: 2 }]);
    const rows = read.iterate([]);
    rows.next(); // the statement is busy until the iterator ends
    const other = cached.prepare('select x from t order by x');
    expect(other).not.toBe(read);
    expect(other.all([])).toEqual([{ x: 1 }, { x: 2 }]);
    rows.return?.();
    expect(cached.prepare('select x from t order by x')).toBe(read);
    cached.prepare('select count(*) as n from t'); // a third statement: the insert was used longest ago
    expect(cached.prepare('insert into t (x) values (?)')).not.toBe(insert);
    cached.close();
  });
});
