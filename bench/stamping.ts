/**
 * Stamping benchmark on PostgreSQL: box confirmations over HTTP from 8 and then 32 concurrent
 * stations (each on its own PO; the stations share the five regions' stamp balances, as a line
 * does), beside raw insert transactions in the same run. Afterwards the stamp ledger must show
 * exactly the confirmed stamps deducted.
 */
import { serve } from '@hono/node-server';
import Decimal from '../src/contracts/exact-decimal';
import { openPostgres } from '../src/server/kernel/db/postgres';
import { migrate } from '../src/server/kernel/db/migrate';
import type { Db } from '../src/server/kernel/db/types';
import { createApp } from '../src/server/http/app';
import { seedPeople } from '../src/server/seed/people';
import { createPo, startRun } from '../src/server/stamping';
import { createStampOrder } from '../src/server/stamping/stamps/commands/create-stamp-order';
import { testServices, silentLog } from '../tests/support/app';
import { freePort } from '../tests/support/processes';
import { stampingWorld } from '../tests/support/stamping';
import { inventoriedShipment } from '../tests/support/stamping-shipments';
import { benchSchema, httpClient, loadFromChild, rawInsertTps, report } from './lib';

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const BOXES = Number(process.env.BENCH_STAMPING_BOXES ?? 14_000);
const REGIONS = ['federal', 'ontario', 'quebec'];

/** `stations` POs in production, each with its own work list of boxes (inserted set-based). */
async function prepare(db: Db, tag: string, stations: number) {
  const w = await stampingWorld(db, tag);
  const v = w.products.bluerasp10.variantId;
  const s = await inventoriedShipment(w, [{ variantId: v, raw: '1' }]);
  const perStation = Math.ceil(BOXES / stations);
  await db.query(
    `with boxes as (
       insert into shipment_box (id, shipment_id, brand_id, box_no, status, received_at)
       select gen_random_uuid(), $1, $2, g + 1, 'received', now() from generate_series(1, $3) g returning id, box_no)
     insert into shipment_box_line (id, box_id, line_no, variant_id, raw_qty, good_qty)
     select gen_random_uuid(), id, 1, $4, 10, 10 from boxes`,
    [s.id, w.brands.orbito.id, stations * perStation, v],
  );
  for (const r of REGIONS) await createStampOrder(w.ctx, { regionCode: r, qty: '100000000', received: true });
  const perClient: Array<Array<{ path: string; body: string }>> = [];
  for (let i = 0; i < stations; i++) {
    const region = REGIONS[i % REGIONS.length]!;
    const po = (await createPo(w.ctx, { shipmentId: s.id, urgent: false, autoSplit: false, lines: [{ variantId: v, regionCode: region, qty: String(perStation * 10) }] })).body.po;
    await startRun(w.ctx, po.id);
    const boxes = await db.query<{ box_id: string; line_id: string }>(
      `select b.id as box_id, bl.id as line_id from shipment_box b join shipment_box_line bl on bl.box_id = b.id
       where b.shipment_id = $1 and b.box_no between $2 and $3 order by b.box_no`,
      [s.id, i * perStation + 2, (i + 1) * perStation + 1],
    );
    perClient.push(boxes.map((b) => ({ path: `/api/stamping/orders/${po.id}/confirm`, body: JSON.stringify({ boxId: b.box_id, lines: [{ boxLineId: b.line_id, regionCode: region }] }) })));
  }
  return { perClient };
}

/** Stamps the ledger lost or doubled: received − remaining must equal what the run recorded. */
async function stampsLostOrDoubled(db: Db): Promise<Decimal> {
  const [row] = (await db.query<{ issued: string; recorded: string }>(
    `select coalesce(-sum(e.qty) filter (where e.qty < 0), 0)::text as issued, (select coalesce(sum(stamps), 0) from run_box)::text as recorded
     from stock_entry e join stock_key k on k.id = e.key_id join tax_region r on r.stamp_variant_id = k.variant_id`,
  )) as [{ issued: string; recorded: string }];
  return new Decimal(row.issued).minus(row.recorded).abs();
}

async function confirmRun(stations: number): Promise<void> {
  const schema = await benchSchema();
  const db = await openPostgres(schema.url, { maxConnections: Math.max(20, stations + 4) });
  try {
    await migrate(db);
    await seedPeople(db, silentLog);
    const { perClient } = await prepare(db, `B${stations}`, stations);
    const app = createApp(testServices(db));
    const port = await freePort();
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    const client = httpClient(base, 1);
    const login = await client.request('POST', '/api/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username: 'operator', password: 'shopfloor' }));
    client.close();
    const cookie = /sf_session=[^;]+/.exec(String(login.headers['set-cookie']))![0];
    const { csrfToken } = JSON.parse(login.body) as { csrfToken: string };
    const r = await loadFromChild({
      base, clients: stations, durationMs: DURATION_MS, method: 'POST', path: '', body: '', perClient,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    });
    server.close();
    if (r.errors) throw new Error(`${r.errors} confirmations failed`);
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from run_box')) as [{ n: number }];
    if (n !== r.created) throw new Error(`${r.created} confirmations answered 201 but ${n} recorded`);
    report(`stamping.confirm_tps_${stations}`, r.tps, 'confirms/s');
    report(`stamping.confirm_p99_ms_${stations}`, r.p99, `ms${stations === 8 ? ' (goal <= 50)' : ''}`);
    if (stations === 8) {
      const raw = await rawInsertTps(schema.url, 8, DURATION_MS);
      report('stamping.raw_tps', raw, 'tx/s');
      report('stamping.confirm_ratio_8', r.tps / raw, '(goal >= 0.4)');
    }
    report(`stamping.stamps_lost_or_doubled${stations === 8 ? '' : `_${stations}`}`, (await stampsLostOrDoubled(db)).toNumber(), `stamps (${n} boxes confirmed)`);
  } finally {
    await db.close();
    await schema.drop();
  }
}

await confirmRun(8);
await confirmRun(32);
process.exit(0);
