// The `zhida` command: serve, kb import/export, eval.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { KeyPassphraseError } from '../evidence/signing-key.js';
import { AppError } from '../errors.js';
import { kbFromCsv } from '../services/kb-csv.js';
import { exportKnowledgeBase, importKnowledgeBase } from '../services/knowledge-base.js';
import { openStorage } from '../storage/open-storage.js';
import { runEval } from './eval-command.js';
import { runInsights } from './insights-command.js';
import { runVerify } from './verify-command.js';

const USAGE = `usage: zhida <command>
  serve                          start the server (PORT, ZHIDA_DATA_DIR, DATABASE_URL … see README)
  kb import FILE                 replace the server's knowledge base with FILE (.json KB file or .csv)
                                 and publish it (no regression run: use the admin API to test first)
  kb export FILE                 write the server's knowledge base to FILE (.json)
  eval --kb KB.json --cases CASES.jsonl --out PREDICTIONS.jsonl
                                 decide every case as the bot would and print accuracy figures
  verify FILE.json [--key PEM]    check a downloaded conversation transcript (exit 1 when altered)
  insights rebuild               re-project every conversation for the dashboard (docs/metrics.md)`;

const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };

async function kbCommand(args: string[]): Promise<number> {
  const [action, file] = args;
  if ((action !== 'import' && action !== 'export') || !file) {
    io.stderr(USAGE + '\n');
    return 2;
  }
  const config = loadConfig();
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (action === 'export') {
      const kb = await exportKnowledgeBase(storage);
      await writeFile(file, JSON.stringify(kb, null, 2) + '\n');
      io.stdout(`exported ${kb.entries.length} entries to ${file}\n`);
      return 0;
    }
    const text = await readFile(file, 'utf8');
    let input: unknown;
    if (path.extname(file).toLowerCase() === '.csv') {
      const { kb, errors } = kbFromCsv(text, path.basename(file, '.csv'));
      if (errors.length > 0) {
        io.stderr(`refused: ${file} has ${errors.length} bad row(s); nothing was imported\n`);
        for (const e of errors) io.stderr(`  row ${e.row}: ${e.message}\n`);
        return 1;
      }
      input = kb;
    } else {
      try {
        input = JSON.parse(text);
      } catch (err) {
        io.stderr(`refused: ${file} is not valid JSON (${(err as Error).message}); nothing was imported\n`);
        return 1;
      }
    }
    const result = await importKnowledgeBase(
      storage,
      input,
      'cli',
      `import ${path.basename(file)}`,
      Date.now(),
    );
    // An operator's offline load goes live as before drafts existed; the admin API is the tested path.
    await storage.kb.publish(result.version, 'cli', Date.now());
    io.stdout(
      `imported and published ${result.entries} entries as KB version ${result.version}; a running server picks it up on restart\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID_KB') {
      io.stderr(`refused: ${err.message}; nothing was imported\n`);
      for (const e of (err.details as Array<{
        index: number;
        id?: string;
        field: string;
        message: string;
      }>) ?? []) {
        io.stderr(`  entry ${e.index}${e.id ? ` (${e.id})` : ''}: ${e.field}: ${e.message}\n`);
      }
      return 1;
    }
    throw err;
  } finally {
    await storage.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { startServer } = await import('../server.js');
        const server = await startServer();
        const stop = () => void server.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return -1; // keep running
      }
      case 'kb':
        return await kbCommand(rest);
      case 'eval':
        return await runEval(rest, io);
      case 'insights':
        return await runInsights(rest, io);
      case 'verify':
        return await runVerify(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE + '\n');
        return command ? 0 : 2;
      default:
        io.stderr(`unknown command "${command}"\n${USAGE}\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof KeyPassphraseError) {
      io.stderr(`configuration error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof Error && 'code' in err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
