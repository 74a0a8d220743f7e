import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { type Client, silentLog, signIn } from '../../../../tests/support/app';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { seedPeople } from '../../seed/people';
import { createLocation } from '../../inventory';
import { checkLedger } from '../../inventory/check-ledger';
import { createShipment, markInventoried, receiveBox } from '../index';
import { createStampOrder } from '../stamps/commands/create-stamp-order';

/** A box at the station as it is on the floor: its lines stay together, and a wrongly received product is corrected. */
describe.each(DIALECTS)('box lines at the station on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  let op: Client;
  let sup: Client;
  let slot: string;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stampingWorld(t.db, 'BOX');
    const [wh] = (await t.db.query<{ id: string }>(`select id from location where code = 'STAMP-WH'`)) as [{ id: string }];
    slot = (await createLocation(w.ctx, { code: `BOX-SKIDS-${dialect}`, name: 'Skid bay', kind: 'zone', parentId: wh.id })).body.id;
    await createStampOrder(w.ctx, { regionCode: 'ontario', qty: '1000', received: true });
    await createStampOrder(w.ctx, { regionCode: 'federal', qty: '1000', received: true });
    [op, sup] = await signIn(t.db, 'operator', 'supervisor');
  });
  afterAll(() => t.drop());

  it('a mixed box stays one box: a line stamped after the box went onto a skid joins it, and a transfer moves it whole', async () => {
    const own = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    const [grape, blue] = [w.products.grape20.variantId, w.products.bluerasp20.variantId];
    await receiveBox(w.ctx, own.id, { brandId: w.brands.orbito.id, boxNo: 1, lines: [{ variantId: grape, rawQty: '10' }, { variantId: blue, rawQty: '10' }] });
    await receiveBox(w.ctx, own.id, { brandId: w.brands.orbito.id, boxNo: 2, lines: [{ variantId: grape, rawQty: '10' }] });
    await markInventoried(w.ctx, own.id);
    const po = (await sup.post('/api/stamping/orders', { shipmentId: own.id, lines: [{ variantId: grape, regionCode: 'ontario', qty: '20' }, { variantId: blue, regionCode: 'ontario', qty: '10' }] })).body.po;
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const scan = async (boxNo: number) => (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=${boxNo}`)).body;
    const confirm = (box: { boxId: string }, lineIds: string[]) => op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: lineIds.map((boxLineId) => ({ boxLineId, regionCode: 'ontario' })) });
    // box 1's grape line goes onto skid 01; its blueberry line is stamped later, beside box 2
    const box1 = await scan(1);
    const line = (v: string) => box1.lines.find((l: { variantId: string }) => l.variantId === v).boxLineId;
    expect((await confirm(box1, [line(grape)])).status).toBe(201);
    const first = (await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).body;
    expect((await confirm(await scan(1), [line(blue)])).status).toBe(201);
    const box2 = await scan(2);
    expect((await confirm(box2, [box2.lines[0].boxLineId])).status).toBe(201);
    const second = (await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).body;
    // box 2 made a new skid; box 1's late line joined the skid box 1 is on, and the answer says so
    expect(first).toMatchObject({ appended: false, joined: [] });
    expect(second).toMatchObject({ appended: false, joined: [first.label], boxes: 1 });
    const skidOf = async (skidId: string) => (await op.get(`/api/stamping/orders/${po.id}/skids/${skidId}`)).body;
    const boxesOn = async (skidId: string) => [...new Set((await skidOf(skidId)).items.map((i: { boxNo: number }) => i.boxNo))].sort();
    expect(await boxesOn(first.id)).toEqual([1]);
    expect((await skidOf(first.id)).items).toHaveLength(2);
    expect(await boxesOn(second.id)).toEqual([2]);
    // picking one line of box 1 moves the whole box
    const oneLine = (await skidOf(first.id)).items[0].id;
    const moved = await op.post(`/api/stamping/orders/${po.id}/skids/transfer`, { runBoxIds: [oneLine], toSkidId: second.id, reason: 'one box, one skid' });
    // …and counts it as the one box it is on the floor (two box lines)
    expect(moved.body).toMatchObject({ moved: 1, lines: 2, emptied: [first.label] });
    const [event] = await t.db.query<{ summary: string }>(`select summary from outbox_event where topic = 'stamping.po-skid-transfer-batch' and payload->>'poId' = $1`, [po.id]);
    expect(event!.summary).toMatch(/ moved 1 box to /);
    expect(await boxesOn(second.id)).toEqual([1, 2]);
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('a mixed box counts once while it waits for a skid, and a late line that only joins its box\'s skid is not a new skid', async () => {
    const own = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    const [grape, blue] = [w.products.grape20.variantId, w.products.bluerasp20.variantId];
    for (const boxNo of [1, 2, 3]) await receiveBox(w.ctx, own.id, { brandId: w.brands.orbito.id, boxNo, lines: [{ variantId: grape, rawQty: '10' }, { variantId: blue, rawQty: '10' }] });
    await markInventoried(w.ctx, own.id);
    const po = (await sup.post('/api/stamping/orders', { shipmentId: own.id, lines: [{ variantId: grape, regionCode: 'ontario', qty: '30' }, { variantId: blue, regionCode: 'ontario', qty: '30' }] })).body.po;
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const scan = async (boxNo: number) => (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=${boxNo}`)).body;
    const lineOf = (box: { lines: Array<{ variantId: string; boxLineId: string }> }, v: string) => box.lines.find((l) => l.variantId === v)!.boxLineId;
    const confirm = async (boxNo: number, variants: string[]) => {
      const box = await scan(boxNo);
      const r = await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: variants.map((v) => ({ boxLineId: lineOf(box, v), regionCode: 'ontario' })) });
      expect(r.status).toBe(201);
      return r.body;
    };
    const complete = async () => {
      const r = await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot });
      expect(r.status).toBe(201);
      return r.body;
    };
    const verification = async () => (await op.get(`/api/stamping/orders/${po.id}/verification`)).body;

    await confirm(1, [grape]);
    const first = await complete();
    // box 2 whole (two run rows) and box 1's late line: three box lines, two boxes
    await confirm(2, [grape, blue]);
    await confirm(1, [blue]);
    expect((await op.get(`/api/stamping/orders/${po.id}/run`)).body.staged).toHaveLength(3);
    const waiting = await verification();
    expect(waiting.stagedBoxes).toBe(2);
    expect(waiting.blockers).toContain('2 confirmed boxes are not on a skid yet: complete the skid first.');
    const second = await complete();
    expect(second).toMatchObject({ appended: false, joined: [first.label], boxes: 1 });

    // box 3's grape goes onto a skid of its own; its blueberry line, stamped last, only joins it
    await confirm(3, [grape]);
    const third = await complete();
    expect((await confirm(3, [blue])).po.status).toBe('pending_verification');
    expect(await verification()).toMatchObject({ stagedBoxes: 1, blockers: expect.arrayContaining(['1 confirmed box is not on a skid yet: complete the skid first.']) });
    const joined = await complete();
    expect(joined).toMatchObject({ id: third.id, label: third.label, appended: true, joined: [], boxes: 1 });
    expect((await op.get(`/api/stamping/orders/${po.id}/run`)).body.skids.map((s: { label: string }) => s.label)).toEqual([first.label, second.label, third.label]);
    expect((await verification()).stagedBoxes).toBe(0);
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('the region pre-selected for the next box is the one of the last line confirmed, in a box stamped for two regions', async () => {
    const own = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    const [grape, blue] = [w.products.grape20.variantId, w.products.bluerasp20.variantId];
    for (const boxNo of [1, 2]) await receiveBox(w.ctx, own.id, { brandId: w.brands.orbito.id, boxNo, lines: [{ variantId: grape, rawQty: '5' }, { variantId: blue, rawQty: '5' }] });
    await markInventoried(w.ctx, own.id);
    const po = (await sup.post('/api/stamping/orders', { shipmentId: own.id, lines: [{ variantId: grape, regionCode: 'ontario', qty: '10' }, { variantId: blue, regionCode: 'federal', qty: '10' }] })).body.po;
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const confirmInOrder = async (boxNo: number, order: string[]) => {
      const box = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=${boxNo}`)).body;
      const lines = order.map((v) => box.lines.find((l: { variantId: string }) => l.variantId === v));
      const res = await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: lines.map((l: { boxLineId: string; variantId: string }) => ({ boxLineId: l.boxLineId, regionCode: l.variantId === grape ? 'ontario' : 'federal' })) });
      expect(res.status).toBe(201);
      return (await op.get(`/api/stamping/orders/${po.id}/run`)).body.stickyRegion;
    };
    expect(await confirmInOrder(1, [grape, blue])).toBe('federal');
    expect(await confirmInOrder(2, [blue, grape])).toBe('ontario');
  });

  it('a line received as the wrong product is corrected to the one the PO has: the mismatch goes, its stock moves', async () => {
    const [g10, g20] = [w.products.grape10.variantId, w.products.grape20.variantId];
    // box 7 holds 20mg like box 8, but was keyed in as 10mg
    const own = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    await receiveBox(w.ctx, own.id, { brandId: w.brands.linvo.id, boxNo: 7, lines: [{ variantId: g10, rawQty: '10', damagedQty: '2' }] });
    await receiveBox(w.ctx, own.id, { brandId: w.brands.linvo.id, boxNo: 8, lines: [{ variantId: g20, rawQty: '10' }] });
    await markInventoried(w.ctx, own.id);
    const po = (await sup.post('/api/stamping/orders', { shipmentId: own.id, lines: [{ variantId: g20, regionCode: 'ontario', qty: '8' }] })).body.po;
    const boxes = (await op.get(`/api/stamping/shipments/${own.id}/boxes`)).body.items;
    const lineId = boxes.find((b: { boxNo: number }) => b.boxNo === 7).lines[0].id;
    const correct = (variantId: string) => op.post(`/api/stamping/shipments/${own.id}/box-lines/${lineId}/variant`, { variantId, reason: 'keyed 10mg, the cartons say 20mg' });
    await op.post(`/api/stamping/orders/${po.id}/start`);
    expect((await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=7&brandId=${w.brands.linvo.id}`)).body.lines[0].mismatch).toMatch(/^PO has Grape Ice but in a different variant/);
    // another order already counts on the 10mg units: it must be changed first
    const other = (await sup.post('/api/stamping/orders', { shipmentId: own.id, lines: [{ variantId: g10, regionCode: 'ontario', qty: '1' }] })).body.po;
    expect((await correct(g20)).body).toMatchObject({ status: 409, code: 'stamping.units_allocated' });
    await sup.post(`/api/stamping/orders/${other.id}/cancel`, { reason: 'ordered on the wrong product' });
    expect((await correct(g10)).body).toMatchObject({ status: 422, errors: [{ field: 'variantId' }] });
    expect((await op.post(`/api/stamping/shipments/${own.id}/box-lines/${lineId}/variant`, { variantId: g20 })).body.errors[0].field).toBe('reason');
    const fixed = await correct(g20);
    expect(fixed.status).toBe(200);
    expect(fixed.body.lines[0]).toMatchObject({ variantId: g20, goodQty: '8' });
    const box = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=7&brandId=${w.brands.linvo.id}`)).body;
    expect(box.lines[0]).toMatchObject({ mismatch: null, poLines: [{ regionCode: 'ontario' }] });
    // the customer's stock at the consignee's place moved with it, good and found-damaged
    const stock = await t.db.query<{ variant: string; grade: string; qty: string }>(
      `select k.variant_id as variant, k.grade, trim_scale(b.qty)::text as qty from stock_key k join stock_balance b on b.key_id = k.id
       join shipment s on s.lot_id = k.lot_id where s.id = $1 and b.qty <> 0 order by k.grade`, [own.id]);
    expect(stock).toEqual([{ variant: g20, grade: 'damaged', qty: '2' }, { variant: g20, grade: 'good', qty: '18' }]);
    expect((await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: lineId, regionCode: 'ontario' }] })).status).toBe(201);
    expect((await correct(g10)).body).toMatchObject({ status: 409, code: 'stamping.line_stamped' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });
});
