// npm run bench:load [-- --customers 500 --agents 20 --handle-ms 250 --spread-ms 0 --arrivals uniform|poisson
//                        --url URL --password P]
// 20 agents online on the agent WebSocket resolve what they are given; 500 customers open a conversation
// and its WebSocket, and then say "转人工": all in the same instant (--spread-ms 0), or over --spread-ms,
// evenly spaced or as a Poisson process (random gaps, bursts included; seeded, so every run sends the
// same pattern). Reports time-to-queue (message sent → API says queued/assigned) and time-to-agent
// (message sent → the customer's socket says assigned).
// Without --url the real server runs in this process on a temp data folder; with --serve it only starts
// that server (agents created) and prints its URL, so a second process can load it with --url.
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { startServer, type RunningServer } from '../../src/server.js';
import { percentile } from '../queue/metrics.js';
import { exponential, mulberry32 } from '../queue/prng.js';
import { startAgent, type AgentStats } from './agents.js';
import { connectCustomer, type Customer } from './customers.js';
import { countSql } from './sql-counter.js';
import { cpuMs } from '../cpu-time.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    serve: { type: 'boolean', default: false },
    'serve-s': { type: 'string', default: '600' },
    customers: { type: 'string', default: '500' },
    agents: { type: 'string', default: '20' },
    'handle-ms': { type: 'string', default: '250' },
    'spread-ms': { type: 'string', default: '0' },
    arrivals: { type: 'string', default: 'uniform' },
    'timeout-s': { type: 'string', default: '240' },
    password: { type: 'string', default: 'load-test-pass' },
    'count-sql': { type: 'boolean', default: false },
  },
});
const customerCount = Number(values.customers);
const agentCount = Number(values.agents);
const handleMs = Number(values['handle-ms']);
const spreadMs = Number(values['spread-ms']);
if (values.arrivals !== 'uniform' && values.arrivals !== 'poisson')
  throw new Error(`--arrivals must be uniform or poisson, not ${values.arrivals}`);

/** When each customer says "转人工", in ms after the phase starts. */
function arrivalOffsets(n: number): number[] {
  if (spreadMs <= 0) return new Array<number>(n).fill(0);
  if (values.arrivals === 'uniform') return Array.from({ length: n }, (_, i) => (i * spreadMs) / n);
  // Poisson process with n / spreadMs arrivals per ms: exponential gaps, so some arrive close together.
  const rng = mulberry32(20261128);
  const offsets: number[] = [];
  for (let t = 0, i = 0; i < n; i++) offsets.push((t += exponential(rng, spreadMs / n)));
  return offsets;
}
const password = values.password;
const usernames = [
  'agent',
  'agent2',
  ...Array.from(
    { length: Math.max(0, agentCount - 2) },
    (_, i) => `load-agent-${String(i + 3).padStart(2, '0')}`,
  ),
].slice(0, agentCount);

async function inProcessServer(): Promise<{ server: RunningServer; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhida-load-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    demoPassword: password,
    logLevel: 'silent',
    requestRateLimit: 1_000_000,
    messageRateLimit: 1000,
  });
  for (const username of usernames.slice(2)) {
    await server.services.auth.createUser({
      username,
      displayName: `压测客服${username.slice(-2)}`,
      role: 'agent',
      password,
    });
  }
  return { server, dataDir };
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));
function row(name: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `| ${name} | ${s.length} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 90))} | ${ms(percentile(s, 99))} | ${ms(s.at(-1) ?? NaN)} |`;
}

