/**
 * Ledger benchmark on PostgreSQL: single-line postings under 8 clients against raw inserts, bulk
 * documents, back-dated re-valuation before 100k and 1M later entries on one key, and balance
 * lookups as of a past moment in a large table. Sizes: BENCH_LEDGER_BULK (entries, default 1M),
 * BENCH_LEDGER_ASOF_ROWS (default 10M).
 */
import { openPostgres } from '../src/server/kernel/db/postgres';
import { migrate } from '../src/server/kernel/db/migrate';
import type { Db } from '../src/server/kernel/db/types';
import { systemCtx } from '../tests/support/app';
import { post, stockWorld, writeLongKey } from '../tests/support/stock';
import { runCommand } from '../src/server/kernel/run-command';
import { benchSchema, load, percentile, rawInsertTps, report } from './lib';

const CLIENTS = 8;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const BULK = Number(process.env.BENCH_LEDGER_BULK ?? 1_000_000);
const ASOF_ROWS = Number(process.env.BENCH_LEDGER_ASOF_ROWS ?? 10_000_000);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

async function withSchema(fn: (db: Db, url: string) => Promise<void>) {
  const schema = await benchSchema();
  const db = await openPostgres(schema.url, { maxConnections: 20 });
  try {
    await migrate(db);
    await fn(db, schema.url);
  } finally {
    await db.close();
    await schema.drop();
  }
}

async function singlePostings(): Promise<void> {
  await withSchema(async (db, url) => {
    const w = await stockWorld(db, 'B');
    const ctx = systemCtx(db);
    // 64 stock keys: stations post to different stock, as in a plant
    const keys: string[] = [];
    for (let i = 0; i < 64; i++) keys.push((await (await import('../src/server/inventory')).createLocation(ctx, { code: `ONE-${i}`, name: 'one', kind: 'warehouse' })).body.id);
    const one = (i: number) => post(ctx, { type: 'receipt', lines: [{ variantId: w.variant.id, locationId: keys[i % keys.length]!, qty: '1', unitCost: '2.5', grade: 'good' }] });
    await load(CLIENTS, 1000, (c, i) => one(c * 8 + i).then(() => {}));
    const r = await load(CLIENTS, DURATION_MS, (c, i) => one(c * 8 + i).then(() => {}));
    const raw = await rawInsertTps(url, CLIENTS, DURATION_MS);
    report('ledger.post_single_tps', r.tps, 'documents/s');
    report('ledger.raw_single_tps', raw, 'tx/s');
    report('ledger.post_single_ratio', r.tps / raw, '(goal >= 0.5)');
    // the floor under any posting: a command that moves no stock but leaves what a posting leaves
    // (claim a chain head, audit event, outbox event with its NOTIFY, commit)
    const empty = () => runCommand(ctx, { name: 'bench.empty', input: {}, status: 201 }, async (cmd) => {
      cmd.audit({ entityType: 'stock_document', entityId: w.variant.id, after: { number: 'RCV-000001', type: 'receipt', postedAt: cmd.now, entries: 1 } });
      cmd.emit({ topic: 'stock.receipt', summary: 'posted RCV-000001 (1 entry)', payload: { number: 'RCV-000001' }, permission: 'inventory.read' });
      return {};
    }).then(() => {});
    const floor = await load(CLIENTS, DURATION_MS, empty);
    report('ledger.command_floor_tps', floor.tps, 'commands/s (no stock moved)');
    report('ledger.command_floor_ratio', floor.tps / raw, '(the most any posting can reach through runCommand)');
  });
}

async function bulk(): Promise<void> {
  await withSchema(async (db) => {
    const w = await stockWorld(db, 'B');
    const ctx = systemCtx(db);
    const locations: string[] = [];
    for (let i = 0; i < 20; i++) locations.push((await (await import('../src/server/inventory')).createLocation(ctx, { code: `BULK-${i}`, name: 'bulk', kind: 'warehouse' })).body.id);
    const docs = Math.ceil(BULK / 1000);
    const t0 = performance.now();
    for (let d = 0; d < docs; d++) {
      await post(ctx, { type: 'receipt', lines: Array.from({ length: 1000 }, (_, i) => ({ variantId: w.variant.id, locationId: locations[(d + i) % locations.length]!, qty: String(1 + (i % 7)), unitCost: '1.25', grade: 'good' })) });
    }
    report('ledger.bulk_entries_per_s', (docs * 1000) / ((performance.now() - t0) / 1000), `entries/s (${docs} documents of 1,000 lines; goal >= 20000)`);
  });
}

