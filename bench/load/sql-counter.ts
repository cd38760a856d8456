// --count-sql: counts the SQL statements the in-process server runs, by statement (Kysely prepares every
// query through better-sqlite3's Database#prepare), to show where the database work goes.
import Database from 'better-sqlite3';

export function countSql(): { total(): number; top(n: number): Array<[string, number]> } {
  const counts = new Map<string, number>();
  const proto = Database.prototype as unknown as { prepare(this: unknown, sql: string): unknown };
  const original = proto.prepare;
  proto.prepare = function (this: unknown, sql: string) {
    const key = sql.replace(/\s+/g, ' ').slice(0, 110);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return original.call(this, sql);
  };
  return {
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    top: (n) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, n),
  };
}
