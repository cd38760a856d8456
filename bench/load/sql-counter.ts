// --count-sql: counts the SQL statements the in-process server runs, by statement, to show where the
// database work goes. Counted per execution (better-sqlite3's Statement#run/all/get/iterate): the SQLite
// adapter reuses prepared statements, so counting Database#prepare would miss most of them.
import Database from 'better-sqlite3';

type Method = (this: { source: string }, ...args: unknown[]) => unknown;

export function countSql(): { total(): number; top(n: number): Array<[string, number]> } {
  const counts = new Map<string, number>();
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, Method>;
  probe.close();
  for (const name of ['run', 'all', 'get', 'iterate']) {
    const original = proto[name];
    proto[name] = function (...args) {
      const key = this.source.replace(/\s+/g, ' ').slice(0, 110);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return original.apply(this, args);
    };
  }
  return {
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    top: (n) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, n),
  };
}
