// node --import tsx bench/load/kysely-overhead.ts
// What building and compiling a Kysely query costs next to running it: the same select by primary key
// through the query builder, and as a query compiled once and run with new parameters, on the product's
// SQLite connection (statement cache included). The difference bounds what precompiled hot statements
// could save per statement.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { openSqlite } from '../../src/storage/sqlite-storage.js';

interface Scratch {
  c: { id: string; a: number; b: string };
}

const ROWS = 1000;
const RUNS = 20_000;
const dir = mkdtempSync(path.join(tmpdir(), 'zhida-kysely-'));
const db = openSqlite(dir) as unknown as Kysely<Scratch>;
try {
  await sql`create table c (id text primary key, a integer, b text)`.execute(db);
  for (let i = 0; i < ROWS; i++)
    await db
      .insertInto('c')
      .values({ id: `x${i}`, a: i, b: 'hello' })
      .execute();

  const time = async (name: string, run: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 2000; i++) await run(i); // warm-up
    const started = performance.now();
    for (let i = 0; i < RUNS; i++) await run(i);
    process.stdout.write(`${name}: ${(((performance.now() - started) * 1000) / RUNS).toFixed(1)} µs\n`);
  };
  await time('select by id, query builder', (i) =>
    db
      .selectFrom('c')
      .selectAll()
      .where('id', '=', `x${i % ROWS}`)
      .executeTakeFirst(),
  );
  const compiled: CompiledQuery = db.selectFrom('c').selectAll().where('id', '=', 'x0').compile();
  await time('select by id, compiled once', (i) =>
    db.executeQuery({ ...compiled, parameters: [`x${i % ROWS}`] }),
  );
  await time('update by id, query builder (autocommit)', (i) =>
    db
      .updateTable('c')
      .set({ a: i })
      .where('id', '=', `x${i % ROWS}`)
      .execute(),
  );
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
