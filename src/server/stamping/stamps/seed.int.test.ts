import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { silentLog } from '../../../../tests/support/app';
import { seedPeople } from '../../seed/people';
import { seedStampingMasterAndStamps, type StampingDemo } from '../../seed/stamping';
import { listConsignees } from '../master/consignees';
import { stampStock } from './queries/stamp-stock';
import { listStampOrders } from './queries/list-stamp-orders';

describe.each(DIALECTS)('stamping demo data on a fresh %s database', (dialect) => {
  let t: TestDb;
  let demo: StampingDemo;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    demo = await seedStampingMasterAndStamps(t.db, silentLog);
  });
  afterAll(() => t.drop());

  it('receives the seed’s stamps per region, in region order and colour', async () => {
    const stock = await stampStock(t.db);
    expect(stock.map((r) => [r.regionName, r.colour, r.received, r.remaining])).toEqual([
      ['Federal', 'red', '30000', '30000'],
      ['Ontario', 'blue', '20000', '20000'],
      ['Quebec', 'grape', '10000', '10000'],
      ['Alberta', 'orange', '7000', '7000'],
      ['Manitoba', 'teal', '5000', '5000'],
    ]);
    const ordered = await listStampOrders(t.db, { status: 'ordered' }, { limit: 10 });
    expect(ordered.items).toEqual([expect.objectContaining({ regionCode: 'ontario', qty: '10000', status: 'ordered' })]);
  });

  it('has both brands’ products in mL × mg and the seeded customers as consignees', async () => {
    expect(demo.variants.size).toBe(12);
    expect(demo.variants.get('Blueberry Raspberry — Orbito · 60mL · 20mg')).toBeDefined();
    expect(demo.variants.get('Grape Ice — Linvo · 30mL · 10mg')).toBeDefined();
    expect((await listConsignees(t.db)).map((c) => [c.code, c.locationCode])).toEqual([
      ['LAKESHORE', 'CONS-LAKESHORE'], ['NORWOOD', 'CONS-NORWOOD'],
    ]);
  });
});
