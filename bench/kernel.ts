/**
 * Kernel benchmark: an authenticated command over HTTP (session cookie, CSRF, idempotency key,
 * audit chain, outbox) with 8 concurrent clients, against raw insert transactions on the same
 * PostgreSQL; then start-up time and idle memory of `npm start` in embedded mode.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import pg from 'pg';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { openPostgres } from '../src/server/kernel/db/postgres';
import { migrate } from '../src/server/kernel/db/migrate';
import { runCommand } from '../src/server/kernel/run-command';
import { createApp } from '../src/server/http/app';
import { defineRoute, json } from '../src/server/http/route';
import { seedPeople } from '../src/server/seed/people';
import { testServices, silentLog } from '../tests/support/app';
import { freePort, ROOT } from '../tests/support/processes';
import { buildWebIfNeeded } from '../src/server/cli/build-web';
import { benchSchema, httpClient, loadFromChild, rawInsertTps, report } from './lib';

const CLIENTS = 8;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;

async function commandThroughput(): Promise<void> {
  const schema = await benchSchema();
  const db = await openPostgres(schema.url, { maxConnections: 20 });
  try {
    await migrate(db);
    await seedPeople(db, silentLog);
    const app = createApp(testServices(db));
    // The benchmarked no-op: a full command that changes nothing but its audit trail.
    app.openapi(
      defineRoute({ method: 'post', path: '/api/bench/noop', permission: 'self.use', responses: { 200: json(z.object({ ok: z.boolean() })) } }),
      async (c) => {
        const r = await runCommand(c.get('ctx'), { name: 'bench.noop', input: {}, idempotencyKey: c.req.header('idempotency-key') }, async (cmd) => {
          cmd.audit({ entityType: 'bench', entityId: 'noop' });
          return { ok: true };
        });
        return c.json(r.body, 200);
      },
    );
    const port = await freePort();
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    const client = httpClient(base, 1);
    const login = await client.request('POST', '/api/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username: 'operator', password: 'shopfloor' }));
    client.close();
    const cookie = /sf_session=[^;]+/.exec(String(login.headers['set-cookie']))![0];
    const { csrfToken } = JSON.parse(login.body) as { csrfToken: string };
    const cmd = await loadFromChild({
      base, clients: CLIENTS, durationMs: DURATION_MS, method: 'POST', path: '/api/bench/noop', body: '{}',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    });
    if (cmd.errors) throw new Error(`${cmd.errors} noop commands failed`);
    // every answered command left its audit event (warm-up requests add more)
    const [audited] = await db.query<{ n: number }>(`select count(*)::int as n from audit_event where command = 'bench.noop'`);
    if (audited!.n < cmd.count) throw new Error(`${cmd.count} commands answered but ${audited!.n} audited`);
    server.close();
    const raw = await rawInsertTps(schema.url, CLIENTS, DURATION_MS);
    report('kernel.command_tps', cmd.tps, 'req/s');
    report('kernel.command_p99_ms', cmd.p99, 'ms');
    report('kernel.raw_tps', raw, 'tx/s');
    report('kernel.command_ratio', cmd.tps / raw, '(goal >= 0.5)');
    const bare = await bareHttpInsertTps(schema.url);
    report('kernel.bare_http_insert_tps', bare, 'req/s (no framework, no session, no audit: one insert per request)');
    report('kernel.bare_http_insert_ratio', bare / raw, '(the most any command over HTTP can reach on this machine)');
  } finally {
    await db.close();
    await schema.drop();
  }
}

/**
 * The ceiling under every command over HTTP: a bare node:http server that writes one row per
 * request (one autocommitted insert, one round trip, through the same driver and pool size), driven
 * by the same load generator. No framework, session, validation, audit or idempotency.
 */
async function bareHttpInsertTps(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  await pool.query('create table if not exists bench_bare (id bigserial primary key, payload text not null, at timestamptz not null default now())');
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      pool.query('insert into bench_bare (payload) values ($1)', [Buffer.concat(chunks).toString('utf8')]).then(
        () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}'),
        () => res.writeHead(500).end(),
      );
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  try {
    const r = await loadFromChild({ base: `http://127.0.0.1:${port}`, clients: CLIENTS, durationMs: DURATION_MS, method: 'POST', path: '/', body: '{}', headers: { 'content-type': 'application/json' } });
    if (r.errors) throw new Error(`${r.errors} bare inserts failed`);
    return r.tps;
  } finally {
    server.close();
    await pool.end();
  }
}

function rssMbOf(port: number): number {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      const isNode = /(^|\/)node\0/.test(cmdline);
      if (isNode && cmdline.includes('shopfloor.mjs') && environ.split('\0').includes(`PORT=${port}`)) {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
        return kb / 1024;
      }
    } catch {
      /* process gone or not ours */
    }
  }
  return Number.NaN;
}

async function startAndMemory(): Promise<void> {
  buildWebIfNeeded(); // the first start builds the web app; measure a normal start
  const dir = mkdtempSync(join(tmpdir(), 'shopfloor-bench-'));
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, PORT: String(port), SHOPFLOOR_DATA: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (performance.now() - t0 > 120_000) throw new Error('npm start did not become healthy in 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    report('kernel.start_ms', performance.now() - t0, 'ms (goal <= 15000)');
    await new Promise((r) => setTimeout(r, 3000)); // let start-up garbage settle
    report('kernel.idle_rss_mb', rssMbOf(port), 'MB (goal <= 500)');
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

await commandThroughput();
if (!process.env.BENCH_ONLY_COMMAND) await startAndMemory();
process.exit(0);
