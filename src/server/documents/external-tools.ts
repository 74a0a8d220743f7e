import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Second opinions from qpdf and pdftotext when the machine has them (tests only). Absent tools
 * give `null`: the structural checks in pdf-inspect.ts are what the tests always rely on.
 */
function available(tool: string): boolean {
  return spawnSync('which', [tool], { encoding: 'utf8' }).status === 0;
}

function withFile<T>(bytes: Uint8Array, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'shopfloor-pdf-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, bytes);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `qpdf --check` output and exit status, or null without qpdf. */
export function qpdfCheck(bytes: Uint8Array): { ok: boolean; output: string } | null {
  if (!available('qpdf')) return null;
  return withFile(bytes, (path) => {
    const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
    // Exit 0 = clean; 3 = warnings only. Either way a warning in the output is a defect of ours.
    return { ok: r.status === 0 && !/warning/i.test(r.stdout + r.stderr), output: r.stdout + r.stderr };
  });
}

/** The text pdftotext extracts (pages separated by form feeds), or null without it. */
export function pdfToText(bytes: Uint8Array): string | null {
  if (!available('pdftotext')) return null;
  return withFile(bytes, (path) => spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).stdout);
}
