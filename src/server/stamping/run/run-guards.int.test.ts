import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { Client, silentLog, signIn } from '../../../../tests/support/app';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { seedPeople } from '../../seed/people';
import { createLocation } from '../../inventory';
import { createShipment, markInventoried, receiveBox } from '../index';
import { createStampOrder } from '../stamps/commands/create-stamp-order';

/**
 * What the run's commands refuse: a split parent (its segments are run), a cancelled order, and
 * cancelling once a box is stamped; and when the last box moves an order on to verification.
 */
describe.each(DIALECTS)('the stamp run guards on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  let op: Client;
  let verifier: Client;
  let sup: Client;
  let slot: string;
  const ontario = async () => (await t.db.query<{ qty: string }>(
    `select b.qty::text from tax_region r join stock_key k on k.variant_id = r.stamp_variant_id join stock_balance b on b.key_id = k.id
     join stamping_setup s on s.stamp_location_id = k.location_id where r.code = 'ontario'`))[0]!.qty;
  const status = async (id: string) => (await t.db.query<{ status: string }>('select status from production_order where id = $1', [id]))[0]!.status;
  /** An inventoried shipment of boxes of one product, `raw` units each. */
  const shipment = async (variantId: string, raws: string[]) => {
    const s = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    for (const [i, rawQty] of raws.entries()) await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: i + 1, lines: [{ variantId, rawQty }] });
    await markInventoried(w.ctx, s.id);
    return s.id;
  };
  const newPo = async (shipmentId: string, variantId: string, qty: string) => {
    const r = await sup.post('/api/stamping/orders', { shipmentId, lines: [{ variantId, regionCode: 'ontario', qty }] });
    expect(r.status).toBe(201);
    return r.body.po as { id: string; number: string };
  };
  const scan = async (poId: string, boxNo: number) => (await op.get(`/api/stamping/orders/${poId}/scan?boxNo=${boxNo}&brandId=${w.brands.orbito.id}`)).body;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stampingWorld(t.db, 'GRD');
    const [wh] = (await t.db.query<{ id: string }>(`select id from location where code = 'STAMP-WH'`)) as [{ id: string }];
    slot = (await createLocation(w.ctx, { code: `GRD-BAY-${dialect}`, name: 'Skid bay', kind: 'zone', parentId: wh.id })).body.id;
    await createStampOrder(w.ctx, { regionCode: 'ontario', qty: '1000', received: true });
    [op, verifier, sup] = await signIn(t.db, 'operator', 'verifier', 'supervisor');
  });
  afterAll(() => t.drop());

  it('a split parent takes no run command: its segments are stamped, and it completes with the last of them', async () => {
    const shipmentId = await shipment(w.products.bluerasp10.variantId, ['30', '30']);
    const parent = await newPo(shipmentId, w.products.bluerasp10.variantId, '60');
    // a Monday and a Tuesday
    const split = await sup.post(`/api/stamping/orders/${parent.id}/split`, { parts: [{ day: '2030-01-07', qty: '30' }, { day: '2030-01-08', qty: '30' }] });
    expect(split.body.po.segments).toHaveLength(2);
    const [first, second] = split.body.po.segments as Array<{ id: string }>;
    expect((await op.post(`/api/stamping/orders/${first!.id}/start`)).status).toBe(200);
    expect(await status(parent.id)).toBe('in_production');
    const before = await ontario();
    const box = await scan(first!.id, 1);
    const refused = [
      await op.post(`/api/stamping/orders/${parent.id}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: box.lines[0].boxLineId, regionCode: 'ontario' }] }),
      await op.post(`/api/stamping/orders/${parent.id}/skip`, { boxId: box.boxId }),
      await op.post(`/api/stamping/orders/${parent.id}/finish`),
      await op.post(`/api/stamping/orders/${parent.id}/skids`, { locationId: slot }),
      await verifier.post(`/api/stamping/orders/${parent.id}/verify`, {}),
    ];
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(refused.map(() => [409, 'stamping.po_has_segments']));
    expect(await ontario()).toBe(before);

    // the segments run to the end; the parent follows them
    for (const [segment, boxNo] of [[first!, 1], [second!, 2]] as const) {
      if (segment === second) expect((await op.post(`/api/stamping/orders/${segment.id}/start`)).status).toBe(200);
      const b = await scan(segment.id, boxNo);
      const confirmed = await op.post(`/api/stamping/orders/${segment.id}/confirm`, { boxId: b.boxId, lines: [{ boxLineId: b.lines[0].boxLineId, regionCode: 'ontario' }] });
      expect(confirmed.body.po.status).toBe('pending_verification');
      expect((await op.post(`/api/stamping/orders/${segment.id}/skids`, { locationId: slot })).status).toBe(201);
      expect(await status(parent.id)).not.toBe('completed');
      expect((await verifier.post(`/api/stamping/orders/${segment.id}/verify`, {})).status).toBe(200);
    }
    expect(await status(parent.id)).toBe('completed');
    expect(await ontario()).toBe(String(Number(before) - 60));
  });

  it('the last box moves the order to verification though damage left it short of its estimate; a stamped order is not cancelled', async () => {
    const shipmentId = await shipment(w.products.bluerasp20.variantId, ['20', '20']);
    const po = await newPo(shipmentId, w.products.bluerasp20.variantId, '40');
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const one = await scan(po.id, 1);
    const first = await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: one.boxId, lines: [{ boxLineId: one.lines[0].boxLineId, regionCode: 'ontario', damagedQty: '2' }] });
    expect(first.body.po.status).toBe('in_production');

    const cancel = await sup.post(`/api/stamping/orders/${po.id}/cancel`, { reason: 'customer changed their mind' });
    expect(cancel.body).toMatchObject({ status: 409, code: 'state.conflict' });
    expect(await status(po.id)).toBe('in_production');

    const two = await scan(po.id, 2);
    const last = await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: two.boxId, lines: [{ boxLineId: two.lines[0].boxLineId, regionCode: 'ontario', missingQty: '1' }] });
    expect(last.status).toBe(201);
    expect(last.body.po.status).toBe('pending_verification');
    expect((await op.get(`/api/stamping/orders/${po.id}/run`)).body.queue).toEqual([]);
    // the missing unit is written off the customer's good stock, owned by the order
    const writtenOff = await t.db.query<{ qty: string; reason: string; type: string }>(
      `select trim_scale(e.qty)::text as qty, d.reason, d.type from stock_document d join stock_entry e on e.document_id = d.id
       where d.source_type = 'production_order' and d.source_id = $1 and d.type = 'adjustment'`, [po.id]);
    expect(writtenOff).toEqual([{ qty: '-1', reason: 'missing', type: 'adjustment' }]);
    // its boxes still go onto skids; a skid that is not the order's is named as the field
    const stray = await op.post(`/api/stamping/orders/${po.id}/skids`, { appendToSkidId: po.id });
    expect(stray.body).toMatchObject({ status: 404, code: 'stamping.skid_not_found', errors: [{ field: 'appendToSkidId' }] });
    expect((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).body).toMatchObject({ boxes: 2, stamped: '37' });
  });

  it('a box confirmed again once the order moved on is refused as already stamped, not as a run not started', async () => {
    const shipmentId = await shipment(w.products.bluerasp10.variantId, ['10', '10']);
    const po = await newPo(shipmentId, w.products.bluerasp10.variantId, '10');
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const one = await scan(po.id, 1);
    const body = { boxId: one.boxId, lines: [{ boxLineId: one.lines[0].boxLineId, regionCode: 'ontario' }] };
    expect((await op.post(`/api/stamping/orders/${po.id}/confirm`, body)).body.po.status).toBe('pending_verification');
    // the second station's Confirm of the same last box (the first one's answer moved the order on)
    const before = await ontario();
    const again = await op.post(`/api/stamping/orders/${po.id}/confirm`, body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'stamping.box_line_stamped', detail: `GRD Orbito #1 is already stamped (${po.number}).`, errors: [{ field: 'lines.0.boxLineId', message: 'already stamped' }] });
    expect(await ontario()).toBe(before);
    // a box not stamped yet is still told the run is over
    const two = await scan(po.id, 2);
    expect((await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: two.boxId, lines: [{ boxLineId: two.lines[0].boxLineId, regionCode: 'ontario' }] })).body.code).toBe('stamping.run_not_started');
    // once the order is completed it refuses every change as frozen, this one too
    expect((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).status).toBe(201);
    expect((await verifier.post(`/api/stamping/orders/${po.id}/verify`, {})).status).toBe(200);
    expect((await op.post(`/api/stamping/orders/${po.id}/confirm`, body)).body).toMatchObject({ status: 409, code: 'stamping.po_frozen' });
  });

  it('a cancelled order takes no run command', async () => {
    const shipmentId = await shipment(w.products.grape20.variantId, ['10']);
    const po = await newPo(shipmentId, w.products.grape20.variantId, '10');
    expect((await sup.post(`/api/stamping/orders/${po.id}/cancel`, { reason: 'not needed' })).status).toBe(200);
    for (const r of [await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot }), await op.post(`/api/stamping/orders/${po.id}/finish`), await op.post(`/api/stamping/orders/${po.id}/start`)]) {
      expect(r.body).toMatchObject({ status: 409, code: 'state.illegal_transition', currentStatus: 'cancelled' });
    }
  });
});
