#!/usr/bin/env node
// npm run bench -- <name>: runs bench/<name>.ts, which prints `name: value unit` lines.
import { readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const name = process.argv[2];
const available = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
if (!name || !available.includes(name)) {
  const benchmarks = available.filter((n) => n !== 'lib' && n !== 'load-worker');
  console.error(`usage: npm run bench -- <${benchmarks.join('|')}>`);
  process.exit(2);
}
register();
await import(`./${name}.ts`);
