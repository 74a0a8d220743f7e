import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist/web is missing or older than its sources (first `npm start`). */
export function buildWebIfNeeded(): void {
  const stamp = join(ROOT, 'dist/web/index.html');
  const sources = [join(ROOT, 'src/web'), join(ROOT, 'src/contracts')].filter(existsSync);
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const newest = Math.max(...sources.map(newestMtime), statSync(join(ROOT, 'vite.config.ts')).mtimeMs);
  if (built >= newest) return;
  console.log('Building the web app (first start or sources changed)…');
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The web build failed; see the output above.');
}
