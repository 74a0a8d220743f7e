import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, WEB_DIR } from './paths';

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the web app once for the whole run when dist/web is missing or older than its sources. */
export default function setup(): void {
  const stamp = join(WEB_DIR, 'index.html');
  const sources = ['src/web', 'src/contracts', 'vite.config.ts'].map((p) => join(ROOT, p)).filter(existsSync);
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built > 0 && built >= Math.max(...sources.map(newestMtime))) return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(stamp)) throw new Error('The web build failed; see the output above.');
}