async function serveOnly(): Promise<void> {
  const { server, dataDir } = await inProcessServer();
  process.stdout.write(
    `serving ${server.url} with ${usernames.length} agents (password ${password}) for ${values['serve-s']} s\n`,
  );
  // Server-side view of the customers' message requests: when they arrived and how long each took from
  // its headers to the end of its answer (the client's time-to-queue adds the client's own delays).
  const requests: { at: number; took?: number }[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  let cpuAtBurst: NodeJS.CpuUsage | undefined;
  server.app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !/^\/api\/v1\/conversations\/[^/]+\/messages$/.test(req.url ?? '')) return;
    const r: { at: number; took?: number } = { at: performance.now() };
    if (requests.length === 1) {
      loop.enable(); // from the burst's first request (the cold-start one is alone)
      cpuAtBurst = process.cpuUsage();
    }
    requests.push(r);
    res.once('finish', () => (r.took = performance.now() - r.at));
  });
  const stop = async () => {
    const burst = requests.slice(1); // the first is the cold-start customer's, alone before the load
    const serverCpu = cpuMs(process.cpuUsage(cpuAtBurst));
    const took = burst.flatMap((r) => (r.took === undefined ? [] : [r.took])).sort((a, b) => a - b);
    if (took.length > 0)
      process.stdout.write(
        `server side (burst, cold start excluded): ${took.length} message requests arriving over ` +
          `${ms(burst[burst.length - 1].at - burst[0].at)} ms; headers → answer end p50 ${ms(percentile(took, 50))} / ` +
          `p90 ${ms(percentile(took, 90))} / p99 ${ms(percentile(took, 99))} / max ${ms(took[took.length - 1])} ms; ` +
          `event-loop delay from the burst's first request to the end: p50 ${ms(loop.percentile(50) / 1e6)} / ` +
          `p99 ${ms(loop.percentile(99) / 1e6)} / max ${ms(loop.max / 1e6)} ms; server CPU from then on ` +
          `${ms(serverCpu)} ms (${ms(serverCpu / burst.length)} ms per customer: ` +
          `handoff, assignment, resolve, frames, projections)\n`,
      );
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  setTimeout(() => void stop(), Number(values['serve-s']) * 1000);
}

/** A server that blocks its event loop also blocks timers here (in-process mode): a watchdog thread ends the run. */
function watchdog(seconds: number): void {
  const code = `setTimeout(() => {
    require('node:fs').writeSync(2, 'watchdog: no result after ${seconds} s (event loop blocked?), killing the run\\n');
    process.kill(process.pid, 'SIGKILL');
  }, ${seconds * 1000});`;
  new Worker(code, { eval: true }).unref();
}

