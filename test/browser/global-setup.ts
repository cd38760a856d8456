// Vitest globalSetup of the "browser" project: builds the web apps when dist/web is missing or older
// than anything under web/ (sources, HTML, config), so the tests always drive the current UI.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

export default function setup(): void {
  const builtIndex = path.join(root, 'dist/web/index.html');
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const sources = newestMtime(path.join(root, 'web'));
  if (builtAt >= sources) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
}
