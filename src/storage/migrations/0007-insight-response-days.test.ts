// Upgrading a store from 0006: 0007 fills the daily response-time rollup from the hourly one, so that
// figures stay the same; running it again (an interrupted start-up, SQLite) adds nothing twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openSqlite } from '../sqlite-storage.js';
import { openStorage } from '../open-storage.js';
import { migrateThrough } from './test-support.js';
import { T0 } from '../contract/fixtures.contract.js';
import { insightResponseDaysMigration } from './0007-insight-response-days.js';

const root = mkdtempSync(join(tmpdir(), 'zhida-0007-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HOUR = 3_600_000;

it('fills the daily response times from the hourly ones, once', async () => {
  const dataDir = join(root, 'old');
  const old = openSqlite(dataDir);
  await migrateThrough(old, '0006-insights');
  // Three days of hourly counts: first responses of 100 ms (twice in one hour) and 300 ms.
  for (const [hour, ms, count] of [
    [T0 + 5 * HOUR, 100, 2],
    [T0 + 30 * HOUR, 300, 1],
    [T0 + 31 * HOUR, 100, 1],
    [T0 + 60 * HOUR, 300, 1],
  ]) {
    await sql`insert into insight_response_times (hour, channel, kind, ms, count)
      values (${hour}, 'web', 'first', ${ms}, ${count})`.execute(old);
  }
  await old.destroy();

  const storage = await openStorage({ dataDir });
  // Two whole UTC days in the middle of the range: read from the daily rollup the migration filled.
  const { first } = await storage.insights.responseTimes({ from: T0 + 5 * HOUR, to: T0 + 61 * HOUR });
  const counted = first.values.map((ms, i) => [ms, first.counts?.[i] ?? 1]);
  expect(counted.sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual([
    [100, 1],
    [100, 2],
    [300, 1],
    [300, 1],
  ]);
  await storage.close();

  const again = openSqlite(dataDir);
  await insightResponseDaysMigration('sqlite').up(again);
  const days = await sql<{ day: number; ms: number; count: number }>`
    select day, ms, count from insight_response_days order by day, ms`.execute(again);
  expect(days.rows).toEqual([
    { day: T0, ms: 100, count: 2 },
    { day: T0 + 24 * HOUR, ms: 100, count: 1 },
    { day: T0 + 24 * HOUR, ms: 300, count: 1 },
    { day: T0 + 48 * HOUR, ms: 300, count: 1 },
  ]);
  await again.destroy();
});
