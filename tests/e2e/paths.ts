import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIR = join(ROOT, 'dist/web');
export const SCREENSHOT_DIR = join(ROOT, 'artifacts/screenshots');
