#!/usr/bin/env node
// `zhida` entry point: runs the compiled CLI (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    'zhida is not built yet: run `npm install` (or `npm run build`) in the project folder.\n',
  );
  process.exit(1);
}
const { main } = await import(compiled.href);
const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
