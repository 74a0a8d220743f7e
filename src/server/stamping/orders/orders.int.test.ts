import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { inventoriedShipment } from '../../../../tests/support/stamping-shipments';
import { createShipment } from '../shipments/commands/create-shipment';
import { shipmentAvailability } from '../shipments/queries/availability';
import { createPo } from './commands/create-po';
import { updatePo } from './commands/update-po';
import { schedulePo, splitPo } from './commands/schedule-po';
import { cancelPo } from './commands/cancel-po';
import { poCalendar } from './queries/calendar';
import { getPo } from './queries/get-po';
import { closeDay, updateSite } from '../../planning/commands/site-calendar';

// 2026-11-23 is a Monday; each test plans in its own week so their bookings never meet
const week = (n: number, weekday = 1) => new Date(Date.UTC(2026, 10, 23 + 7 * n + weekday - 1)).toISOString().slice(0, 10);

describe.each(DIALECTS)('production orders on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  const line = (variantId: string, qty: string, regionCode = 'ontario') => ({ variantId, regionCode, qty });
  const po = (shipmentId: string, lines: ReturnType<typeof line>[], extra: Partial<Parameters<typeof createPo>[1]> = {}) =>
    createPo(w.ctx, { shipmentId, urgent: false, autoSplit: false, lines, ...extra }).then((r) => r.body);
  const available = async (shipmentId: string, variantId: string) =>
    (await shipmentAvailability(t.db, shipmentId)).find((a) => a.variantId === variantId)?.available;
  const setStatus = (id: string, status: string) => t.db.query('update production_order set status = $2 where id = $1', [id, status]);

  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stampingWorld(t.db, 'PO');
  });
  afterAll(() => t.drop());

  it('1,000 units with 100 damaged offer 900, and no PO can take more', async () => {
    const s = await inventoriedShipment(w, [{ variantId: w.products.bluerasp10.variantId, raw: '1000', damaged: '100' }]);
    expect(await available(s.id, w.products.bluerasp10.variantId)).toBe('900');
    await po(s.id, [line(w.products.bluerasp10.variantId, '600'), line(w.products.bluerasp10.variantId, '200', 'federal')]);
    await expect(po(s.id, [line(w.products.bluerasp10.variantId, '101')])).rejects.toMatchObject({
      code: 'stamping.over_allocation', extra: { requested: '101', available: '100', errors: [{ field: 'lines.0.qty', message: 'only 100 available' }] },
    });
    expect(await available(s.id, w.products.bluerasp10.variantId)).toBe('100');
  });

  it('subtracts Open, In Production, Pending Verification and Completed POs; a cancellation gives units back', async () => {
    const v = w.products.bluerasp20.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '1000' }]);
    const ids = [];
    for (const status of ['open', 'in_production', 'pending_verification', 'completed']) {
      const p = (await po(s.id, [line(v, '100')])).po;
      if (status !== 'open') await setStatus(p.id, status);
      ids.push(p.id);
    }
    expect(await available(s.id, v)).toBe('600');
    const cancelled = (await cancelPo(w.ctx, ids[0]!, 'customer changed plans')).body.po;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'customer changed plans' });
    expect(await available(s.id, v)).toBe('700');
    await expect(cancelPo(w.ctx, ids[3]!, 'too late')).rejects.toMatchObject({ code: 'stamping.po_frozen' });
  });

  it('needs an inventoried shipment; before receiving, availability is the packing list', async () => {
    const v = w.products.grape10.variantId;
    const s = (await createShipment(w.ctx, { customerId: w.customer.id, packingList: [{ variantId: v, qty: '500' }] })).body;
    expect(await shipmentAvailability(t.db, s.id)).toEqual([expect.objectContaining({ variantId: v, basis: 'packing_list', available: '500' })]);
    await expect(po(s.id, [line(v, '10')])).rejects.toMatchObject({ code: 'stamping.shipment_not_inventoried', extra: { errors: [{ field: 'shipmentId' }] } });
  });

  it('a custom PO number is unique per consignee; blank numbers are generated', async () => {
    const v = w.products.grape20.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '300' }]);
    expect((await po(s.id, [line(v, '10')])).po.number).toMatch(/^PO-\d{6}$/);
    await po(s.id, [line(v, '10')], { number: 'NW-7' });
    await expect(po(s.id, [line(v, '10')], { number: 'nw-7' })).rejects.toMatchObject({ code: 'stamping.po_number_taken', extra: { errors: [{ field: 'number' }] } });
    expect(await available(s.id, v)).toBe('280');
  });

  it('warns when a day goes over its cap, and the booking stands', async () => {
    const v = w.products.bluerasp10.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '20000' }]);
    const day = week(1, 2);
    expect((await po(s.id, [line(v, '10000')], { day })).warnings).toEqual([]);
    const over = await po(s.id, [line(v, '5000')], { day });
    expect(over.warnings).toEqual([{ code: 'capacity.exceeded', day, exceededBy: '3000', message: 'Day capacity exceeded by 3,000 units' }]);
    expect(over.po.day).toBe(day);
    const cal = await poCalendar(t.db, w.setup.siteId, day, day);
    expect(cal.days[0]).toMatchObject({ booked: '15000', exceededBy: '3000', free: '0' });
    await expect(po(s.id, [line(v, '1')], { day: week(1, 6) })).rejects.toMatchObject({ code: 'planning.not_a_working_day', extra: { errors: [{ field: 'day' }] } });
  });

  it('auto-splits 30,000 at 12,000 a day into 12,000, 12,000 and 6,000; the parent completes only with every segment', async () => {
    const v = w.products.bluerasp20.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '30000' }]);
    const r = await po(s.id, [line(v, '20000'), line(v, '10000', 'federal')], { day: week(2, 4), autoSplit: true });
    expect(r.po.segments.map((x) => [x.number, x.day, x.qty])).toEqual([
      [`${r.po.number}-1`, week(2, 4), '12000'], [`${r.po.number}-2`, week(2, 5), '12000'], [`${r.po.number}-3`, week(3, 1), '6000'],
    ]);
    expect(r.po.day).toBeNull();
    expect(await available(s.id, v)).toBe('0');
    const seg = await Promise.all(r.po.segments.map((x) => t.db.query<{ region_code: string; qty: string }>('select region_code, qty::text from production_order_line where po_id = $1 order by line_no', [x.id])));
    expect(seg).toEqual([[{ region_code: 'ontario', qty: '12000' }], [{ region_code: 'ontario', qty: '8000' }, { region_code: 'federal', qty: '4000' }], [{ region_code: 'federal', qty: '6000' }]]);
    await setStatus(r.po.segments[0]!.id, 'completed');
    await setStatus(r.po.segments[1]!.id, 'completed');
    const afterCancel = (await cancelPo(w.ctx, r.po.segments[2]!.id, 'customer short')).body.po;
    expect(afterCancel.status).toBe('cancelled');
    const [{ status }] = (await t.db.query<{ status: string }>('select status from production_order where id = $1', [r.po.id])) as [{ status: string }];
    expect(status).toBe('completed');
  });

  it('urgency: a split parent passes it to its segments; a PO on a day since closed moves to the next day with room', async () => {
    const v = w.products.bluerasp20.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '2000' }]);
    const split = (await po(s.id, [line(v, '1000')], { day: week(30, 1) })).po;
    await splitPo(w.ctx, split.id, [{ day: week(30, 1), qty: '600' }, { day: week(30, 2), qty: '400' }]);
    expect((await updatePo(w.ctx, split.id, { urgent: true })).body.po.urgent).toBe(true);
    const segments = await t.db.query<{ urgent: boolean }>('select urgent from production_order where parent_id = $1', [split.id]);
    expect(segments.map((x) => x.urgent)).toEqual([true, true]);

    const stranded = (await po(s.id, [line(v, '500')], { day: week(30, 3) })).po;
    await closeDay(w.ctx, w.setup.siteId, { day: week(30, 3), reason: 'stock take' });
    const moved = (await updatePo(w.ctx, stranded.id, { urgent: true })).body.po;
    expect(moved.urgent).toBe(true);
    expect(moved.day).not.toBe(week(30, 3));
  });

  it('lowering the daily cap names the booked days it leaves over it', async () => {
    const v = w.products.bluerasp20.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '900' }]);
    await po(s.id, [line(v, '900')], { day: week(31, 2) });
    const lowered = (await updateSite(w.ctx, w.setup.siteId, { dailyCap: '400' })).body;
    expect(lowered.warnings).toContainEqual(expect.objectContaining({ day: week(31, 2), exceededBy: '500' }));
    const restored = (await updateSite(w.ctx, w.setup.siteId, { dailyCap: '12000' })).body;
    expect(restored.warnings.map((x) => x.day)).not.toContain(week(31, 2));
  });

  it('auto-split fills only what days have free', async () => {
    const v = w.products.grape10.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '20000' }]);
    await po(s.id, [line(v, '5000')], { day: week(4, 1) });
    const r = await po(s.id, [line(v, '15000')], { day: week(4, 1), autoSplit: true });
    expect(r.po.segments.map((x) => [x.day, x.qty])).toEqual([[week(4, 1), '7000'], [week(4, 2), '8000']]);
    expect(r.warnings).toEqual([]);
  });

  it('auto-splitting a PO already booked does not count its own booking as taken', async () => {
    const v = w.products.bluerasp10.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '14000' }]);
    const day = week(8, 1);
    await po(s.id, [line(v, '9000')], { day });
    const p = await po(s.id, [line(v, '5000')], { day });
    expect(p.warnings).toEqual([expect.objectContaining({ exceededBy: '2000' })]);
    const r = (await schedulePo(w.ctx, p.po.id, { day, autoSplit: true })).body;
    expect(r.po.segments.map((x) => [x.day, x.qty])).toEqual([[day, '3000'], [week(8, 2), '2000']]);
  });

  it('an urgent PO goes to the top of the next day with room; drag order holds after that', async () => {
    const v = w.products.grape20.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '40000' }]);
    const first = (await po(s.id, [line(v, '100')])).po;
    const urgent = (await po(s.id, [line(v, '100')], { urgent: true })).po;
    expect(urgent.day).not.toBeNull();
    expect(urgent.sequence).toBe(0);
    const day = week(5, 3);
    await schedulePo(w.ctx, first.id, { day });
    const second = (await po(s.id, [line(v, '100')], { day })).po;
    await updatePo(w.ctx, second.id, { urgent: true });
    let cal = await poCalendar(t.db, w.setup.siteId, day, day);
    expect(cal.days[0]!.pos.map((p) => p.id)).toEqual([second.id, first.id]);
    await schedulePo(w.ctx, first.id, { day, position: 0 });
    cal = await poCalendar(t.db, w.setup.siteId, day, day);
    expect(cal.days[0]!.pos.map((p) => [p.id, p.sequence])).toEqual([[first.id, 0], [second.id, 1]]);
    // taken off the day, the one ahead leaves no gap in the queue
    const third = (await po(s.id, [line(v, '100')], { day })).po;
    await schedulePo(w.ctx, first.id, { day: null });
    cal = await poCalendar(t.db, w.setup.siteId, day, day);
    expect(cal.days[0]!.pos.map((p) => [p.id, p.sequence])).toEqual([[second.id, 0], [third.id, 1]]);
  });

  it('moves part of a PO to another day as segments; parts must add up', async () => {
    const v = w.products.bluerasp10.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '1000' }]);
    const p = (await po(s.id, [line(v, '1000')], { day: week(6, 1) })).po;
    await expect(splitPo(w.ctx, p.id, [{ day: week(6, 1), qty: '500' }, { day: week(6, 2), qty: '400' }])).rejects.toMatchObject({ extra: { errors: [{ field: 'parts' }] } });
    // a part on a day off names that part
    await expect(splitPo(w.ctx, p.id, [{ day: week(6, 1), qty: '500' }, { day: week(6, 6), qty: '500' }])).rejects.toMatchObject({ code: 'planning.not_a_working_day', extra: { errors: [{ field: 'parts.1.day' }] } });
    const r = (await splitPo(w.ctx, p.id, [{ day: week(6, 1), qty: '700' }, { day: week(6, 2), qty: '300' }])).body;
    expect(r.po.segments.map((x) => [x.day, x.qty])).toEqual([[week(6, 1), '700'], [week(6, 2), '300']]);
    await expect(updatePo(w.ctx, p.id, { lines: [line(v, '10')] })).rejects.toMatchObject({ code: 'stamping.po_has_segments' });
    // a segment's lines change: the parent is what its segments add up to
    const second = r.po.segments[1]!;
    const edited = (await updatePo(w.ctx, second.id, { lines: [line(v, '200')] })).body.po;
    expect(edited.totalQty).toBe('200');
    const parent = await getPo(t.db, p.id);
    expect([parent.totalQty, parent.lines.map((l) => l.qty)]).toEqual(['900', ['900']]);
  });

  it('line edits stay within availability and above what is stamped; an increase after start needs re-verification', async () => {
    const v = w.products.grape10.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '500' }]);
    const p = (await po(s.id, [line(v, '300')], { day: week(7, 1) })).po;
    await expect(updatePo(w.ctx, p.id, { lines: [line(v, '501')] })).rejects.toMatchObject({ code: 'stamping.over_allocation' });
    const grown = (await updatePo(w.ctx, p.id, { lines: [line(v, '500')] })).body.po;
    expect(grown).toMatchObject({ totalQty: '500', reverificationRequired: false });
    await setStatus(p.id, 'in_production');
    await t.db.query('update production_order_line set stamped_qty = 200 where po_id = $1', [p.id]);
    await expect(updatePo(w.ctx, p.id, { lines: [line(v, '150')] })).rejects.toMatchObject({ code: 'stamping.below_stamped' });
    const shrunk = (await updatePo(w.ctx, p.id, { lines: [line(v, '250')] })).body.po;
    expect(shrunk).toMatchObject({ totalQty: '250', reverificationRequired: false });
    const regrown = (await updatePo(w.ctx, p.id, { lines: [line(v, '260')] })).body.po;
    expect(regrown.reverificationRequired).toBe(true);
    const cal = await poCalendar(t.db, w.setup.siteId, week(7, 1), week(7, 1));
    expect(cal.days[0]!.booked).toBe('60');
    await setStatus(p.id, 'completed');
    await expect(updatePo(w.ctx, p.id, { notes: 'x' })).rejects.toMatchObject({ code: 'stamping.po_frozen' });
    await expect(schedulePo(w.ctx, p.id, { day: week(7, 2) })).rejects.toMatchObject({ code: 'stamping.po_frozen' });
  });

  it('refuses a product or region that does not fit, naming the line, and writes nothing', async () => {
    const v = w.products.grape20.variantId;
    const s = await inventoriedShipment(w, [{ variantId: v, raw: '50' }]);
    const before = await t.db.query('select count(*)::int as n from production_order');
    await expect(po(s.id, [line(v, '1'), line(v, '2')])).rejects.toMatchObject({ extra: { errors: [{ field: 'lines.1' }] } });
    await expect(po(s.id, [line(v, '1', 'atlantis')])).rejects.toMatchObject({ code: 'stamping.region_not_found', extra: { errors: [{ field: 'lines.0.regionCode' }] } });
    await expect(po(s.id, [line(w.setup.siteId, '1')])).rejects.toMatchObject({ code: 'stamping.not_a_product', extra: { errors: [{ field: 'lines.0.variantId' }] } });
    expect(await t.db.query('select count(*)::int as n from production_order')).toEqual(before);
  });
});
