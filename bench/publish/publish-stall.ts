// npx tsx bench/publish/publish-stall.ts [-- --rounds 5]
// How long a KB publish blocks the server's event loop (every live conversation waits that long): starts
// a server with the demo KB, adds one regression case per entry (its first example question), then edits
// an entry and publishes, `rounds` times, while a 5 ms interval timer records the longest gap between
// its ticks (perf_hooks' monitorEventLoopDelay missed most stalls here: its max stayed at its 10 ms
// resolution while the loop was blocked for seconds). Prints the longest stall and the publish's wall
// time of each round, and the machine's load average.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startTestServer } from '../../src/http/test-support.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const log = (line: string) => process.stdout.write(line + '\n');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * The longest gap between the ticks of a 5 ms interval timer while `work` runs (and just after), and how
 * long the main thread was busy meanwhile (event-loop utilization: running code, not waiting for I/O or
 * for the worker). On a loaded machine a gap also counts the time the OS gave the thread no core.
 */
async function gapsDuring<T>(work: () => Promise<T>): Promise<{ result: T; gap: number; busy: number }> {
  const utilization = performance.eventLoopUtilization();
  let last = performance.now();
  let gap = 0;
  const ticker = setInterval(() => {
    const t = performance.now();
    gap = Math.max(gap, t - last);
    last = t;
  }, 5);
  try {
    const result = await work();
    // The ticker fires late once the loop is free again: give it that moment.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { result, gap, busy: performance.eventLoopUtilization(utilization).active };
  } finally {
    clearInterval(ticker);
  }
}

const server = await startTestServer();
try {
  const cookie = await server.login('admin');
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const res = await server.json(method, url, body, { cookie });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const kb = (await call('GET', '/api/admin/kb')) as {
    entries: Array<{
      id: string;
      title: string;
      questions: string[];
      answer: string;
      category?: string;
      tags?: string[];
    }>;
  };
  for (const entry of kb.entries)
    await call('POST', '/api/admin/kb/regression-cases', {
      text: entry.questions[0],
      expectedEntryId: entry.id,
    });
  log(
    `demo KB: ${kb.entries.length} entries, ${kb.entries.reduce((n, e) => n + e.questions.length, 0)} example questions, ${kb.entries.length} regression cases`,
  );
  log(`load average at start: ${load()}`);
  // The same ticker over an idle second: what the machine's other work alone costs the loop.
  const idle = gapsDuring(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  log(
    `idle second: longest event-loop gap ${(await idle).gap.toFixed(0)} ms, main thread busy ${(await idle).busy.toFixed(0)} ms`,
  );
  const stalls: number[] = [];
  for (let round = 1; round <= Number(values.rounds); round++) {
    const entry = kb.entries[round % kb.entries.length];
    const { title, answer, category, tags } = entry;
    await call('PUT', `/api/admin/kb/entries/${entry.id}`, {
      title,
      answer,
      category,
      tags,
      questions: [...entry.questions, `${entry.questions[0]}（第${round}次）`],
    });
    const started = performance.now();
    const {
      result,
      gap: longestGap,
      busy,
    } = await gapsDuring(() => call('POST', '/api/admin/kb/publish', {}) as Promise<{ published: boolean }>);
    const wall = performance.now() - started;
    stalls.push(longestGap);
    log(
      `round ${round}: published ${result.published}, publish ${wall.toFixed(0)} ms, main thread busy ${busy.toFixed(0)} ms, longest event-loop stall ${longestGap.toFixed(0)} ms`,
    );
  }
  log(
    `longest stall over ${stalls.length} publishes: ${Math.max(...stalls).toFixed(0)} ms; load average at end: ${load()}`,
  );
} finally {
  await server.close();
}
