import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { newId } from '../../kernel/ids';
import { checkLedger } from '../../inventory';
import { createShipment } from './commands/create-shipment';
import { receiveBox } from './commands/receive-box';
import { markInventoried } from './commands/mark-inventoried';
import { shipmentAvailability } from './queries/availability';
import { listBoxes } from './queries/list-boxes';
import { receivedTotals } from './queries/received-totals';
import { getShipment } from './queries/get-shipment';

describe.each(DIALECTS)('shipments and receiving on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stampingWorld(t.db, 'S');
  });
  afterAll(() => t.drop());

  const announce = async (packing: Array<[string, string]>, boxes: Array<[string, number]> = []) =>
    (await createShipment(w.ctx, {
      customerId: w.customer.id,
      packingList: packing.map(([variantId, qty]) => ({ variantId, qty })),
      expectedBoxes: boxes.map(([brandId, count]) => ({ brandId, count })),
    })).body;
  const byVariant = <T extends { variantId: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.variantId, r]));
  /** Stock of the shipment's lot at the consignee's location, per variant and grade. */
  const lotStock = (lotId: string) =>
    t.db.query<{ variant_id: string; grade: string; qty: string }>(
      `select k.variant_id, k.grade, trim_scale(b.qty)::text as qty from stock_balance b join stock_key k on k.id = b.key_id
       where k.location_id = $1 and k.lot_id = $2 and b.qty <> 0 order by k.variant_id, k.grade`,
      [w.consignee.locationId, lotId],
    );
  const counts = async () =>
    (await t.db.query<{ audit: number; entries: number; lines: number; damage: number; boxes: number }>(
      `select (select count(*)::int from audit_event) as audit, (select count(*)::int from stock_entry) as entries,
         (select count(*)::int from shipment_box_line) as lines, (select count(*)::int from box_damage) as damage,
         (select count(*)::int from shipment_box) as boxes`,
    ))[0]!;

  it('a shipment of 1,000 with 100 damaged offers 900; before any box the packing list is offered', async () => {
    const { bluerasp10 } = w.products;
    const s = await announce([[bluerasp10.variantId, '1000']], [[w.brands.orbito.id, 2]]);
    expect(s).toMatchObject({ number: expect.stringMatching(/^SHP-\d{6}$/), status: 'expected', boxesExpected: 2, boxesReceived: 0 });
    const [lot] = await t.db.query<{ code: string }>('select code from lot where id = $1', [s.lotId]);
    expect(lot!.code).toBe(s.number);

    expect(await shipmentAvailability(t.db, s.id)).toEqual([
      expect.objectContaining({ variantId: bluerasp10.variantId, label: bluerasp10.label, basis: 'packing_list', total: '1000', allocated: '0', available: '1000' }),
    ]);

    const first = await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: 1, lines: [{ variantId: bluerasp10.variantId, rawQty: '600', damagedQty: '100', damageNote: 'crushed corner' }] });
    expect(first.body).toMatchObject({ status: 'received', boxNo: 1, brand: 'S Orbito', documentId: expect.any(String) });
    expect(first.body.lines).toEqual([expect.objectContaining({ rawQty: '600', goodQty: '500', damagedQty: '100', missingQty: '0', foundDamagedQty: '100' })]);
    expect((await getShipment(t.db, s.id))!.status).toBe('receiving');
    await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: 2, lines: [{ variantId: bluerasp10.variantId, rawQty: '400' }] });

    expect(await shipmentAvailability(t.db, s.id)).toEqual([
      expect.objectContaining({ variantId: bluerasp10.variantId, basis: 'received', total: '900', allocated: '0', available: '900' }),
    ]);
    // the ledger holds the customer's units where they are, in the shipment's lot, at no cost
    expect(await lotStock(s.lotId)).toEqual([
      { variant_id: bluerasp10.variantId, grade: 'damaged', qty: '100' },
      { variant_id: bluerasp10.variantId, grade: 'good', qty: '900' },
    ]);
    const docs = await t.db.query<{ source_type: string; type: string; value: string }>(
      `select d.source_type, d.type, trim_scale(sum(v.value))::text as value from stock_document d join stock_entry e on e.document_id = d.id
       join stock_entry_value v on v.entry_id = e.id join shipment_box b on b.document_id = d.id and b.id::text = d.source_id
       where b.shipment_id = $1 group by d.id, d.source_type, d.type`,
      [s.id],
    );
    expect(docs).toEqual([{ source_type: 'shipment_box', type: 'receipt', value: '0' }, { source_type: 'shipment_box', type: 'receipt', value: '0' }]);
    const damage = await t.db.query<{ damage_type: string; qty: string; note: string }>(
      `select d.damage_type, trim_scale(d.qty)::text as qty, d.note from box_damage d join shipment_box_line bl on bl.id = d.box_line_id join shipment_box b on b.id = bl.box_id where b.shipment_id = $1`,
      [s.id],
    );
    expect(damage).toEqual([{ damage_type: 'found-damaged', qty: '100', note: 'crushed corner' }]);
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('a mixed box carries several products; missing units post nothing; products only in boxes still show', async () => {
    const { bluerasp20, grape10, grape20 } = w.products;
    const s = await announce([[bluerasp20.variantId, '50'], [grape20.variantId, '30']]);
    const box = await receiveBox(w.ctx, s.id, {
      brandId: w.brands.linvo.id, boxNo: 7,
      lines: [
        { variantId: bluerasp20.variantId, rawQty: '48', missingQty: '3' },
        { variantId: grape10.variantId, rawQty: '13', damagedQty: '1', missingQty: '2' },
      ],
    });
    expect(box.body.lines.map((l) => [l.label, l.goodQty, l.damagedQty, l.missingQty])).toEqual([
      [bluerasp20.label, '45', '0', '3'],
      [grape10.label, '10', '1', '2'],
    ]);
    const avail = byVariant(await shipmentAvailability(t.db, s.id));
    expect(Object.keys(avail).sort()).toEqual([bluerasp20.variantId, grape10.variantId, grape20.variantId].sort());
    expect(avail[bluerasp20.variantId]).toMatchObject({ basis: 'received', total: '45', available: '45' });
    expect(avail[grape10.variantId]).toMatchObject({ total: '10', available: '10' });
    // on the packing list but in no received box: nothing to offer once receiving has started
    expect(avail[grape20.variantId]).toMatchObject({ total: '0', available: '0' });
    const totals = byVariant(await receivedTotals(t.db, s.id));
    expect(totals[grape20.variantId]).toMatchObject({ packedQty: '30', rawQty: '0', boxes: 0 });
    expect(totals[grape10.variantId]).toMatchObject({ packedQty: '0', rawQty: '13', goodQty: '10', damagedQty: '1', missingQty: '2', boxes: 1 });
    expect(await lotStock(s.lotId)).toEqual(expect.arrayContaining([
      { variant_id: bluerasp20.variantId, grade: 'good', qty: '45' },
      { variant_id: grape10.variantId, grade: 'good', qty: '10' },
      { variant_id: grape10.variantId, grade: 'damaged', qty: '1' },
    ]));
    expect(await lotStock(s.lotId)).toHaveLength(3);
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('Orbito #10 and Linvo #10 coexist and resolve by brand', async () => {
    const { bluerasp10, grape10 } = w.products;
    const s = await announce([], [[w.brands.orbito.id, 12]]);
    await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: 10, lines: [{ variantId: bluerasp10.variantId, rawQty: '20' }] });
    // Linvo #10 was not announced: receiving it adds it
    await receiveBox(w.ctx, s.id, { brandId: w.brands.linvo.id, boxNo: 10, lines: [{ variantId: grape10.variantId, rawQty: '30' }] });
    const both = await listBoxes(t.db, s.id, { boxNo: 10 }, { limit: 50 });
    expect(both.items.map((b) => b.brand).sort()).toEqual(['S Linvo', 'S Orbito']);
    const linvo = await listBoxes(t.db, s.id, { boxNo: 10, brandId: w.brands.linvo.id }, { limit: 50 });
    expect(linvo.items).toEqual([expect.objectContaining({ brand: 'S Linvo', boxNo: 10, status: 'received', lines: [expect.objectContaining({ variantId: grape10.variantId, goodQty: '30' })] })]);
    const shipment = (await getShipment(t.db, s.id))!;
    expect(shipment).toMatchObject({ boxesReceived: 2, boxesExpected: 11, brands: ['S Linvo', 'S Orbito'] });
    // pages of boxes are stable and complete
    const page1 = await listBoxes(t.db, s.id, {}, { limit: 5 });
    const page2 = await listBoxes(t.db, s.id, {}, { limit: 50, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items]).toHaveLength(13);
    expect(page1.items.map((b) => b.boxNo)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses bad input naming the field, a box received twice, and receiving once inventoried — and writes nothing', async () => {
    const { bluerasp10 } = w.products;
    const s = await announce([[bluerasp10.variantId, '10']], [[w.brands.orbito.id, 2]]);
    await expect(markInventoried(w.ctx, s.id)).rejects.toMatchObject({ code: 'state.illegal_transition' });
    const before = await counts();
    const receive = (lines: Parameters<typeof receiveBox>[2]['lines'], boxNo = 1) => receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo, lines });
    await expect(receive([{ variantId: bluerasp10.variantId, rawQty: '10' }, { variantId: bluerasp10.variantId, rawQty: '5', damagedQty: '4', missingQty: '2' }]))
      .rejects.toMatchObject({ code: 'request.invalid', status: 422, extra: { errors: [{ field: 'lines.1.damagedQty' }] } });
    await expect(receive([{ variantId: w.setup.siteId, rawQty: '1' }]))
      .rejects.toMatchObject({ code: 'stamping.not_a_product', status: 422, extra: { errors: [{ field: 'lines.0.variantId' }] } });
    await expect(receive([{ variantId: bluerasp10.variantId, rawQty: '1' }, { variantId: bluerasp10.variantId, rawQty: '2' }]))
      .rejects.toMatchObject({ status: 422, extra: { errors: [{ field: 'lines.1.variantId' }] } });
    // the command's own rule, for callers that do not go through the HTTP schema: no line of 0 units
    await expect(receive([{ variantId: bluerasp10.variantId, rawQty: '0' }]))
      .rejects.toMatchObject({ code: 'request.invalid', status: 422, extra: { errors: [{ field: 'lines.0.rawQty' }] } });
    expect(await counts()).toEqual(before);
    expect((await getShipment(t.db, s.id))!.status).toBe('expected');

    await receive([{ variantId: bluerasp10.variantId, rawQty: '10' }]);
    const afterOne = await counts();
    await expect(receive([{ variantId: bluerasp10.variantId, rawQty: '10' }])).rejects.toMatchObject({ code: 'stamping.box_already_received', status: 409 });
    const done = await markInventoried(w.ctx, s.id);
    expect(done.body).toMatchObject({ status: 'inventoried', inventoriedAt: expect.any(String), boxesReceived: 1, boxesExpected: 1 });
    const [audit] = await t.db.query<{ after: { boxesNotArrived: number } }>(
      `select after from audit_event where entity_type = 'shipment' and entity_id = $1 order by occurred_at desc, id desc limit 1`, [s.id],
    );
    expect(audit!.after.boxesNotArrived).toBe(1);
    await expect(receive([{ variantId: bluerasp10.variantId, rawQty: '1' }], 2)).rejects.toMatchObject({ code: 'stamping.shipment_inventoried', status: 409 });
    await expect(markInventoried(w.ctx, s.id)).rejects.toMatchObject({ code: 'state.illegal_transition' });
    const after = await counts();
    expect({ ...after, audit: afterOne.audit }).toEqual(afterOne);
    expect(after.audit).toBe(afterOne.audit + 1);
  });

  it('two stations receiving the same box at once: one receives it, the other is told it is received', async () => {
    const { grape20 } = w.products;
    const s = await announce([[grape20.variantId, '40']]);
    const scan = () => receiveBox(w.ctx, s.id, { brandId: w.brands.linvo.id, boxNo: 3, lines: [{ variantId: grape20.variantId, rawQty: '40' }] });
    const results = await Promise.allSettled([scan(), scan()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'stamping.box_already_received' } });
    expect(await lotStock(s.lotId)).toEqual([{ variant_id: grape20.variantId, grade: 'good', qty: '40' }]);
  });

  it('numbers shipments, refuses a taken number, an unknown product and a customer who is not a consignee', async () => {
    const custom = await createShipment(w.ctx, { customerId: w.customer.id, number: 'S-BOL-1', reference: 'BOL 4471' });
    expect(custom.body).toMatchObject({ number: 'S-BOL-1', reference: 'BOL 4471', customerCode: 'S-CUS', packingList: [] });
    await expect(createShipment(w.ctx, { customerId: w.customer.id, number: 's-bol-1' })).rejects.toMatchObject({ code: 'stamping.shipment_number_taken', extra: { errors: [{ field: 'number' }] } });
    await expect(createShipment(w.ctx, { customerId: w.customer.id, packingList: [{ variantId: w.products.grape10.variantId, qty: '1' }, { variantId: newId(), qty: '2' }] }))
      .rejects.toMatchObject({ code: 'stamping.not_a_product', extra: { errors: [{ field: 'packingList.1.variantId' }] } });
    await expect(createShipment(w.ctx, { customerId: w.customer.id, expectedBoxes: [{ brandId: newId(), count: 3 }] }))
      .rejects.toMatchObject({ code: 'stamping.brand_not_found', extra: { errors: [{ field: 'expectedBoxes.0.brandId' }] } });
    const [other] = await t.db.query<{ id: string }>(`insert into customer (id, code, name) values ($1, 'S-NOTCONS', 'Not a consignee') returning id`, [newId()]);
    await expect(createShipment(w.ctx, { customerId: other!.id })).rejects.toMatchObject({ code: 'stamping.not_a_consignee', extra: { errors: [{ field: 'customerId' }] } });
  });

  it('subtracts every non-cancelled production order, and a split parent only through its segments', async () => {
    const { bluerasp10, bluerasp20, grape20 } = w.products;
    const s = await announce([[bluerasp10.variantId, '1000'], [bluerasp20.variantId, '500']]);
    let n = 0;
    const po = async (status: string, lines: Array<[string, string]>, parent?: { id: string; segmentNo: number }, hasSegments = false) => {
      const id = newId();
      await t.db.query(
        `insert into production_order (id, number, customer_id, shipment_id, site_id, status, parent_id, segment_no, has_segments)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, `S-PO-${++n}`, w.customer.id, s.id, w.setup.siteId, status, parent?.id ?? null, parent?.segmentNo ?? null, hasSegments],
      );
      for (const [i, [variantId, qty]] of lines.entries()) {
        await t.db.query(`insert into production_order_line (id, po_id, line_no, variant_id, region_code, qty) values ($1, $2, $3, $4, 'ontario', $5)`, [newId(), id, i + 1, variantId, qty]);
      }
      return id;
    };
    for (const status of ['open', 'in_production', 'pending_verification', 'completed']) await po(status, [[bluerasp10.variantId, '100']]);
    await po('cancelled', [[bluerasp10.variantId, '300']]);
    // a parent of 300 split into 200 + 100: counted once, through its segments
    const parent = await po('open', [[bluerasp20.variantId, '300']], undefined, true);
    await po('open', [[bluerasp20.variantId, '200']], { id: parent, segmentNo: 1 });
    await po('completed', [[bluerasp20.variantId, '100']], { id: parent, segmentNo: 2 });
    // a product on a PO only
    await po('open', [[grape20.variantId, '0.25']]);

    const before = byVariant(await shipmentAvailability(t.db, s.id));
    expect(before[bluerasp10.variantId]).toMatchObject({ basis: 'packing_list', total: '1000', allocated: '400', available: '600' });
    expect(before[bluerasp20.variantId]).toMatchObject({ total: '500', allocated: '300', available: '200' });
    expect(before[grape20.variantId]).toMatchObject({ total: '0', allocated: '0.25', available: '-0.25' });

    await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: 1, lines: [{ variantId: bluerasp10.variantId, rawQty: '1000', damagedQty: '100' }, { variantId: bluerasp20.variantId, rawQty: '500' }] });
    const after = byVariant(await shipmentAvailability(t.db, s.id));
    expect(after[bluerasp10.variantId]).toMatchObject({ basis: 'received', total: '900', allocated: '400', available: '500' });
    expect(after[bluerasp20.variantId]).toMatchObject({ total: '500', allocated: '300', available: '200' });
  });
});
