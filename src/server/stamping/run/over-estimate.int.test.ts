import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { Client, silentLog, signIn } from '../../../../tests/support/app';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { seedPeople } from '../../seed/people';
import { createLocation } from '../../inventory';
import { addDays, localDay } from '../../planning';
import { createShipment, markInventoried, receiveBox } from '../index';
import { createStampOrder } from '../stamps/commands/create-stamp-order';

/**
 * A box is stamped whole, so a run can stamp more than a PO line authorises; verification then
 * refuses until the line is increased. The verifier's way out must work however the shipment's
 * other units are planned: the stamped units are this order's, whatever the plan said.
 */
describe.each(DIALECTS)('a run stamped past its estimate on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  let op: Client;
  let verifier: Client;
  let sup: Client;
  let admin: Client;
  let slot: string;
  let day: string;
  /** An inventoried shipment of one product in boxes of `raw` units each. */
  const shipment = async (variantId: string, raws: string[]) => {
    const s = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    for (const [i, rawQty] of raws.entries()) await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: i + 1, lines: [{ variantId, rawQty }] });
    await markInventoried(w.ctx, s.id);
    return s.id;
  };
  const newPo = async (shipmentId: string, lines: Array<[region: string, qty: string]>, variantId = w.products.bluerasp10.variantId) => {
    const r = await sup.post('/api/stamping/orders', { shipmentId, day, lines: lines.map(([regionCode, qty]) => ({ variantId, regionCode, qty })) });
    expect(r.status).toBe(201);
    return r.body.po as { id: string; number: string };
  };
  /** Starts the run and confirms boxes 1..n whole, box i for regions[i]; stages them on a skid. */
  const stamp = async (poId: string, regions: string[]) => {
    expect((await op.post(`/api/stamping/orders/${poId}/start`)).status).toBe(200);
    let last: { po: { status: string }; overEstimate: Array<{ by: string }> } | undefined;
    for (const [i, regionCode] of regions.entries()) {
      const box = (await op.get(`/api/stamping/orders/${poId}/scan?boxNo=${i + 1}&brandId=${w.brands.orbito.id}`)).body;
      const r = await op.post(`/api/stamping/orders/${poId}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: box.lines[0].boxLineId, regionCode }] });
      expect(r.status).toBe(201);
      last = r.body;
    }
    expect((await op.post(`/api/stamping/orders/${poId}/skids`, { locationId: slot })).status).toBe(201);
    return last!;
  };
  const raise = (client: Client, poId: string, lines: Array<[region: string, qty: string]>, variantId = w.products.bluerasp10.variantId) =>
    client.post(`/api/stamping/orders/${poId}/increase-lines`, { lines: lines.map(([regionCode, qty]) => ({ variantId, regionCode, qty })) });
  const available = async (shipmentId: string, variantId = w.products.bluerasp10.variantId) =>
    ((await sup.get(`/api/stamping/shipments/${shipmentId}/availability`)).body.items as Array<{ variantId: string; available: string; allocated: string }>)
      .find((a) => a.variantId === variantId)!;

  const booked = async (poId: string) =>
    (await t.db.query<{ qty: string }>('select trim_scale(qty)::text as qty from planning_booking where run_id = $1', [poId]))[0]!.qty;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stampingWorld(t.db, 'OVR');
    const [wh] = (await t.db.query<{ id: string }>(`select id from location where code = 'STAMP-WH'`)) as [{ id: string }];
    slot = (await createLocation(w.ctx, { code: `OVR-BAY-${dialect}`, name: 'Skid bay', kind: 'zone', parentId: wh.id })).body.id;
    await createStampOrder(w.ctx, { regionCode: 'ontario', qty: '10000', received: true });
    await createStampOrder(w.ctx, { regionCode: 'federal', qty: '10000', received: true });
    [op, verifier, sup, admin] = await signIn(t.db, 'operator', 'verifier', 'supervisor', 'admin');
    day = addDays(localDay(new Date()), 1);
    while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  });
  afterAll(() => t.drop());

  it('the rest of the shipment planned on another PO: the verifier raises the line to what was stamped, audited, and verifies', async () => {
    const shipmentId = await shipment(w.products.bluerasp10.variantId, ['120']);
    const po = await newPo(shipmentId, [['ontario', '100']]);
    const other = await newPo(shipmentId, [['ontario', '20']]);
    const last = await stamp(po.id, ['ontario']);
    expect(last).toMatchObject({ po: { status: 'pending_verification' }, overEstimate: [{ by: '20' }] });
    // the 20 stamped past the line are gone from the shipment: the other PO's plan is short of them
    expect(await available(shipmentId)).toMatchObject({ allocated: '140', available: '-20' });
    expect((await verifier.post(`/api/stamping/orders/${po.id}/verify`, {})).body.code).toBe('stamping.over_estimate');
    // stamped boxes cannot go back to the shipment: cancelling stays refused, the run is verified instead
    expect((await sup.post(`/api/stamping/orders/${po.id}/cancel`, { reason: 'stuck' })).body.code).toBe('state.conflict');
    // what was stamped is authorised by the increase; one unit more the shipment does not have
    const tooFar = await raise(verifier, po.id, [['ontario', '121']]);
    expect(tooFar.body).toMatchObject({ status: 409, code: 'stamping.over_allocation', errors: [{ field: 'lines.0.qty' }] });
    const grown = await raise(verifier, po.id, [['ontario', '120']]);
    expect(grown.status).toBe(200);
    expect(grown.body.po).toMatchObject({ status: 'pending_verification', reverificationRequired: true, lines: [{ qty: '120', stampedQty: '120' }] });
    const [audit] = await t.db.query<{ before: { lines: string[] }; after: { lines: string[] } }>(
      `select before, after from audit_event where command = 'stamping.increase-lines' and entity_id = $1`, [po.id]);
    expect(audit!.before.lines[0]).toMatch(/ontario 100$/);
    expect(audit!.after.lines[0]).toMatch(/ontario 120$/);
    expect(await available(shipmentId)).toMatchObject({ allocated: '140', available: '-20' });
    // the verify screen keeps the original estimate beside what is authorised now
    const ver = (await verifier.get(`/api/stamping/orders/${po.id}/verification`)).body;
    expect(ver).toMatchObject({ canVerify: true, lines: [{ estimate: '100', authorised: '120', actual: '120', difference: '20' }] });
    const done = await verifier.post(`/api/stamping/orders/${po.id}/verify`, {});
    expect(done.status).toBe(200);
    const [frozen] = await t.db.query<{ lines: Array<{ estimate: string; authorised: string }> }>('select lines from po_verification where po_id = $1', [po.id]);
    expect(frozen!.lines).toMatchObject([{ estimate: '100', authorised: '120' }]);
    // completed is completed, for the verifier's edit as for every other change
    expect((await raise(verifier, po.id, [['ontario', '121']])).body).toMatchObject({ status: 409, code: 'stamping.po_frozen' });
    expect(done.body.po).toMatchObject({ status: 'completed', reverificationRequired: false });
    // the other PO's planner sees the shortfall and can still act on it
    expect((await sup.post(`/api/stamping/orders/${other.id}/cancel`, { reason: 'its units were stamped for another order' })).status).toBe(200);
    expect(await available(shipmentId)).toMatchObject({ allocated: '120', available: '0' });
  });

  it('one variant over two regions taking the whole shipment: an admin raises the over line, the other is verified short', async () => {
    const shipmentId = await shipment(w.products.bluerasp10.variantId, ['120', '50', '30']);
    const po = await newPo(shipmentId, [['ontario', '100'], ['federal', '100']]);
    const last = await stamp(po.id, ['ontario', 'federal', 'federal']);
    expect(last.po.status).toBe('pending_verification');
    // federal's 20 still to stamp hold the day until completion: ontario's surplus does not stamp them
    expect(await booked(po.id)).toBe('20');
    // a planner's edit that keeps the lines is not refused for the units this order already holds
    const kept = await sup.patch(`/api/stamping/orders/${po.id}`, { notes: 'box 1 went to Ontario whole', lines: [['ontario', '100'], ['federal', '100']].map(([regionCode, qty]) => ({ variantId: w.products.bluerasp10.variantId, regionCode, qty })) });
    expect(kept.status).toBe(200);
    const grown = await raise(admin, po.id, [['ontario', '120']]);
    expect(grown.status).toBe(200);
    expect(grown.body.po.lines.map((l: { regionCode: string; qty: string; stampedQty: string }) => [l.regionCode, l.qty, l.stampedQty])).toEqual([['ontario', '120', '120'], ['federal', '100', '80']]);
    const ver = (await verifier.get(`/api/stamping/orders/${po.id}/verification`)).body;
    expect(ver.lines.map((l: Record<string, string>) => [l.regionCode, l.estimate, l.authorised, l.difference])).toEqual([['ontario', '100', '120', '20'], ['federal', '100', '100', '-20']]);
    expect(ver.canVerify).toBe(true);
    expect(await booked(po.id)).toBe('20');
    expect((await verifier.post(`/api/stamping/orders/${po.id}/verify`, {})).body.po.status).toBe('completed');
    expect(await booked(po.id)).toBe('0');
  });

  it('two lines over, raised one at a time (verifier) or by a planner\'s whole edit: neither is refused for the other', async () => {
    const shipmentId = await shipment(w.products.bluerasp10.variantId, ['30', '30', '30']);
    const po = await newPo(shipmentId, [['ontario', '10'], ['federal', '10']]);
    // the run ends with box 2: both lines are past their estimate
    const last = await stamp(po.id, ['ontario', 'federal']);
    expect(last).toMatchObject({ po: { status: 'pending_verification' } });
    const first = await raise(verifier, po.id, [['ontario', '30']]);
    expect(first.status).toBe(200);
    // the booking holds the day for nothing more: both lines are stamped at least to their estimate
    expect(await booked(po.id)).toBe('0');
    expect((await verifier.post(`/api/stamping/orders/${po.id}/verify`, {})).body.code).toBe('stamping.over_estimate');
    // a planner's edit that leaves an over-stamped line as it is does not lower it below what is stamped
    const planned = await sup.patch(`/api/stamping/orders/${po.id}`, { lines: [{ variantId: w.products.bluerasp10.variantId, regionCode: 'ontario', qty: '31' }, { variantId: w.products.bluerasp10.variantId, regionCode: 'federal', qty: '10' }] });
    expect(planned.status).toBe(200);
    // lowering one below what is stamped stays refused, naming the row
    const lowered = await sup.patch(`/api/stamping/orders/${po.id}`, { lines: [{ variantId: w.products.bluerasp10.variantId, regionCode: 'federal', qty: '10' }, { variantId: w.products.bluerasp10.variantId, regionCode: 'ontario', qty: '29' }] });
    expect(lowered.body).toMatchObject({ status: 409, code: 'stamping.below_stamped', errors: [{ field: 'lines.1.qty' }] });
    expect((await raise(verifier, po.id, [['federal', '30']])).status).toBe(200);
    // however often and by whom a line was raised, its estimate is what it was when the run started
    const ver = (await verifier.get(`/api/stamping/orders/${po.id}/verification`)).body;
    expect(ver.lines.map((l: Record<string, string>) => [l.regionCode, l.estimate, l.authorised, l.actual])).toEqual([['ontario', '10', '31', '30'], ['federal', '10', '30', '30']]);
    expect((await verifier.post(`/api/stamping/orders/${po.id}/verify`, {})).body.po.status).toBe('completed');
  });

  it('increase-lines names the submitted row, and says what is wrong with a decrease', async () => {
    const shipmentId = await shipment(w.products.bluerasp20.variantId, ['40', '40']);
    const po = await newPo(shipmentId, [['ontario', '30'], ['federal', '30']], w.products.bluerasp20.variantId);
    await stamp(po.id, ['ontario', 'federal']);
    // the PO's second line, submitted as row 0: more than the shipment's 80 units
    const over = await raise(verifier, po.id, [['federal', '90']], w.products.bluerasp20.variantId);
    expect(over.body).toMatchObject({ status: 409, code: 'stamping.over_allocation', errors: [{ field: 'lines.0.qty' }] });
    const lower = await raise(verifier, po.id, [['federal', '45'], ['ontario', '20']], w.products.bluerasp20.variantId);
    expect(lower.body).toMatchObject({ status: 422, errors: [{ field: 'lines.1.qty', message: 'lower than the 30 ordered: a verifier only increases a line (a planner lowers it)' }] });
    const twice = await raise(verifier, po.id, [['ontario', '41'], ['ontario', '42']], w.products.bluerasp20.variantId);
    expect(twice.body).toMatchObject({ status: 422, errors: [{ field: 'lines.1' }] });
    const same = await raise(verifier, po.id, [['ontario', '30']], w.products.bluerasp20.variantId);
    expect(same.body).toMatchObject({ status: 422, errors: [{ field: 'lines.0.qty', message: 'the 30 already ordered: a verifier only increases a line' }] });
  });

  it('an ended run stays on the station\'s queue with the boxes it has not put on a skid', async () => {
    const shipmentId = await shipment(w.products.bluerasp10.variantId, ['10', '10']);
    const po = await newPo(shipmentId, [['ontario', '20']]);
    expect((await op.post(`/api/stamping/orders/${po.id}/start`)).status).toBe(200);
    for (const n of [1, 2]) {
      const box = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=${n}&brandId=${w.brands.orbito.id}`)).body;
      expect((await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: box.lines[0].boxLineId, regionCode: 'ontario' }] })).status).toBe(201);
    }
    const queued = async () => (await op.get(`/api/stamping/workstation?day=${day}`)).body.queue.find((p: { id: string }) => p.id === po.id);
    expect(await queued()).toMatchObject({ status: 'pending_verification', stagedBoxes: 2 });
    expect((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).status).toBe(201);
    expect(await queued()).toMatchObject({ status: 'pending_verification', stagedBoxes: 0 });
  });
});
