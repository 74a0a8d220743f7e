import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { Client, silentLog, testApp } from '../../../../tests/support/app';
import { stockWorld, type StockWorld } from '../../../../tests/support/stock';
import { seedPeople } from '../../seed/people';
import { createItem } from '../../catalog/commands/create-item';
import { createLot } from '../commands/lots';

/** Registering serials over HTTP, as the register dialog does: errors point at rows. */
describe.each(DIALECTS)('registering serial units on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let op: Client;
  const count = async () => (await t.db.query<{ n: number }>('select ((select count(*) from serial_unit) + (select count(*) from audit_event))::int as n'))[0]!.n;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stockWorld(t.db, 'RG');
    op = new Client(testApp(t.db), '10.9.0.1');
    await op.login('operator');
  });
  afterAll(() => t.drop());

  it('registers units at a location and lot, in a stage, and lists them', async () => {
    const r = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['RG-001', 'RG-002'], stage: 'Assembly', locationId: w.locations.main, lotId: w.lots.a });
    expect(r.status).toBe(201);
    expect(r.body.created).toBe(2);
    const list = await op.get(`/api/serials?itemId=${w.item.id}`);
    expect(list.body.items.map((s: { serialNo: string; stage: string; lotCode: string; status: string }) => `${s.serialNo}:${s.stage}:${s.lotCode}:${s.status}`))
      .toEqual(['RG-001:Assembly:RG-LOT-A:in_production', 'RG-002:Assembly:RG-LOT-A:in_production']);
  });

  it('names the rows that are listed twice or already exist, and the unknown references, writing nothing', async () => {
    const before = await count();
    const twice = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['RG-010', 'RG-011', 'RG-010'] });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'inventory.serial_taken', duplicates: ['RG-010'], errors: [{ field: 'serialNos.2', message: 'listed twice' }] });
    const taken = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['RG-012', 'RG-002', 'RG-013', 'RG-001'] });
    expect(taken.status).toBe(409);
    expect(taken.body.taken).toEqual(['RG-002', 'RG-001']);
    expect(taken.body.errors).toEqual([{ field: 'serialNos.1', message: 'already exists' }, { field: 'serialNos.3', message: 'already exists' }]);
    // a number differing only in case is the same number
    const cased = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['RG-014', 'rg-001'] });
    expect(cased.body).toMatchObject({ code: 'inventory.serial_taken', taken: ['rg-001'], errors: [{ field: 'serialNos.1', message: 'already exists' }] });
    const casedTwice = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['RG-015', 'rg-015'] });
    expect(casedTwice.body).toMatchObject({ code: 'inventory.serial_taken', duplicates: ['rg-015'], errors: [{ field: 'serialNos.1', message: 'listed twice' }] });
    const tooLong = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['RG-020', 'x'.repeat(81)] });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors.map((e: { field: string }) => e.field)).toEqual(['serialNos.1']);
    for (const field of ['variantId', 'locationId', 'lotId']) {
      const r = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['RG-030'], [field]: '00000000-0000-7000-8000-000000000000' });
      expect(r.status, field).toBe(404);
      expect(r.body.errors, field).toEqual([{ field, message: expect.stringMatching(/^no such/) }]);
    }
    // a unit made of another item's lot would trace back to the wrong material
    const other = (await createItem(w.ctx, { code: 'RG-OTHER', name: 'Other', kind: 'material', uom: 'kg', attributes: [] })).body;
    const otherLot = (await createLot(w.ctx, { code: 'RG-OTHER-LOT', itemId: other.id })).body.id;
    const wrongLot = await op.post('/api/serials', { variantId: w.variant.id, serialNos: ['RG-040'], lotId: otherLot });
    expect(wrongLot.status).toBe(422);
    expect(wrongLot.body.errors).toEqual([{ field: 'lotId', message: 'a lot of another item or variant' }]);
    expect(await count()).toBe(before + 2); // the audit events of the other item and its lot
  });
});
