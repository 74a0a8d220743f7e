import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when another live process holds the embedded data directory. */
export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: number) {
    super(
      `The data directory ${dataDir} is in use by another Shopfloor process (pid ${holderPid}). ` +
        'Two processes on one embedded database would lose writes; stop the other one, or use ' +
        'PostgreSQL (DATABASE_URL) to run several instances.',
    );
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on dataDir by creating `shopfloor.lock` atomically (O_EXCL). A lock left
 * by a dead process is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'shopfloor.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isFinite(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(dataDir, holder);
      }
      if (holder === process.pid) throw new DataDirInUseError(dataDir, holder);
      rmSync(path, { force: true }); // stale lock of a dead process
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
