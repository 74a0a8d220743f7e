/**
 * Load generator run as its own process (clients are other machines in a plant; sharing the
 * server's event loop would halve what it can serve). Reads a JSON job from argv, prints a JSON
 * result: `{ tps, p99, count, errors }`.
 */
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
}

const job = JSON.parse(process.argv.at(-1)!) as Job;
const client = httpClient(job.base, job.clients);
let errors = 0;
const send = async (c: number, i: number) => {
  const headers = { ...job.headers, 'idempotency-key': `load-${process.pid}-${c}-${i}-${Date.now()}` };
  const r = await client.request(job.method, job.path, headers, job.body);
  if (r.status >= 400) errors++;
};
await load(job.clients, job.warmupMs, send);
const result = await load(job.clients, job.durationMs, send);
client.close();
console.log(JSON.stringify({ ...result, errors }));
