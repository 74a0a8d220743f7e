import Decimal from '../../src/contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/databases';
import { stampingWorld, type StampingWorld } from '../support/stamping';
import { confirmBox, createPo, createShipment, markInventoried, receiveBox, startRun } from '../../src/server/stamping';
import { createStampOrder } from '../../src/server/stamping/stamps/commands/create-stamp-order';
import { checkLedger } from '../../src/server/inventory/check-ledger';

describe('stamping stations under concurrency on PostgreSQL', () => {
  let t: TestDb;
  let w: StampingWorld;
  beforeAll(async () => {
    t = await openTestDb('postgres', { maxConnections: 40 });
    w = await stampingWorld(t.db, 'ST');
  });
  afterAll(() => t.drop());

  const stampQty = async (region: string) =>
    (await t.db.query<{ qty: string }>(
      `select b.qty::text from tax_region r join stock_key k on k.variant_id = r.stamp_variant_id join stock_balance b on b.key_id = k.id where r.code = $1`, [region],
    ))[0]?.qty;

  /** A shipment of one received box (one line), inventoried, and stamps received for the region. */
  async function oneBoxShipment(variantId: string, brandId: string, rawQty: string, regionCode: string, stamps: string) {
    const s = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    await receiveBox(w.ctx, s.id, { brandId, boxNo: 1, lines: [{ variantId, rawQty }] });
    await markInventoried(w.ctx, s.id);
    await createStampOrder(w.ctx, { regionCode, qty: stamps, received: true });
    const [box] = (await t.db.query<{ box_id: string; line_id: string }>(`select b.id as box_id, bl.id as line_id from shipment_box b join shipment_box_line bl on bl.box_id = b.id where b.shipment_id = $1`, [s.id])) as [{ box_id: string; line_id: string }];
    return { shipmentId: s.id, box };
  }

  it('12 stations confirming 10-unit boxes against 55 stamps: exactly 5 deduct, none overdraws or deducts twice', async () => {
    const v = w.products.bluerasp10.variantId;
    const s = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    for (let n = 1; n <= 12; n++) await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: n, lines: [{ variantId: v, rawQty: '10' }] });
    await markInventoried(w.ctx, s.id);
    await createStampOrder(w.ctx, { regionCode: 'quebec', qty: '55', received: true });
    // one PO per station, all stamping Quebec
    const jobs = [];
    for (let n = 1; n <= 12; n++) {
      const po = (await createPo(w.ctx, { shipmentId: s.id, urgent: false, autoSplit: false, lines: [{ variantId: v, regionCode: 'quebec', qty: '10' }] })).body.po;
      await startRun(w.ctx, po.id);
      const [box] = (await t.db.query<{ box_id: string; line_id: string }>(
        `select b.id as box_id, bl.id as line_id from shipment_box b join shipment_box_line bl on bl.box_id = b.id where b.shipment_id = $1 and b.box_no = $2`, [s.id, n],
      )) as [{ box_id: string; line_id: string }];
      jobs.push({ po, box });
    }
    const settled = await Promise.allSettled(jobs.map(({ po, box }) => confirmBox(w.ctx, po.id, { boxId: box.box_id, lines: [{ boxLineId: box.line_id, regionCode: 'quebec', damagedQty: '0', missingQty: '0' }] })));
    const refused = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    for (const r of refused) expect(r.reason.code).toBe('stamping.stamp_shortage');
    expect(await stampQty('quebec')).toBe('5');
    const [{ n }] = (await t.db.query<{ n: number }>(`select count(*)::int as n from run_box where region_code = 'quebec'`)) as [{ n: number }];
    expect(n).toBe(5);
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('the same box confirmed by two stations at once (two segments of one order) is stamped once', async () => {
    const v = w.products.grape10.variantId;
    const { shipmentId, box } = await oneBoxShipment(v, w.brands.linvo.id, '40', 'federal', '1000');
    const before = await stampQty('federal');
    const pos = [];
    for (let i = 0; i < 2; i++) {
      const po = (await createPo(w.ctx, { shipmentId, urgent: false, autoSplit: false, lines: [{ variantId: v, regionCode: 'federal', qty: '20' }] })).body.po;
      await startRun(w.ctx, po.id);
      pos.push(po);
    }
    const settled = await Promise.allSettled(pos.map((po) => confirmBox(w.ctx, po.id, { boxId: box.box_id, lines: [{ boxLineId: box.line_id, regionCode: 'federal', damagedQty: '0', missingQty: '0' }] })));
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((settled.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('stamping.box_line_stamped');
    expect(new Decimal(before!).minus((await stampQty('federal'))!).toString()).toBe('40');
  });

  it('two Confirms of the last box of one order at once: the loser hears the box is already stamped', async () => {
    const v = w.products.bluerasp20.variantId;
    const { shipmentId, box } = await oneBoxShipment(v, w.brands.orbito.id, '10', 'ontario', '100');
    const po = (await createPo(w.ctx, { shipmentId, urgent: false, autoSplit: false, lines: [{ variantId: v, regionCode: 'ontario', qty: '10' }] })).body.po;
    await startRun(w.ctx, po.id);
    const confirm = () => confirmBox(w.ctx, po.id, { boxId: box.box_id, lines: [{ boxLineId: box.line_id, regionCode: 'ontario', damagedQty: '0', missingQty: '0' }] });

    // Both confirms start while another transaction holds the order's row, so both read the box
    // before either commits: the race as two stations run it, made certain rather than likely.
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let holderPid!: number;
    let held!: () => void;
    const holding = new Promise<void>((r) => { held = r; });
    const holder = t.db.transaction(async (tx) => {
      holderPid = (await tx.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid;
      await tx.query('select 1 from production_order where id = $1 for share', [po.id]);
      held();
      await gate;
    });
    await holding;
    const settling = Promise.allSettled([confirm(), confirm()]);
    try {
      // the first waits on the holder, the second on the first: count the whole queue
      for (let waited = 0; ; waited += 20) {
        const [{ n }] = (await t.db.query<{ n: number }>(
          `with recursive queued(pid) as (
             select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))
             union select a.pid from pg_stat_activity a join queued q on q.pid = any(pg_blocking_pids(a.pid)))
           select count(*)::int as n from queued`, [holderPid])) as [{ n: number }];
        if (n >= 2) break;
        if (waited > 10_000) throw new Error('the two confirms never queued on the order');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      release();
      await holder;
    }
    const settled = await settling;

    const won = settled.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof confirm>>> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(won[0]!.value.body.po.status).toBe('pending_verification');
    const lost = (settled.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
    expect(lost.code).toBe('stamping.box_line_stamped');
    expect(lost.message).toBe(`ST Orbito #1 is already stamped (${po.number}).`);
    expect(await stampQty('ontario')).toBe('90');
  });
});