async function run(): Promise<number> {
  watchdog(Number(values['timeout-s']) + 120);
  const sql = values['count-sql'] && !values.url ? countSql() : null;
  const local = values.url ? null : await inProcessServer();
  const base = values.url ?? local!.server.url;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    const agentStats: AgentStats = { resolved: 0, foundByPoll: 0, errors: [] };
    const agents = [];
    for (const username of usernames)
      agents.push(await startAgent(base, username, password, handleMs, agentStats));

    // One customer first, alone: the first message after start pays one-time costs (e.g. loading the
    // segmenter's dictionary); it is reported on its own line and not mixed into the load figures.
    const warmDeadline = new Promise<void>((resolve) => setTimeout(resolve, 30_000).unref());
    const warm = await connectCustomer(base, -1, warmDeadline);
    await warm.handOff();
    warm.close();

    let t = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, Number(values['timeout-s']) * 1000)),
    );
    // Every wait is bounded by the deadline: what did not happen by then is reported as missing.
    const late = (what: string) =>
      deadline.then(() => Promise.reject(new Error(`${what}: no answer before the deadline`)));
    const connected = await Promise.allSettled(
      Array.from({ length: customerCount }, (_, i) =>
        Promise.race([connectCustomer(base, i, deadline), late('connect')]),
      ),
    );
    const customers = connected.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const connectErrors = connected.flatMap((r) =>
      r.status === 'rejected' ? [String((r.reason as Error).message)] : [],
    );
    const connectSeconds = (performance.now() - t) / 1000;

    loop.enable();
    const sqlBefore = sql?.total() ?? 0;
    const cpuBefore = process.cpuUsage();
    t = performance.now();
    const offsets = arrivalOffsets(customers.length);
    await Promise.race([
      Promise.all(
        customers.map((c: Customer, i) =>
          offsets[i] > 0
            ? new Promise<void>((r) => setTimeout(() => c.handOff().then(r), offsets[i]))
            : c.handOff(),
        ),
      ),
      deadline,
    ]);
    for (const c of customers)
      if (c.result.apiStatus === undefined) c.result.error ??= 'message: no answer before the deadline';
    const loadSeconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const sqlDuring = (sql?.total() ?? 0) - sqlBefore;
    loop.disable();
    clearTimeout(timer);
    await Promise.race([Promise.all(agents.map((a) => a.settle())), new Promise((r) => setTimeout(r, 5000))]);
    for (const c of customers) c.close();
    for (const a of agents) a.close();

    const results = customers.map((c) => c.result);
    const reached = results.filter((r) => r.timeToAgentMs !== undefined).length;
    const errors = [
      ...connectErrors,
      ...agentStats.errors,
      ...results.flatMap((r) => (r.error ? [r.error] : [])),
    ];
    const errorCounts = new Map<string, number>();
    for (const e of errors) errorCounts.set(e.slice(0, 160), (errorCounts.get(e.slice(0, 160)) ?? 0) + 1);
    const statuses = new Map<string, number>();
    for (const r of results)
      statuses.set(r.apiStatus ?? 'none', (statuses.get(r.apiStatus ?? 'none') ?? 0) + 1);

    const lines = [
      `Target ${values.url ? base : 'in-process server (SQLite, temp dir)'}; ${agents.length} agents × capacity (server default), handle time ${handleMs} ms; ` +
        `${customerCount} customers, handoffs ${spreadMs > 0 ? `${values.arrivals === 'poisson' ? 'arriving as a Poisson process' : 'evenly spaced'} over ${spreadMs} ms (${((customerCount / spreadMs) * 1000).toFixed(0)} per second)` : 'all at once'}.`,
      '',
      '| measure (ms) | n | p50 | p90 | p99 | max |',
      '|---|--:|--:|--:|--:|--:|',
      row(
        'time-to-queue (API response queued/assigned)',
        results.flatMap((r) => (r.timeToQueueMs === undefined ? [] : [r.timeToQueueMs])),
      ),
      row(
        'socket says queued/assigned',
        results.flatMap((r) => (r.wsQueuedMs === undefined ? [] : [r.wsQueuedMs])),
      ),
      row(
        'time-to-agent (socket says assigned)',
        results.flatMap((r) => (r.timeToAgentMs === undefined ? [] : [r.timeToAgentMs])),
      ),
      '',
      `- first customer alone, before the load (cold start): time-to-queue ${ms(warm.result.timeToQueueMs ?? NaN)} ms, time-to-agent ${ms(warm.result.timeToAgentMs ?? NaN)} ms${warm.result.error ? ` (error: ${warm.result.error})` : ''}`,
      `- reached an agent: ${reached} / ${customerCount}; resolved: ${results.filter((r) => r.resolved).length} (agents resolved ${agentStats.resolved}, ` +
        `${agentStats.foundByPoll} found by the 5 s poll rather than the agent socket)`,
      `- API status on the 转人工 reply: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`,
      `- errors: ${errors.length}${[...errorCounts].map(([e, n]) => `\n  - ${n} × ${e}`).join('')}`,
      `- connect phase (create + WebSocket for all customers): ${connectSeconds.toFixed(1)} s; handoff phase until the last chat was resolved: ${loadSeconds.toFixed(1)} s`,
      local
        ? `- event-loop delay in this process during the handoff phase (server and load generator share it): p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`
        : '',
      local
        ? `- CPU time of this process in that phase: ${(cpuMs(cpu) / 1000).toFixed(1)} s (load average ${loadavg()
            .map((x) => x.toFixed(1))
            .join(' ')})`
        : '',
      sql
        ? `- SQL statements in that phase: ${sqlDuring} (${(sqlDuring / customerCount).toFixed(0)} per handoff); since start, most frequent:` +
          sql
            .top(Number(process.env.SQL_TOP ?? 6))
            .map(([q, n]) => `\n  - ${n} × \`${q}\``)
            .join('')
        : '',
    ];
    process.stdout.write(lines.filter(Boolean).join('\n') + '\n');
    return reached === customerCount && errors.length === 0 ? 0 : 1;
  } finally {
    if (local) {
      await local.server.close();
      rmSync(local.dataDir, { recursive: true, force: true });
    }
  }
}

if (values.serve) await serveOnly();
else process.exitCode = await run();
