import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { post, stockWorld, type StockWorld } from '../../../../tests/support/stock';
import { recordSerialEvent, registerSerials } from './commands';
import { getSerial, listSerials } from './queries';
import { stockSummary } from '../queries/stock-summary';
import { createItem } from '../../catalog/commands/create-item';
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

  it('the product card counts an item\'s serial units by status beside its ledger stock', async () => {
    const item = (await createItem(w.ctx, { code: 'SN-BOARD', name: 'Board', kind: 'product', uom: 'ea', attributes: [], lowStockThreshold: '2' })).body;
    const variant = await requestVariant(w.ctx, item.id, {});
    const { ids } = (await registerSerials(w.ctx, { variantId: variant.id, serialNos: ['B-1', 'B-2', 'B-3', 'B-4', 'B-5', 'B-6'] })).body;
    const ev = (i: number, e: Parameters<typeof recordSerialEvent>[2]) => recordSerialEvent(w.ctx, ids[i]!, e);
    for (const i of [0, 1, 2]) await ev(i, { event: 'qa_pass', locationId: w.locations.main });
    await ev(2, { event: 'deliver' });
    await ev(3, { event: 'defect', outcome: 'rework', note: 'loose connector' });
    await ev(4, { event: 'defect', outcome: 'scrap', note: 'cracked' });
    const [card] = await stockSummary(t.db, { q: 'SN-BOARD' });
    expect(card).toMatchObject({ storeQty: '2', inProductionQty: '1', defectQty: '1', deliveredQty: '1', totalSerials: 6, lowStock: false });
    // and ledger stock of the same item adds to it
    await post(w.ctx, { type: 'receipt', lines: [{ variantId: variant.id, locationId: w.locations.main, qty: '3', unitCost: '10', grade: 'good' }] });
    expect((await stockSummary(t.db, { q: 'SN-BOARD', available: true }))[0]).toMatchObject({ storeQty: '5' });
  });

  it('refuses events the unit’s status does not allow, and duplicate serial numbers', async () => {
    const { ids } = (await registerSerials(w.ctx, { variantId: w.variant.id, serialNos: ['PCB-0100', 'PCB-0101'] })).body;
    await expect(recordSerialEvent(w.ctx, ids[0]!, { event: 'deliver' })).rejects.toMatchObject({ code: 'state.illegal_transition', extra: { state: 'in_production' } });
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
