#!/usr/bin/env node
// npm run bench -- <name>: runs bench/<name>.ts, which prints `name: value unit` lines.
import { readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const name = process.argv[2];
const available = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.startsWith('lib')).map((f) => f.slice(0, -3));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}>`);
  process.exit(2);
}
register();
await import(`./${name}.ts`);
