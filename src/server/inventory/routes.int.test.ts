import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { Client, silentLog, testApp } from '../../../tests/support/app';
import { seedPeople } from '../seed/people';
import { balanceOf, stockWorld, type StockWorld } from '../../../tests/support/stock';
import { parseCsv } from '../kernel/csv';
import { createLocation } from './commands/locations';
import { createItem } from '../catalog/commands/create-item';

describe.each(DIALECTS)('stock over HTTP on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let sup: Client;
  let op: Client;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stockWorld(t.db, 'H');
    const app = testApp(t.db);
    sup = new Client(app, '10.4.0.1');
    await sup.login('supervisor');
    op = new Client(app, '10.4.0.2');
    await op.login('operator');
  });
  afterAll(() => t.drop());

  it('receives, refuses an over-issue with the facts, lists balances and the ledger', async () => {
    const line = { variantId: w.variant.id, locationId: w.locations.main, lotId: w.lots.a };
    const rcv = await op.post('/api/stock/receipts', { lines: [{ ...line, qty: '12.5', unitCost: '4' }] }, { 'idempotency-key': 'rcv-1' });
    expect(rcv.status).toBe(201);
    expect(rcv.body.number).toMatch(/^RCV-\d{6}$/);
    const again = await op.post('/api/stock/receipts', { lines: [{ ...line, qty: '12.5', unitCost: '4' }] }, { 'idempotency-key': 'rcv-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const over = await op.post('/api/stock/issues', { lines: [{ ...line, qty: '20' }] });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'inventory.insufficient_stock', required: '20', available: '12.5', shortage: '7.5' });
    const bal = await op.get(`/api/stock/balances?variantId=${w.variant.id}`);
    expect(bal.body.items).toEqual([expect.objectContaining({ qty: '12.5', value: '50', available: '12.5', lotCode: 'H-LOT-A' })]);
    const entries = await op.get(`/api/stock/entries?locationId=${w.locations.main}`);
    expect(entries.body.items[0]).toMatchObject({ qty: '12.5', qtyBefore: '0', qtyAfter: '12.5', documentType: 'receipt', actorLabel: 'operator' });
  });

  it('a unit passes QA into stock by any poster, but only a supervisor marks it defective', async () => {
    const reg = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['H-SN-1'] });
    expect(reg.status).toBe(201);
    const id = reg.body.ids[0];
    const qa = await op.post(`/api/serials/${id}/events`, { event: 'qa_pass', locationId: w.locations.second });
    expect(qa.body).toMatchObject({ status: 'in_stock', locationCode: 'H-SECOND' });
    const scrap = { event: 'defect', outcome: 'scrap', note: 'cracked' };
    expect(await op.post(`/api/serials/${id}/events`, scrap)).toMatchObject({ status: 403, body: { code: 'auth.forbidden' } });
    expect((await op.get(`/api/serials/${id}`)).body.status).toBe('in_stock');
    expect((await sup.post(`/api/serials/${id}/events`, scrap)).body).toMatchObject({ status: 'scrapped' });
    const log = await op.get(`/api/stock/entries?locationId=${w.locations.second}&variantId=${w.variant.id}`);
    expect(log.body.items.map((e: { reason: string; qty: string }) => `${e.reason} ${e.qty}`)).toEqual(['scrapped -1', 'QA passed 1']);
  });

  it('product cards filter by product type (category), offering the types the other filters list', async () => {
    for (const [code, category] of [['H-PCB-1', 'PCB'], ['H-PANEL-1', 'Panel']] as const) {
      const item = (await sup.post('/api/items', { code, name: code, kind: 'product', uom: 'ea', category, attributes: [] })).body;
      const variant = (await sup.post('/api/variants', { itemId: item.id, attributes: {} })).body;
      await sup.post('/api/stock/receipts', { lines: [{ variantId: variant.id, locationId: w.locations.main, qty: '3', unitCost: '1' }] });
    }
    const all = (await op.get('/api/stock/summary?available=true&q=H-')).body;
    expect(all.categories).toEqual(['Panel', 'PCB']);
    const pcb = (await op.get('/api/stock/summary?available=true&q=H-&category=PCB')).body;
    expect(pcb.items.map((c: { itemCode: string }) => c.itemCode)).toEqual(['H-PCB-1']);
    expect(pcb.categories).toEqual(['Panel', 'PCB']);
  });

  it('a product card counts stock in transit, and keeps an item out of store in the available view while it is low', async () => {
    const item = (await sup.post('/api/items', { code: 'H-LOAF', name: 'Loaf', kind: 'product', uom: 'ea', lowStockThreshold: '5', attributes: [] })).body;
    const variantId = (await sup.post('/api/variants', { itemId: item.id, attributes: {} })).body.id;
    const where = { variantId, grade: 'good' };
    await sup.post('/api/stock/receipts', { lines: [{ ...where, locationId: w.locations.main, qty: '10', unitCost: '1' }] });
    const sent = await sup.post('/api/stock/transfers', { viaLocationId: w.locations.transit, lines: [{ ...where, fromLocationId: w.locations.main, toLocationId: w.locations.second, qty: '4' }] });
    expect(sent.status).toBe(201);
    const card = async (available: boolean) => (await op.get(`/api/stock/summary?available=${available}&q=H-LOAF`)).body.items[0];
    expect(await card(true)).toMatchObject({ storeQty: '6', inTransitQty: '4', lowStock: false });
    // on hand in transit, but not the plant's to use until received
    const inTransit = (await op.get(`/api/stock/balances?variantId=${variantId}&locationId=${w.locations.transit}`)).body.items;
    expect(inTransit).toEqual([expect.objectContaining({ qty: '4', available: '0' })]);
    expect((await sup.post('/api/stock/issues', { lines: [{ ...where, locationId: w.locations.main, qty: '6' }] })).status).toBe(201);
    expect(await card(true)).toMatchObject({ storeQty: '0', inTransitQty: '4', lowStock: true });
  });

  it('the ledger list and its export filter by action (the kind of document)', async () => {
    const line = { variantId: w.variant.id, locationId: w.locations.second, grade: 'good' };
    await sup.post('/api/stock/receipts', { lines: [{ ...line, qty: '4', unitCost: '2' }] });
    await sup.post('/api/stock/adjustments', { reason: 'found', note: 'behind the rack', lines: [{ ...line, qty: '1' }] });
    const adjustments = (await op.get(`/api/stock/entries?locationId=${w.locations.second}&documentType=adjustment`)).body.items;
    expect(adjustments.length).toBeGreaterThan(0);
    expect(new Set(adjustments.map((e: { documentType: string }) => e.documentType))).toEqual(new Set(['adjustment']));
    const csv = parseCsv((await op.get(`/api/stock/entries/export?locationId=${w.locations.second}&documentType=adjustment`)).body as string);
    expect(csv.length).toBe(adjustments.length + 1);
    expect((await op.get('/api/stock/entries?documentType=refund')).body).toMatchObject({ status: 422, errors: [{ field: 'documentType' }] });
  });

  it('an adjustment needs a reason and a note, and only a supervisor may post one', async () => {
    const line = { variantId: w.variant.id, locationId: w.locations.main, lotId: w.lots.a, qty: '-1' };
    expect((await op.post('/api/stock/adjustments', { reason: 'damaged', note: 'dropped', lines: [line] })).status).toBe(403);
    const noNote = await sup.post('/api/stock/adjustments', { reason: 'damaged', lines: [line] });
    expect(noNote.status).toBe(422);
    expect(noNote.body.errors.map((e: { field: string }) => e.field)).toContain('note');
    const ok = await sup.post('/api/stock/adjustments', { reason: 'damaged', note: 'dropped a bag', lines: [line] });
    expect(ok.status).toBe(201);
    expect(ok.body.entries[0]).toMatchObject({ qty: '-1', qtyBefore: '12.5', qtyAfter: '11.5', reason: 'damaged', note: 'dropped a bag', actorLabel: 'supervisor' });
  });

  it('any poster marks stock damaged by a transfer; making damaged stock good again needs the right to adjust', async () => {
    const at = { variantId: w.variant.id, fromLocationId: w.locations.main, toLocationId: w.locations.main, lotId: w.lots.a, qty: '1' };
    expect((await op.post('/api/stock/transfers', { lines: [{ ...at, toGrade: 'damaged' }] })).status).toBe(201);
    const back = { lines: [{ ...at, grade: 'damaged', toGrade: 'good' }] };
    expect(await op.post('/api/stock/transfers', back)).toMatchObject({ status: 403, body: { code: 'auth.forbidden', permission: 'inventory.adjust' } });
    expect(await balanceOf(t.db, w.variant.id, w.locations.main, w.lots.a, 'damaged')).toMatchObject({ qty: '1' });
    expect((await sup.post('/api/stock/transfers', back)).status).toBe(201);
    expect(await balanceOf(t.db, w.variant.id, w.locations.main, w.lots.a, 'damaged')).toMatchObject({ qty: '0' });
  });

  it('exports the ledger as CSV with the list\'s filters, every entry past a page, figures exact', async () => {
    const loc = (await createLocation(w.ctx, { code: 'H-EXPORT', name: 'export', kind: 'warehouse' })).body.id;
    const lines = Array.from({ length: 1003 }, (_, i) => ({ variantId: w.variant.id, locationId: loc, qty: `${i + 1}.5`, unitCost: '0.125' }));
    expect((await sup.post('/api/stock/receipts', { note: 'opening, "as counted"', lines })).status).toBe(201);
    const issue = await sup.post('/api/stock/issues', { reason: '=SUM(A1)', lines: [{ variantId: w.variant.id, locationId: loc, qty: '1' }] });
    expect((await sup.post(`/api/stock/documents/${issue.body.id}/cancel`, { reason: 'issued twice' })).status).toBe(200);
    const csv = await op.get(`/api/stock/entries/export?locationId=${loc}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(csv.body as string);
    expect(rows[0]![0]).toBe('posted_at');
    expect(rows.length).toBe(1 + 1005);
    const at = (name: string) => rows[0]!.indexOf(name);
    // newest first: the cancellation's reversal, paired with the issue it reverses (whose reason
    // is kept as text, not a formula), then the receipt's lines; every row names item and unit
    const [reversal, issued] = [rows[1]!, rows[2]!];
    expect([reversal[at('qty')], reversal[at('reverses_entry')]]).toEqual(['1', issued[at('entry_id')]]);
    expect(issued.slice(3, 5)).toEqual(['issue', "'=SUM(A1)"]);
    expect(issued[at('reverses_entry')]).toBe('');
    expect(rows.slice(3).map((r) => r[10]).sort((a, b) => Number(a) - Number(b))).toEqual(lines.map((l) => l.qty));
    expect(rows[3]![5]).toBe('opening, "as counted"');
    expect(new Set(rows.slice(1).map((r) => `${r[at('item_name')]} ${r[at('unit')]}`))).toEqual(new Set(['Resin kg']));
    const narrower = parseCsv((await op.get(`/api/stock/entries/export?locationId=${loc}&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z`)).body as string);
    expect(narrower.length).toBe(1);
    expect((await op.get('/api/stock/entries/export?grade=NOT%20A%20GRADE%20AT%20ALL%20BUT%20LONGER%20THAN%20THIRTY')).status).toBe(422);
  });

  it('keeps figures beyond twenty digits exact', async () => {
    const loc = (await createLocation(w.ctx, { code: 'H-HUGE', name: 'huge', kind: 'warehouse' })).body.id;
    const line = { variantId: w.variant.id, locationId: loc, qty: '99999999999999.999999', unitCost: '0' };
    for (let i = 0; i < 2; i++) expect((await sup.post('/api/stock/receipts', { lines: [line] })).status).toBe(201);
    const counted = await sup.post('/api/stock/counts', { note: 'all gone', lines: [{ variantId: w.variant.id, locationId: loc, countedQty: '0' }] });
    expect(counted.status).toBe(201);
    expect(counted.body.entries[0]).toMatchObject({ qty: '-199999999999999.999998', qtyBefore: '199999999999999.999998', qtyAfter: '0' });
  });

  it('refuses what a plant could not mean, naming the field, and writes nothing', async () => {
    const writes = async () => (await t.db.query<{ n: number }>('select ((select count(*) from stock_entry) + (select count(*) from lot))::int as n'))[0]!.n;
    const before = await writes();
    const other = (await createItem(w.ctx, { code: 'H-OTHER', name: 'Other', kind: 'material', uom: 'kg', attributes: [] })).body;
    const otherLot = (await sup.post('/api/lots', { code: 'H-OTHER-LOT', itemId: other.id })).body.id;
    const line = { variantId: w.variant.id, locationId: w.locations.main, qty: '1', unitCost: '1' };
    const lateLot = (await sup.post('/api/lots', { code: 'H-LATE-LOT', variantId: w.variant.id, receivedDate: '2026-02-01' })).body.id;
    expect((await op.get('/api/lots?q=H-LATE-LOT')).body.items).toEqual([expect.objectContaining({ id: lateLot, variantId: w.variant.id, variantCode: w.variant.code })]);
    const expiredLot = (await sup.post('/api/lots', { code: 'H-EXPIRED', variantId: w.variant.id, receivedDate: '2026-01-05', expiryDate: '2026-02-01' })).body.id;
    const customerPlace = (await sup.post('/api/locations', { code: 'H-CUSTOMER', name: 'A customer', kind: 'customer' })).body.id;
    const service = (await createItem(w.ctx, { code: 'H-CALIBRATION', name: 'Calibration', kind: 'service', uom: 'ea', attributes: [] })).body;
    const serviceVariant = (await sup.post('/api/variants', { itemId: service.id, attributes: {} })).body.id;
    // a month 13 is no date: said once, not also "before 1970"
    const month13 = await sup.post('/api/stock/receipts', { postedAt: '2026-13-01T10:00:00Z', lines: [line] });
    expect(month13.body.errors).toEqual([{ field: 'postedAt', message: 'must be a real date and time, such as 2026-03-01T08:00:00Z' }]);
    const cases: Array<[string, () => Promise<{ status: number; body: any }>, string]> = [
      ['a posting dated in year 26', () => sup.post('/api/stock/receipts', { postedAt: '0026-12-01T10:00:00Z', lines: [line] }), 'postedAt'],
      ['a lot of another item', () => sup.post('/api/stock/receipts', { lines: [{ ...line, lotId: otherLot }] }), 'lines.0.lotId'],
      ['a count without a note', () => sup.post('/api/stock/counts', { lines: [{ variantId: w.variant.id, locationId: w.locations.main, countedQty: '1' }] }), 'note'],
      ['a lot for an unknown item', () => sup.post('/api/lots', { code: 'H-NO-ITEM', itemId: '00000000-0000-7000-8000-000000000000' }), 'itemId'],
      ['a lot whose variant is another item\'s', () => sup.post('/api/lots', { code: 'H-MIXED', itemId: other.id, variantId: w.variant.id }), 'variantId'],
      ['a lot expiring before it was received', () => sup.post('/api/lots', { code: 'H-BACKWARDS', expiryDate: '2026-01-01', receivedDate: '2026-06-01' }), 'expiryDate'],
      ['a lot received in the future', () => sup.post('/api/lots', { code: 'H-TOMORROW', receivedDate: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) }), 'receivedDate'],
      ['a receipt that does not say what a unit cost', () => sup.post('/api/stock/receipts', { lines: [{ ...line, unitCost: undefined }] }), 'lines.0.unitCost'],
      ['a receipt of a lot dated before the lot was received', () => sup.post('/api/stock/receipts', { postedAt: '2026-01-10T12:00:00Z', lines: [{ ...line, lotId: lateLot }] }), 'lines.0.lotId'],
      ['a cost given with stock taken away', () => sup.post('/api/stock/adjustments', { reason: 'damaged', note: 'x', lines: [{ ...line, qty: '-1', unitCost: '5' }] }), 'lines.0.unitCost'],
      ['the same stock counted on two lines', () => sup.post('/api/stock/counts', { note: 'x', lines: [{ ...line, countedQty: '1', qty: undefined, unitCost: undefined }, { ...line, countedQty: '2', qty: undefined, unitCost: undefined }] }), 'lines.1'],
      ['stock of a service', () => sup.post('/api/stock/receipts', { lines: [{ ...line, variantId: serviceVariant }] }), 'lines.0.variantId'],
      ['a reservation of a service', () => sup.post('/api/stock/reservations', { variantId: serviceVariant, locationId: w.locations.main, qty: '1' }), 'variantId'],
      ['a low-stock level for a service', () => sup.post('/api/items', { code: 'H-SERVICE-2', name: 'x', kind: 'service', lowStockThreshold: '5' }), 'lowStockThreshold'],
      ['a low-stock level given to a service later', () => sup.patch(`/api/items/${service.id}`, { lowStockThreshold: '5' }), 'lowStockThreshold'],
      ['a slot inside a customer\'s place', () => sup.post('/api/locations', { code: 'H-CUST-SLOT', name: 'x', kind: 'slot', parentId: customerPlace }), 'parentId'],
      ['a scrap bin inside a customer\'s place', () => sup.post('/api/locations', { code: 'H-CUST-SCRAP', name: 'x', kind: 'scrap', parentId: customerPlace }), 'parentId'],
      ['a receipt of a lot past its expiry', () => sup.post('/api/stock/receipts', { lines: [{ ...line, lotId: expiredLot }] }), 'lines.0.lotId'],
      ['a reservation of a lot past its expiry', () => sup.post('/api/stock/reservations', { variantId: w.variant.id, locationId: w.locations.main, lotId: expiredLot, qty: '1' }), 'lotId'],
      ['a place of an unknown customer', () => sup.post('/api/locations', { code: 'H-NO-CUSTOMER', name: 'x', kind: 'customer', customerId: '00000000-0000-7000-8000-000000000000' }), 'customerId'],
    ];
    for (const [what, send, field] of cases) {
      const r = await send();
      expect(r.status, what).toBeGreaterThanOrEqual(400);
      expect(r.status, what).toBeLessThan(500);
      expect(r.body.errors?.map((e: { field: string }) => e.field), what).toContain(field);
    }
    expect(await writes()).toBe(before + 3); // the other item's lot, the late lot and the expired lot only
    // before it expired, it was received
    expect((await sup.post('/api/stock/receipts', { postedAt: '2026-01-20T12:00:00Z', lines: [{ ...line, lotId: expiredLot }] })).status).toBe(201);
    expect((await sup.get('/api/trace/lots/00000000-0000-7000-8000-000000000000')).body.code).toBe('inventory.lot_not_found');
  });

  it('finds stock below a location by its path, not as a pattern (codes may hold an underscore)', async () => {
    const wh1 = (await createLocation(w.ctx, { code: 'H_1', name: 'empty', kind: 'warehouse' })).body.id;
    const whx = (await createLocation(w.ctx, { code: 'HX1', name: 'full', kind: 'warehouse' })).body.id;
    const zone = (await createLocation(w.ctx, { code: 'HX1-Z', name: 'zone', kind: 'zone', parentId: whx })).body.id;
    expect((await sup.post('/api/stock/receipts', { lines: [{ variantId: w.variant.id, locationId: zone, qty: '7', unitCost: '1' }] })).status).toBe(201);
    expect((await sup.get(`/api/stock/balances?underLocationId=${wh1}`)).body.items).toEqual([]);
    expect((await sup.get(`/api/stock/balances?underLocationId=${whx}`)).body.items).toEqual([expect.objectContaining({ qty: '7' })]);
    const asOf = await sup.get(`/api/stock/balances?underLocationId=${whx}&asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(asOf.body.items).toEqual([expect.objectContaining({ qty: '7', reserved: '0' })]);
  });

  it('takes whole quantities only of a unit counted whole, every line named at once', async () => {
    const each = (await createItem(w.ctx, { code: 'H-EACH', name: 'Bolt', kind: 'material', uom: 'ea', attributes: [] })).body;
    const bolt = (await sup.post('/api/variants', { itemId: each.id, attributes: {} })).body.id;
    const at = { locationId: w.locations.main, unitCost: '1' };
    const halves = await sup.post('/api/stock/receipts', { lines: [{ variantId: bolt, qty: '2.5', ...at }, { variantId: bolt, qty: '3.000', ...at }, { variantId: w.variant.id, qty: '0.125', ...at }, { variantId: bolt, qty: '0.5', ...at }] });
    expect(halves.status).toBe(422);
    expect(halves.body.errors).toEqual([{ field: 'lines.0.qty', message: 'whole ea only' }, { field: 'lines.3.qty', message: 'whole ea only' }]);
    expect((await sup.post('/api/stock/receipts', { lines: [{ variantId: bolt, qty: '3.000', ...at }] })).status).toBe(201);
    const count = await sup.post('/api/stock/counts', { note: 'shelf', lines: [{ variantId: bolt, locationId: w.locations.main, countedQty: '1.5' }] });
    expect(count.body.errors).toEqual([{ field: 'lines.0.countedQty', message: 'whole ea only' }]);
    expect((await sup.get(`/api/stock/balances?variantId=${bolt}`)).body.items).toEqual([expect.objectContaining({ qty: '3' })]);
    const reserve = await sup.post('/api/stock/reservations', { variantId: bolt, locationId: w.locations.main, qty: '1.5' });
    expect(reserve.body.errors).toEqual([{ field: 'qty', message: 'whole ea only' }]);
    const held = (await sup.post('/api/stock/reservations', { variantId: bolt, locationId: w.locations.main, qty: '2' })).body;
    const consume = await sup.post(`/api/stock/reservations/${held.id}/consume`, { qty: '0.5' });
    expect(consume.body.errors).toEqual([{ field: 'qty', message: 'whole ea only' }]);
    expect((await sup.get(`/api/stock/balances?variantId=${bolt}`)).body.items).toEqual([expect.objectContaining({ qty: '3', reserved: '2' })]);
  });

  it('rejects quantities sent as JSON numbers or with too many decimals', async () => {
    const bad = await op.post('/api/stock/receipts', { lines: [{ variantId: w.variant.id, locationId: w.locations.main, qty: 1.5, unitCost: '1.1234567' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['lines.0.qty', 'lines.0.unitCost']));
  });

  it('a supervisor lays out a warehouse (zones and slots inside it) and renames a place; its code and path stay', async () => {
    const wh = await sup.post('/api/locations', { code: 'H-WH2', name: 'Second warehouse', kind: 'warehouse' });
    expect(wh.status).toBe(201);
    const zone = await sup.post('/api/locations', { code: 'H-WH2-A', name: 'Aisle A', kind: 'zone', parentId: wh.body.id });
    expect(zone.body).toMatchObject({ path: 'H-WH2/H-WH2-A' });
    const loose = await sup.post('/api/locations', { code: 'H-SLOT-X', name: 'loose', kind: 'slot' });
    expect(loose).toMatchObject({ status: 422, body: { errors: [{ field: 'parentId', message: 'required for zones and slots' }] } });
    const taken = await sup.post('/api/locations', { code: 'h-wh2', name: 'again', kind: 'warehouse' });
    expect(taken).toMatchObject({ status: 409, body: { code: 'inventory.location_code_taken', errors: [{ field: 'code' }] } });
    expect((await op.post('/api/locations', { code: 'H-OP', name: 'op', kind: 'warehouse' })).status).toBe(403);

    const renamed = await sup.patch(`/api/locations/${zone.body.id}`, { name: 'Aisle A (cold)' });
    expect(renamed).toMatchObject({ status: 200, body: { code: 'H-WH2-A', name: 'Aisle A (cold)' } });
    const listed = (await op.get('/api/locations?q=H-WH2-A')).body.items;
    expect(listed).toEqual([expect.objectContaining({ name: 'Aisle A (cold)', path: 'H-WH2/H-WH2-A', parentId: wh.body.id })]);
    expect((await sup.patch(`/api/locations/${zone.body.id}`, { name: '  ' })).status).toBe(422);
    expect((await op.patch(`/api/locations/${zone.body.id}`, { name: 'mine' })).status).toBe(403);
    expect((await sup.patch('/api/locations/019a0000-0000-7000-8000-000000000000', { name: 'x' })).status).toBe(404);
    const audit = await t.db.query<{ before: unknown; after: unknown }>(`select before, after from audit_event where entity_type = 'location' and entity_id = $1 and before is not null`, [zone.body.id]);
    expect(audit).toEqual([{ before: { name: 'Aisle A' }, after: { name: 'Aisle A (cold)' } }]);
  });
});
