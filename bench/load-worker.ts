/**
 * Load generator run as its own process (clients are other machines in a plant; sharing the
 * server's event loop would halve what it can serve). Reads a JSON job from argv, prints a JSON
 * result: `{ tps, p99, count, errors }`.
 */
import { readFileSync } from 'node:fs';
import { httpClient, load } from './lib';

interface Job {
  base: string;
  clients: number;
  durationMs: number;
  warmupMs: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** per client, a work list of distinct requests (each sent once; the client stops when done) */
  perClient?: Array<Array<{ path: string; body: string }>>;
}

// a job too large for an argument (a work list) comes as @file
const arg = process.argv.at(-1)!;
const job = JSON.parse(arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg) as Job;
const client = httpClient(job.base, job.clients);
let errors = 0;
const next = job.perClient?.map(() => 0);
let created = 0;
const send = async (c: number, i: number) => {
  const headers = { ...job.headers, 'idempotency-key': `load-${process.pid}-${c}-${i}-${Date.now()}` };
  const item = job.perClient ? job.perClient[c]![next![c]!++] : { path: job.path, body: job.body };
  if (!item) throw new Error(`client ${c} ran out of work after ${i} requests: give it a longer list`);
  const r = await client.request(job.method, item.path, headers, item.body);
  if (r.status >= 400) errors++;
  if (r.status === 201) created++;
};
await load(job.clients, job.warmupMs, send);
const result = await load(job.clients, job.durationMs, send);
client.close();
console.log(JSON.stringify({ ...result, errors, created }));
