// The PostgreSQL adapter: the storage contract, each storage in its own schema of one random prefix per
// run (all dropped afterwards). Skipped when no server answers, unless CI is set: then it fails.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from './open-storage.js';
import { runStorageContract } from './storage.contract.js';
import { newConversation } from './contract/fixtures.contract.js';

const url = process.env.ZHIDA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const where = (() => {
  const { host, pathname } = new URL(url);
  return `${host}${pathname}`; // never the password
})();

async function query(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

const reachable = await query('select 1').then(
  () => true,
  () => false,
);
if (!reachable && process.env.CI) {
  throw new Error(`PostgreSQL at ${where} is unreachable and CI is set: the PostgreSQL suite must run in CI`);
}

const prefix = `zhida_test_${randomBytes(4).toString('hex')}`;
let opened = 0;
const freshSchema = () => `${prefix}_${++opened}`;
const open = (pgSchema: string) => openStorage({ databaseUrl: url, dataDir: '/nonexistent', pgSchema });

describe.skipIf(!reachable)(`postgres (${where})`, () => {
  afterAll(async () => {
    const { rows } = await query('select nspname from pg_namespace where starts_with(nspname, $1)', [prefix]);
    for (const { nspname } of rows as { nspname: string }[]) await query(`drop schema "${nspname}" cascade`);
  });

  runStorageContract('postgres', () => open(freshSchema()));

  it('keeps its data in its schema across reopening, and schemas do not see each other', async () => {
    const schema = freshSchema();
    const first = await open(schema);
    expect(first.kind).toBe('postgres');
    const conv = await first.conversations.create(newConversation());
    await first.close();

    const again = await open(schema);
    const other = await open(freshSchema());
    expect(await again.conversations.get(conv.id)).toStrictEqual(conv);
    expect(await other.conversations.get(conv.id)).toBeNull();
    await Promise.all([again.close(), other.close()]);
  });
});