/** One key with `n` entries (receipts and issues alternating), written with set-based SQL and valued once. */
async function buildKey(db: Db, n: number): Promise<{ keyId: string; variantId: string; locationId: string; first: Date }> {
  const w = await stockWorld(db, `K${n}`);
  const first = new Date(Date.UTC(2025, 0, 1));
  const at = { variantId: w.variant.id, locationId: w.locations.main };
  const keyId = await writeLongKey(db, at, first, n - 1, 'case when g % 2 = 1 then 10 else -5 end', 'case when g % 2 = 1 then 1 + (g % 13) * 0.25 end');
  // valuing wrote every row twice in one transaction (a placeholder, then its figures); a plant's
  // rows were written once each, posting by posting: pack them like that
  await db.query('vacuum full stock_entry_value');
  return { keyId, ...at, first };
}

async function backdated(n: number, label: string): Promise<void> {
  await withSchema(async (db) => {
    const k = await buildKey(db, n);
    const t0 = performance.now();
    await post(systemCtx(db), { type: 'receipt', postedAt: new Date(k.first.getTime() - 86_400_000).toISOString(), lines: [{ variantId: k.variantId, locationId: k.locationId, qty: '3', unitCost: '0.5', grade: 'good' }] });
    report(`ledger.backdated_revalue_ms_${label}`, performance.now() - t0, `ms (${n} later entries re-valued exactly${label === '1m' ? '; goal <= 5000' : ''})`);
    // as a plant back-dates: receipts dated before the key's last 1,000 entries (a day's postings);
    // the median of five
    const recent: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t1 = performance.now();
      await post(systemCtx(db), { type: 'receipt', postedAt: new Date(k.first.getTime() + (n - 1000 + i) * 1000 - 500).toISOString(), lines: [{ variantId: k.variantId, locationId: k.locationId, qty: '3', unitCost: '0.5', grade: 'good' }] });
      recent.push(performance.now() - t1);
    }
    report(`ledger.backdated_recent_ms_${label}`, recent.sort((a, b) => a - b)[2]!, `ms (median of 5 receipts, each before the last 1,000 of ${n} entries)`);
  });
}

async function asOf(): Promise<void> {
  await withSchema(async (db) => {
    const k = await buildKey(db, 100_000);
    // fill the table around it with another key's entries, so the index is as large as a plant's
    const other = await buildKey(db, 2);
    const filler = Math.max(0, ASOF_ROWS - 100_000);
    await db.query(
      `insert into stock_entry (key_id, posted_at, qty, unit_cost, document_id, document_line, reason)
       select $1, $2::timestamptz - make_interval(secs => g), 1, 1, (select document_id from stock_entry where key_id = $1 limit 1), g, 'filler'
       from generate_series(1, $3) g`,
      [other.keyId, k.first, filler],
    );
    await db.query(
      `insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after, fifo_pos, fifo_value)
       select id, key_id, posted_at, 1, 1, true, n, n, n, n
       from (select id, key_id, posted_at, row_number() over (order by posted_at, id) as n from stock_entry where key_id = $1 and reason = 'filler') f`,
      [other.keyId],
    );
    await db.query('analyze stock_entry_value');
    const span = 100_000 * 1000;
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = new Date(k.first.getTime() + Math.floor(Math.random() * span));
      const t0 = performance.now();
      await db.query('select qty_after, value_after from stock_entry_value where key_id = $1 and posted_at <= $2 order by posted_at desc, entry_id desc limit 1', [k.keyId, at]);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const [{ n }] = (await db.query<{ n: string }>('select count(*)::text as n from stock_entry_value')) as [{ n: string }];
    report('ledger.balance_asof_p95_ms', percentile(times, 95), `ms (${n} valued entries in the table; goal <= 20)`);
  });
}

const only = process.env.BENCH_ONLY?.split(',');
const run = (name: string) => !only || only.includes(name);
if (run('single')) await singlePostings();
if (run('bulk')) await bulk();
if (run('backdated')) await backdated(100_000, '100k');
if (run('backdated')) await backdated(1_000_000, '1m');
if (run('asof')) await asOf();
clearInterval(sampler);
report('ledger.peak_rss_mb', peakRss / 1048576, 'MB');
process.exit(0);
