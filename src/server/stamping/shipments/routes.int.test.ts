import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { Client, silentLog, signIn } from '../../../../tests/support/app';
import { seedPeople } from '../../seed/people';
import { checkLedger } from '../../inventory';

describe.each(DIALECTS)('shipments over HTTP on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  let sup: Client;
  let op: Client;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stampingWorld(t.db, 'R');
    [sup, op] = await signIn(t.db, 'supervisor', 'operator');
  });
  afterAll(() => t.drop());

  it('a planner announces, an operator scans boxes, availability follows, and receiving closes', async () => {
    const { bluerasp10, grape10 } = w.products;
    const body = {
      customerId: w.customer.id, reference: 'BOL-77', expectedOn: '2031-05-04',
      packingList: [{ variantId: bluerasp10.variantId, qty: '1000' }, { variantId: grape10.variantId, qty: '200' }],
      expectedBoxes: [{ brandId: w.brands.orbito.id, count: 10 }, { brandId: w.brands.linvo.id, count: 10 }],
    };
    expect((await op.post('/api/stamping/shipments', body)).status).toBe(403);
    const created = await sup.post('/api/stamping/shipments', body, { 'idempotency-key': 'shp-1' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: expect.stringMatching(/^SHP-\d{6}$/), status: 'expected', expectedOn: '2031-05-04', boxesExpected: 20, customerName: 'R Consignee' });
    const again = await sup.post('/api/stamping/shipments', body, { 'idempotency-key': 'shp-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const id = created.body.id as string;

    const pre = await op.get(`/api/stamping/shipments/${id}/availability`);
    expect(pre.body.items.map((a: { basis: string; available: string }) => [a.basis, a.available])).toEqual([['packing_list', '200'], ['packing_list', '1000']]); // by brand: Linvo, Orbito

    // box number 10 exists for both brands: a scan without a brand finds both, with a brand one
    const ten = await op.get(`/api/stamping/shipments/${id}/boxes?boxNo=10`);
    expect(ten.body.items.map((b: { brand: string }) => b.brand).sort()).toEqual(['R Linvo', 'R Orbito']);
    const orbitoTen = await op.get(`/api/stamping/shipments/${id}/boxes?boxNo=10&brandId=${w.brands.orbito.id}`);
    expect(orbitoTen.body.items).toEqual([expect.objectContaining({ brand: 'R Orbito', boxNo: 10, status: 'expected', lines: [] })]);

    const receive = (boxBody: unknown, key?: string) => op.post(`/api/stamping/shipments/${id}/boxes`, boxBody, key ? { 'idempotency-key': key } : {});
    const box = { brandId: w.brands.orbito.id, boxNo: 10, lines: [{ variantId: bluerasp10.variantId, rawQty: '1000', damagedQty: '100', damageNote: 'wet' }] };
    const rcv = await receive(box, 'box-10');
    expect(rcv.status).toBe(201);
    expect(rcv.body).toMatchObject({ status: 'received', receivedBy: 'Oli Operator', lines: [expect.objectContaining({ goodQty: '900', foundDamagedQty: '100' })] });
    expect((await receive(box, 'box-10')).headers.get('idempotent-replayed')).toBe('true');
    const twice = await receive(box);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('stamping.box_already_received');

    const negative = await receive({ brandId: w.brands.linvo.id, boxNo: 1, lines: [{ variantId: grape10.variantId, rawQty: '5', damagedQty: '6' }] });
    expect(negative.status).toBe(422);
    expect(negative.body.errors).toEqual([expect.objectContaining({ field: 'lines.0.damagedQty' })]);
    const asNumber = await receive({ brandId: w.brands.linvo.id, boxNo: 1, lines: [{ variantId: grape10.variantId, rawQty: 5 }] });
    expect(asNumber.status).toBe(422);
    expect(asNumber.body.errors.map((e: { field: string }) => e.field)).toContain('lines.0.rawQty');
    // a box of 0 units is no box received, and a line of 0 units records nothing: both name the line
    const empty = await receive({ brandId: w.brands.linvo.id, boxNo: 1, lines: [{ variantId: grape10.variantId, rawQty: '0' }] });
    expect(empty.status).toBe(422);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'lines.0.rawQty' })]);
    const zeroLine = await receive({ brandId: w.brands.linvo.id, boxNo: 1, lines: [{ variantId: grape10.variantId, rawQty: '5' }, { variantId: bluerasp10.variantId, rawQty: '00' }] });
    expect(zeroLine.status).toBe(422);
    expect(zeroLine.body.errors).toEqual([expect.objectContaining({ field: 'lines.1.rawQty' })]);
    expect((await op.get(`/api/stamping/shipments/${id}/boxes?boxNo=1&brandId=${w.brands.linvo.id}`)).body.items).toEqual([expect.objectContaining({ status: 'expected' })]);

    const avail = await op.get(`/api/stamping/shipments/${id}/availability`);
    expect(avail.body.items).toEqual([
      expect.objectContaining({ variantId: grape10.variantId, basis: 'received', total: '0', available: '0' }),
      expect.objectContaining({ variantId: bluerasp10.variantId, basis: 'received', total: '900', allocated: '0', available: '900', volumeMl: '30', strengthMg: '10' }),
    ]);
    const received = await op.get(`/api/stamping/shipments/${id}/received`);
    expect(received.body.items[1]).toMatchObject({ packedQty: '1000', rawQty: '1000', goodQty: '900', damagedQty: '100', missingQty: '0', boxes: 1 });

    const list = await op.get(`/api/stamping/shipments?status=receiving&q=BOL-77&customerId=${w.customer.id}`);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await op.get('/api/stamping/shipments?status=inventoried&q=BOL-77')).body.items).toEqual([]);
    expect((await op.get('/api/stamping/shipments?status=lost')).status).toBe(422);

    const done = await op.post(`/api/stamping/shipments/${id}/inventoried`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'inventoried', boxesReceived: 1, boxesExpected: 19 });
    const late = await receive({ brandId: w.brands.linvo.id, boxNo: 1, lines: [{ variantId: grape10.variantId, rawQty: '5' }] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('stamping.shipment_inventoried');
    expect((await op.get(`/api/stamping/shipments/${id}`)).body).toMatchObject({ status: 'inventoried', brands: ['R Linvo', 'R Orbito'] });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('names unknown shipments and pages the list', async () => {
    const missing = await op.get('/api/stamping/shipments/00000000-0000-7000-8000-000000000000/boxes');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('stamping.shipment_not_found');
    for (let i = 0; i < 3; i++) expect((await sup.post('/api/stamping/shipments', { customerId: w.customer.id, reference: `PAGE-${i}` })).status).toBe(201);
    const first = await op.get('/api/stamping/shipments?limit=2&q=PAGE-');
    expect(first.body.items.map((s: { reference: string }) => s.reference)).toEqual(['PAGE-2', 'PAGE-1']);
    const next = await op.get(`/api/stamping/shipments?limit=2&q=PAGE-&cursor=${first.body.nextCursor}`);
    expect(next.body).toMatchObject({ items: [expect.objectContaining({ reference: 'PAGE-0' })], nextCursor: null });
  });
});
