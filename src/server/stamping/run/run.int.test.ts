import Decimal from '../../../contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { Client, silentLog, signIn } from '../../../../tests/support/app';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { seedPeople } from '../../seed/people';
import { createLocation } from '../../inventory';
import { checkLedger } from '../../inventory/check-ledger';
import { createShipment, markInventoried, receiveBox } from '../index';
import { createStampOrder } from '../stamps/commands/create-stamp-order';
import { addDays, localDay } from '../../planning';

/** A whole run over HTTP, from scan to outbound, with the shortage choices and the four-eyes gate. */
describe.each(DIALECTS)('the stamp run on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  let op: Client;
  let verifier: Client;
  let sup: Client;
  let slot: string;
  let shipmentId: string;
  const stampBalance = async (region: string) => {
    const [row] = await t.db.query<{ qty: string }>(
      `select b.qty::text from tax_region r join stock_key k on k.variant_id = r.stamp_variant_id join stock_balance b on b.key_id = k.id
       join stamping_setup s on s.stamp_location_id = k.location_id where r.code = $1`, [region]);
    return row?.qty ?? '0';
  };
  const newPo = async (lines: Array<{ variantId: string; regionCode: string; qty: string }>) => {
    const r = await sup.post('/api/stamping/orders', { shipmentId, lines });
    expect(r.status).toBe(201);
    return r.body.po as { id: string; number: string };
  };

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stampingWorld(t.db, 'RUN');
    const [wh] = (await t.db.query<{ id: string }>(`select id from location where code = 'STAMP-WH'`)) as [{ id: string }];
    slot = (await createLocation(w.ctx, { code: `SKIDS-${dialect}`, name: 'Skid bay', kind: 'zone', parentId: wh.id })).body.id;
    const s = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    shipmentId = s.id;
    const orbito = w.brands.orbito.id;
    const linvo = w.brands.linvo.id;
    for (const [n, damaged] of [[1, '0'], [2, '0'], [3, '5']] as const) {
      await receiveBox(w.ctx, s.id, { brandId: orbito, boxNo: n, lines: [{ variantId: w.products.bluerasp10.variantId, rawQty: n === 3 ? '105' : '100', damagedQty: damaged }] });
    }
    await receiveBox(w.ctx, s.id, { brandId: linvo, boxNo: 1, lines: [{ variantId: w.products.grape10.variantId, rawQty: '50' }] });
    await receiveBox(w.ctx, s.id, { brandId: orbito, boxNo: 4, lines: [{ variantId: w.products.bluerasp20.variantId, rawQty: '30' }, { variantId: w.products.grape20.variantId, rawQty: '20' }] });
    for (let n = 5; n <= 9; n++) await receiveBox(w.ctx, s.id, { brandId: orbito, boxNo: n, lines: [{ variantId: w.products.bluerasp20.variantId, rawQty: '10' }] });
    await markInventoried(w.ctx, s.id);
    await createStampOrder(w.ctx, { regionCode: 'ontario', qty: '1000', received: true });
    await createStampOrder(w.ctx, { regionCode: 'federal', qty: '87', received: true });
    [op, verifier, sup] = await signIn(t.db, 'operator', 'verifier', 'supervisor');
  });
  afterAll(() => t.drop());

  it('scans, confirms, offers cancel / skip / override on a shortage, builds skids, and completes through a second user', async () => {
    const v = w.products.bluerasp10.variantId;
    const po = await newPo([{ variantId: v, regionCode: 'ontario', qty: '200' }, { variantId: v, regionCode: 'federal', qty: '100' }]);
    expect((await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: po.id, lines: [] })).status).toBe(422);
    expect((await op.post(`/api/stamping/orders/${po.id}/start`)).body.status).toBe('in_production');
    // the box list counts a box's units once though the PO stamps its variant for two regions
    const queued = (await op.get(`/api/stamping/orders/${po.id}/run`)).body.queue;
    expect(queued.find((b: { boxNo: number; brand: string }) => b.boxNo === 1 && b.brand === w.brands.orbito.name)).toMatchObject({ lines: 1, units: '100', regions: ['federal', 'ontario'] });

    // the brand filter resolves box numbers shared by two brands
    expect((await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=1`)).body).toMatchObject({ code: 'stamping.box_ambiguous' });
    const box1 = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=1&brandId=${w.brands.orbito.id}`)).body;
    expect(box1).toMatchObject({ boxNo: 1, stampsByRegion: { ontario: '100' } });
    const confirm = (boxId: string, lineId: string, regionCode: string, extra: object = {}, key?: string) =>
      op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId, lines: [{ boxLineId: lineId, regionCode, ...extra }] }, key ? { 'idempotency-key': key } : {});
    const one = await confirm(box1.boxId, box1.lines[0].boxLineId, 'ontario', {}, 'confirm-box-1');
    expect(one.status).toBe(201);
    expect(await stampBalance('ontario')).toBe('900');
    // a retried confirm with the same key applies once
    const replay = await confirm(box1.boxId, box1.lines[0].boxLineId, 'ontario', {}, 'confirm-box-1');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await stampBalance('ontario')).toBe('900');
    expect((await confirm(box1.boxId, box1.lines[0].boxLineId, 'ontario')).body.code).toBe('stamping.box_line_stamped');
    // units are counted: a fraction of a bottle is refused, naming the field, and deducts nothing
    const box1b = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=2&brandId=${w.brands.orbito.id}`)).body;
    const half = await confirm(box1b.boxId, box1b.lines[0].boxLineId, 'ontario', { damagedQty: '0.5' });
    expect(half.status).toBe(422);
    expect(half.body.errors[0].field).toBe('lines.0.damagedQty');
    expect(await stampBalance('ontario')).toBe('900');

    // 100 federal stamps needed, 87 left: refused before anything is deducted, then overridden
    const box2 = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=2&brandId=${w.brands.orbito.id}`)).body;
    const short = await confirm(box2.boxId, box2.lines[0].boxLineId, 'federal');
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({ code: 'stamping.stamp_shortage', regionCode: 'federal', regionName: 'Federal', needed: '100', available: '87', choices: ['cancel', 'skip', 'override'] });
    expect(short.body.detail).toBe('100 Federal stamps needed, 87 left. Cancel, skip the box, or override with a reason.');
    expect(await stampBalance('federal')).toBe('87');
    const over = await confirm(box2.boxId, box2.lines[0].boxLineId, 'federal', {}, undefined);
    expect(over.status).toBe(409);
    const forced = await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box2.boxId, lines: [{ boxLineId: box2.lines[0].boxLineId, regionCode: 'federal' }], override: { reason: 'Roll of 100 arrived, not logged yet' } });
    expect(forced.status).toBe(201);
    expect(await stampBalance('federal')).toBe('-13');
    const [audit] = await t.db.query<{ after: { override: string } }>(`select after from audit_event where command = 'stamping.confirm-box' and after->>'override' is not null`);
    expect(audit!.after.override).toBe('Roll of 100 arrived, not logged yet');

    // the sticky region comes from the last box; the first skid
    expect((await op.get(`/api/stamping/orders/${po.id}/run`)).body).toMatchObject({ stickyRegion: 'federal', staged: [{}, {}] });
    const skid1 = await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot });
    expect(skid1.body).toMatchObject({ label: `SK-${po.number}-01`, boxes: 2, stamped: '200' });
    const label = await op.get(`/api/stamping/orders/${po.id}/skids/${skid1.body.id}/label.pdf`);
    expect(label.headers.get('content-type')).toBe('application/pdf');
    expect(label.headers.get('content-disposition')).toBe(`inline; filename="SK-${po.number}-01.pdf"`);
    expect(String(label.body).startsWith('%PDF-1.4')).toBe(true);
    expect(String(label.body)).toContain(`SK-${po.number}-01`);

    // box 3 with 2 damaged on the line; a small remainder appended to the existing skid
    const box3 = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=3&brandId=${w.brands.orbito.id}`)).body;
    // the last box: damage leaves ontario short of its 200, and the run goes to verification
    const last = await confirm(box3.boxId, box3.lines[0].boxLineId, 'ontario', { damagedQty: '2' });
    expect(last.status).toBe(201);
    // the 2 damaged units left the customer's good stock at the consignee's place: a transfer made them damaged there
    const moved = await t.db.query<{ grade: string; qty: string; note: string }>(
      `select k.grade, trim_scale(e.qty)::text as qty, d.note from consignee c join stock_key k on k.location_id = c.location_id
       join stock_entry e on e.key_id = k.id join stock_document d on d.id = e.document_id and d.type = 'transfer' and d.source_type = 'production_order'
       join shipment_box_line bl on bl.id = $1 and bl.variant_id = k.variant_id where c.customer_id = $2 order by e.id`, [box3.lines[0].boxLineId, w.customer.id]);
    expect(moved).toEqual([
      { grade: 'good', qty: '-2', note: `${po.number}: ${w.brands.orbito.name} #3 — found damaged at stamping` },
      { grade: 'damaged', qty: '2', note: `${po.number}: ${w.brands.orbito.name} #3 — found damaged at stamping` },
    ]);
    expect(last.body.po.status).toBe('pending_verification');
    const appended = await op.post(`/api/stamping/orders/${po.id}/skids`, { appendToSkidId: skid1.body.id });
    expect(appended.body).toMatchObject({ label: `SK-${po.number}-01`, boxes: 3, stamped: '298', damaged: '2' });
    expect((await op.get(`/api/stamping/orders/${po.id}/run`)).body.queue).toEqual([]);

    // the verifier sees the shortfall
    const ver = (await verifier.get(`/api/stamping/orders/${po.id}/verification`)).body;
    expect(ver.lines.map((l: Record<string, string>) => [l.regionCode, l.estimate, l.actual, l.damaged, l.foundDamaged, l.difference])).toEqual([
      ['ontario', '200', '198', '2', '5', '-2'], ['federal', '100', '100', '0', '0', '0'],
    ]);
    expect(ver.canVerify).toBe(true);
    // the box confirmed past the shortage is put before the second user, with who and why
    expect(ver.overrides).toEqual([{ brand: w.brands.orbito.name, boxNo: 2, regionCode: 'federal', stamps: '100', reason: 'Roll of 100 arrived, not logged yet', by: expect.any(String), at: expect.any(String) }]);
    expect((await sup.get(`/api/stamping/orders/${po.id}/verification`)).body.canVerify).toBe(true);
    const supRun = await sup.post(`/api/stamping/orders/${po.id}/verify`, { note: 'Federal roll checked in the store' });
    expect(supRun.status).toBe(200);
    expect((await sup.get(`/api/stamping/orders/${po.id}/verification`)).body.verified).toMatchObject({ note: 'Federal roll checked in the store' });
    expect(supRun.body.outbound).toMatchObject({ created: true });
    // a completed PO refuses every change, its run and skids included
    expect((await sup.patch(`/api/stamping/orders/${po.id}`, { notes: 'late' })).body.code).toBe('stamping.po_frozen');
    expect((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).status).toBe(409);
    expect((await op.delete(`/api/stamping/orders/${po.id}/skids/${skid1.body.id}`)).body.code).toBe('stamping.po_frozen');
    expect((await op.post(`/api/stamping/orders/${po.id}/start`)).body.code).toBe('stamping.po_frozen');
    expect((await sup.post(`/api/stamping/orders/${po.id}/cancel`, { reason: 'x' })).body.code).toBe('stamping.po_frozen');
    expect((await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box3.boxId, lines: [{ boxLineId: box3.lines[0].boxLineId, regionCode: 'ontario' }] })).body.code).toBe('stamping.po_frozen');
    expect((await op.post(`/api/stamping/orders/${po.id}/skip`, { boxId: box3.boxId, reason: 'late' })).body.code).toBe('stamping.po_frozen');
    expect((await sup.post(`/api/stamping/orders/${po.id}/schedule`, { day: null })).body.code).toBe('stamping.po_frozen');
    expect((await sup.post(`/api/stamping/orders/${po.id}/split`, { parts: [{ day: '2030-01-07', qty: '1' }, { day: '2030-01-08', qty: '1' }] })).body.code).toBe('stamping.po_frozen');
    // nor can the ledger's own API undo what the run posted: its stamp issues and skid put-aways
    const owned = await t.db.query<{ id: string; source_type: string }>(
      `select id, source_type from stock_document where (source_type = 'production_order' and source_id = $1) or source_type = 'skid'`, [po.id]);
    expect(new Set(owned.map((d) => d.source_type))).toEqual(new Set(['production_order', 'skid']));
    const federalBefore = await stampBalance('federal');
    for (const d of owned) {
      const undo = await sup.post(`/api/stock/documents/${d.id}/cancel`, { reason: 'undo the run' });
      expect(undo.status).toBe(409);
      expect(undo.body).toMatchObject({ code: 'inventory.document_owned', sourceType: d.source_type });
    }
    expect(await stampBalance('federal')).toBe(federalBefore);
    const forged = await sup.post('/api/stock/receipts', { sourceType: 'production_order', sourceId: po.id, lines: [{ variantId: v, locationId: slot, qty: '1', unitCost: '0' }] });
    expect(forged.status).toBe(422);
    expect(forged.body.errors[0].field).toBe('sourceType');
    expect((await op.get(`/api/stamping/orders/${po.id}/verification`)).body.verified).toMatchObject({ by: expect.any(String) });
    const outbounds = (await sup.get('/api/stamping/outbounds')).body.items;
    expect(outbounds[0].pos.map((p: { number: string }) => p.number)).toContain(po.number);
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('on a shortage, skipping the box takes it off the run and deducts nothing', async () => {
    const po = await newPo([{ variantId: w.products.grape20.variantId, regionCode: 'federal', qty: '10' }]);
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const box = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=4&brandId=${w.brands.orbito.id}`)).body;
    const whole = (await op.get(`/api/stamping/orders/${po.id}/scan?boxId=${box.boxId}`)).body;
    const line = whole.lines.find((l: { variantId: string }) => l.variantId === w.products.grape20.variantId);
    const short = await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: line.boxLineId, regionCode: 'federal' }] });
    expect(short.body).toMatchObject({ code: 'stamping.stamp_shortage', needed: '20', available: '0' });
    expect((await op.get(`/api/stamping/orders/${po.id}/run`)).body.queue.map((b: { boxNo: number }) => b.boxNo)).toEqual([4]);
    expect((await op.post(`/api/stamping/orders/${po.id}/skip`, { boxId: box.boxId, reason: 'No federal stamps' })).status).toBe(200);
    expect((await op.get(`/api/stamping/orders/${po.id}/run`)).body.queue).toEqual([]);
    expect(await stampBalance('federal')).toBe('-13');
    expect((await op.post(`/api/stamping/orders/${po.id}/finish`)).body.status).toBe('pending_verification');
  });

  it('the stamper can never verify their own run', async () => {
    const po = await newPo([{ variantId: w.products.grape10.variantId, regionCode: 'ontario', qty: '50' }]);
    await sup.post(`/api/stamping/orders/${po.id}/start`);
    const box = (await sup.get(`/api/stamping/orders/${po.id}/scan?boxNo=1&brandId=${w.brands.linvo.id}`)).body;
    expect((await sup.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: box.lines[0].boxLineId, regionCode: 'ontario' }] })).body.po.status).toBe('pending_verification');
    const own = await sup.post(`/api/stamping/orders/${po.id}/verify`, {});
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('stamping.four_eyes');
    expect((await sup.get(`/api/stamping/orders/${po.id}/verification`)).body.blockers).toContain('You stamped this order; a second user must verify it.');
    // the confirmed box still waits for a skid: a completed PO could never put it away
    expect((await verifier.get(`/api/stamping/orders/${po.id}/verification`)).body).toMatchObject({ canVerify: false, stagedBoxes: 1, blockers: ['1 confirmed box is not on a skid yet: complete the skid first.'] });
    const early = await verifier.post(`/api/stamping/orders/${po.id}/verify`, {});
    expect(early.body).toMatchObject({ status: 409, code: 'stamping.boxes_not_on_skid', boxes: 1 });
    expect((await sup.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).status).toBe(201);
    expect((await verifier.get(`/api/stamping/orders/${po.id}/verification`)).body).toMatchObject({ canVerify: true, stagedBoxes: 0 });
    expect((await verifier.post(`/api/stamping/orders/${po.id}/verify`, {})).status).toBe(200);
  });

  it('more stamped than authorised is refused until the line is increased, which asks for re-verification', async () => {
    const po = await newPo([{ variantId: w.products.bluerasp20.variantId, regionCode: 'ontario', qty: '25' }]);
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const box4 = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=4&brandId=${w.brands.orbito.id}`)).body;
    // the mixed box shows only the filtered brand's lines, and says how many it hides
    expect(box4).toMatchObject({ hiddenOtherBrandLines: 1, lines: [{ variantId: w.products.bluerasp20.variantId }] });
    const whole = (await op.get(`/api/stamping/orders/${po.id}/scan?boxId=${box4.boxId}`)).body;
    expect(whole).toMatchObject({ boxNo: 4, hiddenOtherBrandLines: 0, lines: [{ variantId: w.products.bluerasp20.variantId }, { variantId: w.products.grape20.variantId }] });
    expect((await op.get(`/api/stamping/orders/${po.id}/scan`)).status).toBe(422);
    const r = await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box4.boxId, lines: [{ boxLineId: box4.lines[0].boxLineId, regionCode: 'ontario' }] });
    expect(r.body.overEstimate).toEqual([expect.objectContaining({ by: '5' })]);
    expect(r.body.po.status).toBe('pending_verification');
    expect((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).status).toBe(201);
    expect((await verifier.post(`/api/stamping/orders/${po.id}/verify`, {})).body.code).toBe('stamping.over_estimate');
    // the verifier edits the PO to increase the line (a planner's whole edit stays the planner's)
    const line = (qty: string, variant = w.products.bluerasp20.variantId) => ({ lines: [{ variantId: variant, regionCode: 'ontario', qty }] });
    expect((await verifier.patch(`/api/stamping/orders/${po.id}`, line('30'))).status).toBe(403);
    expect((await op.post(`/api/stamping/orders/${po.id}/increase-lines`, line('30'))).status).toBe(403);
    expect((await verifier.post(`/api/stamping/orders/${po.id}/increase-lines`, line('25'))).body).toMatchObject({ status: 422, errors: [{ field: 'lines.0.qty' }] });
    expect((await verifier.post(`/api/stamping/orders/${po.id}/increase-lines`, line('30', w.products.grape20.variantId))).body).toMatchObject({ status: 422, errors: [{ field: 'lines.0' }] });
    const grown = await verifier.post(`/api/stamping/orders/${po.id}/increase-lines`, line('30'));
    expect(grown.body.po).toMatchObject({ reverificationRequired: true, lines: [{ qty: '30' }] });
    const done = await verifier.post(`/api/stamping/orders/${po.id}/verify`, {});
    expect(done.body.po).toMatchObject({ status: 'completed', reverificationRequired: false });
    expect((await verifier.post(`/api/stamping/orders/${po.id}/increase-lines`, line('31'))).body).toMatchObject({ status: 409, code: 'stamping.po_frozen' });
  });

  it('a planner\'s increase of a line once production started asks for verification again', async () => {
    const po = await newPo([{ variantId: w.products.bluerasp20.variantId, regionCode: 'ontario', qty: '5' }]);
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const grown = await sup.patch(`/api/stamping/orders/${po.id}`, { lines: [{ variantId: w.products.bluerasp20.variantId, regionCode: 'ontario', qty: '6' }] });
    expect(grown.body.po).toMatchObject({ status: 'in_production', reverificationRequired: true });
    // a line added now was in no original estimate: verification shows it from 0
    const added = await sup.patch(`/api/stamping/orders/${po.id}`, { lines: [{ variantId: w.products.bluerasp20.variantId, regionCode: 'ontario', qty: '6' }, { variantId: w.products.bluerasp20.variantId, regionCode: 'federal', qty: '2' }] });
    expect(added.status).toBe(200);
    const ver = (await verifier.get(`/api/stamping/orders/${po.id}/verification`)).body;
    expect(ver.lines.map((l: Record<string, string>) => [l.regionCode, l.estimate, l.authorised])).toEqual([['ontario', '5', '6'], ['federal', '0', '2']]);
    await sup.post(`/api/stamping/orders/${po.id}/cancel`, { reason: 'test done' });
  });

  it('carries earlier days\' orders that are not done into today\'s queue, before today\'s own', async () => {
    const today = localDay(new Date());
    let bookable = addDays(today, 1);
    while ([0, 6].includes(new Date(`${bookable}T12:00:00Z`).getUTCDay())) bookable = addDays(bookable, 1);
    const own = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    await receiveBox(w.ctx, own.id, { brandId: w.brands.linvo.id, boxNo: 1, lines: [{ variantId: w.products.grape10.variantId, rawQty: '10' }] });
    await markInventoried(w.ctx, own.id);
    const book = async () => {
      const r = await sup.post('/api/stamping/orders', { shipmentId: own.id, day: bookable, lines: [{ variantId: w.products.grape10.variantId, regionCode: 'ontario', qty: '1' }] });
      expect(r.body).toMatchObject({ po: { status: 'open' } });
      return r.body.po as { id: string; number: string };
    };
    const [running, notStarted, todays, done] = [await book(), await book(), await book(), await book()];
    expect((await op.post(`/api/stamping/orders/${running.id}/start`)).status).toBe(200);
    // as if days had passed: two were booked three days ago, one today
    const earlier = addDays(today, -3);
    await t.db.query('update planning_booking set day = $2 where run_id = any($1::uuid[])', [[running.id, notStarted.id, done.id], earlier]);
    expect((await sup.post(`/api/stamping/orders/${done.id}/cancel`, { reason: 'not wanted after all' })).status).toBe(200);
    await t.db.query('update planning_booking set day = $2 where run_id = $1', [todays.id, today]);
    const ws = (await op.get('/api/stamping/workstation')).body;
    expect(ws.day).toBe(today);
    const mine = ws.queue.filter((p: { id: string }) => [running.id, notStarted.id, todays.id, done.id].includes(p.id));
    expect(mine.map((p: { number: string; bookedDay: string; status: string }) => [p.number, p.bookedDay, p.status])).toEqual([
      [running.number, earlier, 'in_production'], [notStarted.number, earlier, 'open'], [todays.number, today, 'open'],
    ]);
    // the earlier day, looked at, shows what was booked on it; it carries nothing over itself
    const past = (await op.get(`/api/stamping/workstation?day=${earlier}`)).body.queue.map((p: { id: string }) => p.id);
    expect(past).toEqual(expect.arrayContaining([running.id, notStarted.id]));
    expect(past).not.toContain(todays.id);
  });

  it('the calendar: a running order stays on it, a completed one stops holding capacity, a range is bounded', async () => {
    expect((await op.get('/api/stamping/calendar?from=2027-01-04&to=9999-12-31')).body.errors[0].field).toBe('to');
    expect((await op.get('/api/stamping/calendar?from=2027-01-04&to=2027-12-31')).body).toMatchObject({ status: 422, errors: [{ field: 'to' }] });
    let day = addDays(localDay(new Date()), 7);
    while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
    const own = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    await receiveBox(w.ctx, own.id, { brandId: w.brands.orbito.id, boxNo: 1, lines: [{ variantId: w.products.grape10.variantId, rawQty: '30' }] });
    await markInventoried(w.ctx, own.id);
    const po = (await sup.post('/api/stamping/orders', { shipmentId: own.id, day, lines: [{ variantId: w.products.grape10.variantId, regionCode: 'ontario', qty: '30' }] })).body.po;
    expect((await op.post(`/api/stamping/orders/${po.id}/start`)).status).toBe(200);
    const off = await sup.post(`/api/stamping/orders/${po.id}/schedule`, { day: null });
    expect(off.body).toMatchObject({ status: 409, code: 'state.illegal_transition' });
    const booked = async () => (await sup.get(`/api/stamping/calendar?from=${day}&to=${day}`)).body.days[0].booked as string;
    expect(await booked()).toBe('30');
    // 20 stamped of 30, then finished short and completed: the 10 left stop holding the day
    const box = (await op.get(`/api/stamping/orders/${po.id}/scan?boxId=${(await op.get(`/api/stamping/orders/${po.id}/run`)).body.queue[0].boxId}`)).body;
    expect((await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: box.lines[0].boxLineId, regionCode: 'ontario', missingQty: '10' }] })).status).toBe(201);
    expect(await booked()).toBe('10');
    await op.post(`/api/stamping/orders/${po.id}/finish`);
    expect((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).status).toBe(201);
    expect((await verifier.post(`/api/stamping/orders/${po.id}/verify`, {})).status).toBe(200);
    expect(await booked()).toBe('0');
  });

  it('explains a variant mismatch: the PO has the flavour in another variant', async () => {
    const po = await newPo([{ variantId: w.products.grape20.variantId, regionCode: 'quebec', qty: '10' }]);
    const scan = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=1&brandId=${w.brands.linvo.id}`)).body;
    expect(scan.lines[0].mismatch).toBe("PO has Grape Ice but in a different variant — 30mL · 20mg. This box is 30mL · 10mg, which the customer didn't request.");
  });

  it('skid numbers reuse a deleted number and never collide', async () => {
    const po = await newPo([{ variantId: w.products.bluerasp20.variantId, regionCode: 'federal', qty: '50' }]);
    await op.post(`/api/stamping/orders/${po.id}/start`);
    const labels: string[] = [];
    // a skid goes to a warehouse zone or slot: never the stamp store, consigned goods or a consignee's place
    const places = (await op.get('/api/stamping/put-away-places')).body.items as Array<{ id: string; code: string }>;
    expect(places.map((p) => p.id)).toContain(slot);
    // nor a whole warehouse: a skid is found by its zone and slot
    const notPlaces = await t.db.query<{ id: string; code: string }>(
      `select l.id, l.code from location l join stamping_setup s on l.id in (s.stamp_location_id, s.consigned_location_id) or l.parent_id = s.consigned_location_id
       union select id, code from location where code = 'STAMP-WH'`);
    expect(notPlaces.length).toBeGreaterThanOrEqual(4);
    for (const p of notPlaces) expect(places.map((x) => x.code)).not.toContain(p.code);
    for (const n of [5, 6, 7]) {
      const box = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=${n}&brandId=${w.brands.orbito.id}`)).body;
      await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: box.lines[0].boxLineId, regionCode: 'federal' }], override: { reason: 'test stock' } });
      if (n === 5) {
        for (const p of notPlaces) {
          const refused = await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: p.id });
          expect(refused.status).toBe(422);
          expect(refused.body.errors[0].field).toBe('locationId');
        }
      }
      labels.push((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).body.label);
    }
    expect(labels).toEqual(['01', '02', '03'].map((n) => `SK-${po.number}-${n}`));
    const skids = (await op.get(`/api/stamping/orders/${po.id}/run`)).body.skids as Array<{ id: string; label: string }>;
    expect((await op.delete(`/api/stamping/orders/${po.id}/skids/${skids[1]!.id}`)).body.deleted).toBe(true);
    // the deleted skid's box is staged again and goes onto the reused number
    expect((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).body.label).toBe(`SK-${po.number}-02`);
    const box8 = (await op.get(`/api/stamping/orders/${po.id}/scan?boxNo=8&brandId=${w.brands.orbito.id}`)).body;
    await op.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box8.boxId, lines: [{ boxLineId: box8.lines[0].boxLineId, regionCode: 'federal' }], override: { reason: 'test stock' } });
    expect((await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: slot })).body.label).toBe(`SK-${po.number}-04`);

    // transfer two boxes from 01 and 03 to 04 with one reason: an amendment per box on each side
    const run = (await op.get(`/api/stamping/orders/${po.id}/run`)).body;
    const byLabel = new Map(run.skids.map((s: { label: string; id: string }) => [s.label, s.id]));
    const items = async (label: string) => (await op.get(`/api/stamping/orders/${po.id}/skids/${byLabel.get(label)}`)).body.items as Array<{ id: string }>;
    const moving = [(await items(`SK-${po.number}-01`))[0]!.id, (await items(`SK-${po.number}-03`))[0]!.id];
    const moved = await op.post(`/api/stamping/orders/${po.id}/skids/transfer`, { runBoxIds: moving, toSkidId: byLabel.get(`SK-${po.number}-04`), reason: 'Re-stacked for the truck' });
    // both source skids are left empty: they are retired, and their numbers are free again
    expect(moved.body).toMatchObject({ moved: 2, to: { boxes: 3, stamped: '30' }, emptied: [`SK-${po.number}-01`, `SK-${po.number}-03`] });
    const amendments = await t.db.query<{ kind: string; n: number }>('select kind, count(*)::int as n from skid_amendment where batch_id = $1 group by kind order by kind', [moved.body.batchId]);
    expect(amendments).toEqual([{ kind: 'transferred_in', n: 2 }, { kind: 'transferred_out', n: 2 }]);
    const totals = (await op.get(`/api/stamping/orders/${po.id}/run`)).body.skids.map((s: { label: string; boxes: number }) => [s.label.slice(-2), s.boxes]);
    expect(totals).toEqual([['02', 1], ['04', 3]]);
    // the skid reads its history box by box: its own box, then the two that came in, from where and why
    const four = (await op.get(`/api/stamping/orders/${po.id}/skids/${byLabel.get(`SK-${po.number}-04`)}`)).body;
    expect(four.amendments.map((a: { kind: string; boxNo: number; reason: string | null; otherSkid: string | null }) => [a.kind, a.boxNo, a.reason, a.otherSkid])).toEqual([
      ['added', 8, null, null],
      ['transferred_in', 5, 'Re-stacked for the truck', `SK-${po.number}-01`],
      ['transferred_in', 7, 'Re-stacked for the truck', `SK-${po.number}-03`],
    ]);
    expect((await op.get(`/api/stamping/orders/${po.id}/skids/${byLabel.get(`SK-${po.number}-01`)}`)).status).toBe(404);
    // the customer hears of the transfer and the overridden boxes, not of the plant's reasons
    const heard = await t.db.query<{ summary: string }>(
      `select summary from outbox_event where customer_id = $1 and topic in ('stamping.po-skid-transfer-batch', 'stamping.box-confirmed') and payload->>'poId' = $2`, [w.customer.id, po.id]);
    expect(heard.length).toBe(5); // four boxes, one transfer
    for (const { summary } of heard) expect(summary).not.toMatch(/Re-stacked|override|test stock/);
    expect(new Decimal(await stampBalance('federal')).isNegative()).toBe(true);
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });
});
