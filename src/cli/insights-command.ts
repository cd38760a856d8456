// `zhida insights rebuild`: re-projects every conversation for the dashboard (after an upgrade, a restore,
// or a change of KB categories). Safe while a server runs: projections are replaced per conversation.
import { loadConfig } from '../config.js';
import { createInsightProjector } from '../insights/insight-projector.js';
import { openStorage } from '../storage/open-storage.js';

interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

export async function runInsights(args: string[], io: Io): Promise<number> {
  if (args[0] !== 'rebuild' || args.length > 1) {
    io.stderr('usage: zhida insights rebuild\n');
    return 2;
  }
  const config = loadConfig();
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const started = performance.now();
    const projector = createInsightProjector(storage, (err) => io.stderr(`${String(err)}\n`));
    const total = await projector.rebuild((done) => {
      if (done % 10_000 === 0) io.stdout(`  ${done} conversations\n`);
    });
    io.stdout(
      `re-projected ${total} conversations in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } finally {
    await storage.close();
  }
}
