import http from 'node:http';
import pg from 'pg';
import { createTestSchema } from '../tests/support/databases';

/** PostgreSQL for benchmarks: BENCH_DATABASE_URL, else the local server's postgres database. */
export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A private schema for one benchmark run, dropped afterwards. */
export const benchSchema = () => createTestSchema(BENCH_URL);

export function report(name: string, value: number, unit: string): void {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  console.log(`${name}: ${shown} ${unit}`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `worker` in `clients` concurrent loops for `durationMs`; returns operations/s and latencies. */
export async function load(clients: number, durationMs: number, worker: (client: number, i: number) => Promise<void>) {
  const latencies: number[] = [];
  const end = Date.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; Date.now() < end; i++) {
        const t0 = performance.now();
        await worker(c, i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { tps: latencies.length / seconds, p99: percentile(latencies, 99), count: latencies.length };
}

/** Raw single-row insert transactions through the same driver: the ceiling to compare with. */
export async function rawInsertTps(url: string, clients: number, durationMs: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  await pool.query('create table if not exists bench_raw (id bigserial primary key, payload text not null, at timestamptz not null default now())');
  const { tps } = await load(clients, durationMs, async () => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query('insert into bench_raw (payload) values ($1)', ['x']);
      await c.query('commit');
    } finally {
      c.release();
    }
  });
  await pool.end();
  return tps;
}

/**
 * A keep-alive HTTP client for load generation. (The global fetch costs several times more CPU
 * per request than the server under test; measured here: ~600 vs ~4,000 req/s on one core.)
 */
export function httpClient(base: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const url = new URL(base);
  return {
    request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
      return new Promise((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, path, method, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        });
        req.on('error', reject);
        if (body !== undefined) req.end(body);
        else req.end();
      });
    },
    close: () => agent.destroy(),
  };
}

/** Runs bench/load-worker.ts in a child process against a running server (the job goes by file: work lists are large). */
export async function loadFromChild(job: {
  base: string; clients: number; durationMs: number; warmupMs?: number; method: string; path: string;
  headers: Record<string, string>; body: string; perClient?: Array<Array<{ path: string; body: string }>>;
}): Promise<{ tps: number; p99: number; count: number; errors: number; created: number }> {
  const { spawn } = await import('node:child_process');
  const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
  const worker = new URL('./run.mjs', import.meta.url).pathname;
  const dir = mkdtempSync('/tmp/shopfloor-load-');
  writeFileSync(`${dir}/job.json`, JSON.stringify({ warmupMs: 1500, ...job }));
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [worker, 'load-worker', `@${dir}/job.json`], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`load worker exited ${code}`))));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
