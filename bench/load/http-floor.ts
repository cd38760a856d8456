// node --import tsx bench/load/http-floor.ts [--requests 500 --rounds 3 --client http|fetch]
// The floor under the handoff load figures: the same burst of simultaneous POSTs, from the same kind of
// client as handoff-load.ts, answered by a Fastify route that does nothing, served by a second process.
// Whatever the load script measures above this floor is the product's own cost.
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { percentile } from '../queue/metrics.js';
import { requestJson } from './http-client.js';

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    requests: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
    client: { type: 'string', default: 'http' },
  },
});

async function serve(): Promise<void> {
  const app = Fastify();
  app.post('/noop', async (request) => ({ ok: true, echo: (request.body as { text?: string }).text }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
}

async function post(base: string, client: string): Promise<void> {
  const body = { text: '转人工', clientMessageId: 'x' };
  if (client === 'fetch') {
    const res = await fetch(`${base}/noop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.text();
  } else {
    const res = await requestJson(base, 'POST', '/noop', body);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  }
}

async function measure(): Promise<void> {
  const n = Number(values.requests);
  const server = fork(new URL(import.meta.url).pathname, ['--serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  try {
    const port = await new Promise<number>((resolve) =>
      server.once('message', (m) => resolve((m as { port: number }).port)),
    );
    const base = `http://127.0.0.1:${port}`;
    // Open the connections first, as the load script's customers do when they start their chats.
    await Promise.all(Array.from({ length: n }, () => post(base, values.client)));
    process.stdout.write(
      `${n} simultaneous POSTs to a no-op Fastify route in a second process, client ${values.client}:\n`,
    );
    for (let round = 0; round < Number(values.rounds); round++) {
      const times: number[] = [];
      await Promise.all(
        Array.from({ length: n }, async () => {
          const sent = performance.now();
          await post(base, values.client);
          times.push(performance.now() - sent);
        }),
      );
      times.sort((a, b) => a - b);
      process.stdout.write(
        `  round ${round + 1}: p50 ${percentile(times, 50).toFixed(1)} / p99 ${percentile(times, 99).toFixed(1)} / ` +
          `max ${times[times.length - 1].toFixed(1)} ms (load average ${loadavg()[0].toFixed(1)})\n`,
      );
    }
  } finally {
    server.kill();
  }
}

if (values.serve) await serve();
else await measure();
