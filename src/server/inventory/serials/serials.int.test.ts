import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { balanceOf, post, stockWorld, type StockWorld } from '../../../../tests/support/stock';
import { createLocation } from '../commands/locations';
import { cancelDocument } from '../documents/cancel-document';
import { getDocument } from '../queries/get-document';
import { listEntries } from '../queries/list-stock';
import { checkLedger } from '../check-ledger';
import { recordSerialEvent, registerSerials } from './commands';
import { getSerial, listSerials } from './queries';
import { stockCards } from '../queries/stock-summary';
import { createItem } from '../../catalog/commands/create-item';
import { updateItem } from '../../catalog/commands/update-item';
import { requestVariant } from '../../catalog/commands/get-or-create-variant';

describe.each(DIALECTS)('serial units on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stockWorld(t.db, 'SN');
  });
  afterAll(() => t.drop());

  it('a unit reworked twice shows iteration 2 and its full stage history', async () => {
    const { ids } = (await registerSerials(w.ctx, { variantId: w.variant.id, serialNos: ['PCB-0001'], stage: 'Assembly', orderRef: 'WO-7' })).body;
    const id = ids[0]!;
    const ev = (e: Parameters<typeof recordSerialEvent>[2]) => recordSerialEvent(w.ctx, id, e).then((r) => r.body);
    await ev({ event: 'stage', stage: '1st Testing' });
    await ev({ event: 'defect', outcome: 'rework', reworkStage: 'Assembly', note: 'cold joint on U3' });
    await ev({ event: 'stage', stage: '1st Testing' });
    await ev({ event: 'defect', outcome: 'rework', reworkStage: 'Assembly', note: 'again' });
    await ev({ event: 'stage', stage: 'QA' });
    const done = await ev({ event: 'qa_pass', locationId: w.locations.main });
    expect(done).toMatchObject({ status: 'in_stock', iteration: 2, stage: 'QA', orderRef: 'WO-7', locationId: w.locations.main });
    expect(done.history.map((h) => `${h.event}:${h.stage}:${h.iteration}`)).toEqual([
      'created:Assembly:0', 'stage:1st Testing:0', 'defect:rework:Assembly:1', 'stage:1st Testing:1',
      'defect:rework:Assembly:2', 'stage:QA:2', 'qa_pass:QA:2',
    ]);
    expect(done.history[2]!.note).toBe('cold joint on U3');
  });

  it('a unit is stock while in stock: QA receives it, moves, delivery, scrap and rework post their way out', async () => {
    const item = (await createItem(w.ctx, { code: 'SN-BOARD', name: 'Board', kind: 'product', uom: 'ea', attributes: [], lowStockThreshold: '2' })).body;
    const variant = await requestVariant(w.ctx, item.id, {});
    const customer = (await createLocation(w.ctx, { code: 'SN-CUST', name: 'Customer', kind: 'customer' })).body.id;
    const { ids } = (await registerSerials(w.ctx, { variantId: variant.id, serialNos: ['B-1', 'B-2', 'B-3', 'B-4', 'B-5', 'B-6', 'B-7'] })).body;
    const ev = (i: number, e: Parameters<typeof recordSerialEvent>[2]) => recordSerialEvent(w.ctx, ids[i]!, e).then((r) => r.body);
    for (const i of [0, 1, 2, 3, 4]) await ev(i, { event: 'qa_pass', locationId: w.locations.main });
    expect(await balanceOf(t.db, variant.id, w.locations.main)).toMatchObject({ qty: '5', value: '0' });
    await ev(1, { event: 'move', locationId: w.locations.second });
    await ev(2, { event: 'deliver', locationId: customer });
    await ev(3, { event: 'defect', outcome: 'rework', note: 'loose connector' });
    await ev(4, { event: 'defect', outcome: 'scrap', note: 'cracked' });
    await ev(5, { event: 'defect', outcome: 'scrap', note: 'never left production' });
    expect(await balanceOf(t.db, variant.id, w.locations.main)).toMatchObject({ qty: '1' });
    expect(await balanceOf(t.db, variant.id, w.locations.second)).toMatchObject({ qty: '1' });
    expect(await balanceOf(t.db, variant.id, customer)).toMatchObject({ qty: '1' });
    // each event that moved stock is a document of its own naming the unit, in the inventory log
    const log = await listEntries(t.db, { variantId: variant.id }, { limit: 50, sort: 'postedAt' });
    expect(log.items.map((e) => `${e.documentType}:${e.reason}:${e.qty}:${e.locationCode}`)).toEqual([
      'receipt:QA passed:1:SN-MAIN', 'receipt:QA passed:1:SN-MAIN', 'receipt:QA passed:1:SN-MAIN', 'receipt:QA passed:1:SN-MAIN', 'receipt:QA passed:1:SN-MAIN',
      'transfer:transfer out:-1:SN-MAIN', 'transfer:transfer in:1:SN-SECOND',
      'transfer:delivered:-1:SN-MAIN', 'transfer:delivered:1:SN-CUST',
      'issue:rework:-1:SN-MAIN', 'adjustment:scrapped:-1:SN-MAIN',
    ]);
    expect(log.items.at(-1)).toMatchObject({ note: 'B-5 scrapped: cracked' });
    // the card counts the ledger's stock, and the units that are not stock by status
    const [card] = (await stockCards(t.db, { q: 'SN-BOARD' })).items;
    expect(card).toMatchObject({ storeQty: '2', inProductionQty: '1', defectQty: '3', deliveredQty: '1', totalSerials: 7, lowStock: false });
    // without a level of its own, a product is flagged below the plant's 10
    await updateItem(w.ctx, item.id, { lowStockThreshold: null });
    expect((await stockCards(t.db, { q: 'SN-BOARD' })).items[0]).toMatchObject({ lowStockThreshold: '10', lowStock: true });
    // those documents answer to the unit's events, not to the ledger's cancel
    const receipt = await getDocument(t.db, log.items[0]!.documentId);
    await expect(cancelDocument(w.ctx, receipt.id, 'mistake')).rejects.toMatchObject({ code: 'inventory.document_owned' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('refuses a QA pass or delivery to a place that cannot take it, and ordinary postings of the stock units in stock hold', async () => {
    const customer = (await createLocation(w.ctx, { code: 'SN-CUST2', name: 'Customer 2', kind: 'customer' })).body.id;
    const { ids } = (await registerSerials(w.ctx, { variantId: w.variant.id, serialNos: ['PCB-0200'] })).body;
    const id = ids[0]!;
    await expect(recordSerialEvent(w.ctx, id, { event: 'qa_pass' })).rejects.toMatchObject({ code: 'request.invalid', extra: { errors: [{ field: 'locationId' }] } });
    await expect(recordSerialEvent(w.ctx, id, { event: 'qa_pass', locationId: customer })).rejects.toMatchObject({ code: 'request.invalid', extra: { errors: [{ field: 'locationId' }] } });
    expect((await getSerial(t.db, id)).status).toBe('in_production');
    await recordSerialEvent(w.ctx, id, { event: 'qa_pass', locationId: w.locations.second });
    await expect(recordSerialEvent(w.ctx, id, { event: 'deliver', locationId: w.locations.main })).rejects.toMatchObject({ code: 'request.invalid', extra: { errors: [{ field: 'locationId' }] } });
    // beside two ordinary units, an ordinary issue may take those two, never the serial unit's
    const at = { variantId: w.variant.id, locationId: w.locations.second, grade: 'good' };
    const receipt = await post(w.ctx, { type: 'receipt', lines: [{ ...at, qty: '2', unitCost: '3' }] });
    await expect(post(w.ctx, { type: 'issue', lines: [{ ...at, qty: '3' }] })).rejects.toMatchObject({
      code: 'inventory.insufficient_stock', message: expect.stringMatching(/^SN-RESIN\S* at SN-SECOND \(good\) holds 1 serial unit in stock; this posting would leave 0\./),
      extra: { heldBySerials: '1', left: '0' },
    });
    await expect(post(w.ctx, { type: 'adjustment', reason: 'lost', note: 'not on the shelf', lines: [{ ...at, qty: '-3' }] })).rejects.toMatchObject({ code: 'inventory.insufficient_stock' });
    const issue = await post(w.ctx, { type: 'issue', lines: [{ ...at, qty: '2' }] });
    // nor may cancelling the receipt take them back out from under the unit
    await expect(cancelDocument(w.ctx, receipt.id, 'wrong delivery')).rejects.toMatchObject({ code: 'inventory.insufficient_stock', extra: { heldBySerials: '1' } });
    expect(await balanceOf(t.db, w.variant.id, w.locations.second)).toMatchObject({ qty: '1' });
    await cancelDocument(w.ctx, issue.id, 'issued by mistake');
    // the unit leaves by its own event
    expect((await recordSerialEvent(w.ctx, id, { event: 'deliver', locationId: customer })).body.status).toBe('delivered');
    expect(await balanceOf(t.db, w.variant.id, w.locations.second)).toMatchObject({ qty: '2' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('refuses events the unit’s status does not allow, and duplicate serial numbers', async () => {
    const { ids } = (await registerSerials(w.ctx, { variantId: w.variant.id, serialNos: ['PCB-0100', 'PCB-0101'] })).body;
    await expect(recordSerialEvent(w.ctx, ids[0]!, { event: 'deliver', locationId: w.locations.main })).rejects.toMatchObject({ code: 'state.illegal_transition', extra: { state: 'in_production' } });
    await recordSerialEvent(w.ctx, ids[0]!, { event: 'defect', outcome: 'scrap', note: 'burnt' });
    await expect(recordSerialEvent(w.ctx, ids[0]!, { event: 'stage', stage: 'QA' })).rejects.toMatchObject({ code: 'state.illegal_transition', extra: { state: 'scrapped' } });
    await expect(registerSerials(w.ctx, { variantId: w.variant.id, serialNos: ['PCB-0101', 'PCB-0102'] })).rejects.toMatchObject({ code: 'inventory.serial_taken', extra: { taken: ['PCB-0101'] } });
    expect((await getSerial(t.db, ids[1]!)).status).toBe('in_production');
    await expect(recordSerialEvent(w.ctx, ids[1]!, { event: 'move', locationId: '00000000-0000-7000-8000-000000000000' }))
      .rejects.toMatchObject({ code: 'inventory.location_not_found', extra: { errors: [{ field: 'locationId' }] } });
    const defects = await listSerials(t.db, { variantId: w.variant.id, status: 'defects' }, { limit: 50 });
    expect(defects.items.map((s) => s.serialNo)).toEqual(['PCB-0100']);
  });
});
