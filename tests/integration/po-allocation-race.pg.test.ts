import Decimal from '../../src/contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/databases';
import { stampingWorld, type StampingWorld } from '../support/stamping';
import { inventoriedShipment } from '../support/stamping-shipments';
import { approveRequest, createPo, createRequest, splitPo } from '../../src/server/stamping';
import { portalWorld } from '../support/portal-world';
import { silentLog } from '../support/app';
import { seedPeople } from '../../src/server/seed/people';
import { userCtx } from '../../src/server/seed/user-ctx';
import { shipmentAvailability } from '../../src/server/stamping/shipments/queries/availability';
import { defaultSlotRange, openSlots } from '../../src/server/stamping/portal/slots';
import { localDay } from '../../src/server/planning';

describe('production-order allocation under concurrency on PostgreSQL', () => {
  let t: TestDb;
  let w: StampingWorld;
  beforeAll(async () => {
    t = await openTestDb('postgres', { maxConnections: 40 });
    w = await stampingWorld(t.db, 'RACE');
  });
  afterAll(() => t.drop());

  it('16 concurrent POs of 100 against 1,000 available: exactly 10 are created, nothing is over-allocated', async () => {
    const v = w.products.bluerasp10.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '1000' }]);
    const settled = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) => createPo(w.ctx, { shipmentId: s.id, urgent: false, autoSplit: false, lines: [{ variantId: v, regionCode: i % 2 ? 'ontario' : 'federal', qty: '100' }] })),
    );
    const refused = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    for (const r of refused) expect(r.reason.code).toBe('stamping.over_allocation');
    expect(await shipmentAvailability(t.db, s.id)).toEqual([expect.objectContaining({ total: '1000', allocated: '1000', available: '0' })]);
  });

  it('concurrent auto-splits onto the same days never count the same free capacity twice', async () => {
    const v = w.products.grape10.variantId;
    // six shipments, so the POs meet only on the calendar
    const shipments = [];
    for (let i = 0; i < 6; i++) shipments.push(await inventoriedShipment(w, [{ variantId: v, raw: '9000' }]));
    const day = '2027-03-01';
    const settled = await Promise.all(
      shipments.map((s) => createPo(w.ctx, { shipmentId: s.id, urgent: false, autoSplit: true, day, lines: [{ variantId: v, regionCode: 'quebec', qty: '9000' }] })),
    );
    for (const r of settled) expect(r.body.warnings).toEqual([]);
    const days = await t.db.query<{ day: string; qty: string }>(`select day::text as day, sum(qty)::text as qty from planning_booking where site_id = $1 and day >= $2 group by day order by day`, [w.setup.siteId, day]);
    expect(days.every((d) => new Decimal(d.qty).lte(12000))).toBe(true);
    expect(days.reduce((sum, d) => sum.plus(d.qty), new Decimal(0)).toString()).toBe('54000');
    expect(days.map((d) => d.qty)).toEqual(['12000', '12000', '12000', '12000', '6000']);
    const parents = settled.map((r) => r.body.po).filter((p) => p.segments.length > 0);
    expect(parents.length).toBeGreaterThan(0);
    for (const p of parents) expect(p.segments.reduce((sum, x) => sum.plus(x.qty), new Decimal(0)).toString()).toBe('9000');
    const parent = parents[0]!;
    await expect(splitPo(w.ctx, parent.id, [{ day, qty: '1' }, { day, qty: '1' }])).rejects.toMatchObject({ code: 'stamping.po_has_segments' });
  });
});

describe('customer requests approved at once on PostgreSQL', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('postgres', { maxConnections: 20 });
    await seedPeople(t.db, silentLog);
  });
  afterAll(() => t.drop());

  it('two pending requests for the last units: both approvals race, exactly one becomes a PO', async () => {
    const w = await portalWorld(t.db, 'APR');
    const v = w.products.grape20.variantId;
    const s = await w.shipment(w.norwood, [{ variantId: v, raw: '100' }]);
    const customer = await userCtx(t.db, silentLog, 'customer');
    const planner = await userCtx(t.db, silentLog, 'supervisor');
    // a day the slot picker offers: requests take no day past its four weeks
    const today = localDay(new Date());
    const day = (await openSlots(t.db, w.setup.siteId, today, defaultSlotRange(today).to, today))[0]!.day;
    const requests = [];
    for (const region of ['ontario', 'federal']) {
      requests.push((await createRequest(customer, { shipmentId: s.id, requestedDay: day, lines: [{ variantId: v, regionCode: region, qty: '80' }] })).body);
    }
    const settled = await Promise.allSettled(requests.map((r) => approveRequest(planner, r.id, { autoSplit: false })));
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((settled.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('stamping.over_allocation');
    expect(await shipmentAvailability(t.db, s.id)).toEqual([expect.objectContaining({ allocated: '80', available: '20' })]);
    const statuses = await t.db.query<{ status: string }>('select status from po_request where shipment_id = $1 order by status', [s.id]);
    expect(statuses.map((r) => r.status)).toEqual(['approved', 'pending']);
  });
});
