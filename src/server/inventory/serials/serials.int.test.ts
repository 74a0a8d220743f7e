import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { stockWorld, type StockWorld } from '../../../../tests/support/stock';
import { recordSerialEvent, registerSerials } from './commands';
import { getSerial, listSerials } from './queries';

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
