import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { type Client, silentLog, signIn } from '../../../../tests/support/app';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { seedPeople } from '../../seed/people';
import { createLocation } from '../../inventory';
import { createShipment, markInventoried, receiveBox } from '../index';
import { createStampOrder } from '../stamps/commands/create-stamp-order';

/** Skid labels are unique plant-wide, though PO numbers are unique per customer only. */
describe.each(DIALECTS)('skid labels on %s', (dialect) => {
  let t: TestDb;
  let a: StampingWorld;
  let b: StampingWorld;
  let op: Client;
  let sup: Client;
  let slot: string;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    [a, b] = [await stampingWorld(t.db, 'LBA'), await stampingWorld(t.db, 'LBB')];
    const [wh] = (await t.db.query<{ id: string }>(`select id from location where code = 'STAMP-WH'`)) as [{ id: string }];
    slot = (await createLocation(a.ctx, { code: `LBL-SKIDS-${dialect}`, name: 'Skid bay', kind: 'zone', parentId: wh.id })).body.id;
    await createStampOrder(a.ctx, { regionCode: 'ontario', qty: '1000', received: true });
    [op, sup] = await signIn(t.db, 'operator', 'supervisor');
  });
  afterAll(() => t.drop());

  /** A started PO of the world's customer, numbered `number`, over `boxes` boxes of 10. */
  const runningPo = async (w: StampingWorld, number: string, boxes: number) => {
    const s = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
    const variantId = w.products.bluerasp10.variantId;
    for (let n = 1; n <= boxes; n++) await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: n, lines: [{ variantId, rawQty: '10' }] });
    await markInventoried(w.ctx, s.id);
    const created = await sup.post('/api/stamping/orders', { shipmentId: s.id, number, lines: [{ variantId, regionCode: 'ontario', qty: String(boxes * 10) }] });
    expect(created.status).toBe(201);
    const po = created.body.po as { id: string };
    expect((await op.post(`/api/stamping/orders/${po.id}/start`)).status).toBeLessThan(300);
    return po;
  };
  /** Confirms box `n` and commits it onto a new skid: the skid's label. */
  const skidOfBox = async (poId: string, n: number) => {
    const box = (await op.get(`/api/stamping/orders/${poId}/scan?boxNo=${n}`)).body;
    expect((await op.post(`/api/stamping/orders/${poId}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: box.lines[0].boxLineId, regionCode: 'ontario' }] })).status).toBe(201);
    const skid = await op.post(`/api/stamping/orders/${poId}/skids`, { locationId: slot });
    expect(skid.status).toBe(201);
    return skid.body as { id: string; label: string };
  };

  it('two customers\' POs of one number share the number range: the lowest number free plant-wide', async () => {
    const poA = await runningPo(a, 'SAME-7', 3);
    const poB = await runningPo(b, 'same-7', 3);
    const a1 = await skidOfBox(poA.id, 1);
    expect(a1.label).toBe('SK-SAME-7-01');
    // B's first skid would be 01 by its own count; that label is A's
    expect((await skidOfBox(poB.id, 1)).label).toBe('SK-same-7-02');
    expect((await skidOfBox(poA.id, 2)).label).toBe('SK-SAME-7-03');
    // a deleted skid frees its label for either PO
    expect((await op.delete(`/api/stamping/orders/${poA.id}/skids/${a1.id}`)).body.deleted).toBe(true);
    expect((await skidOfBox(poB.id, 2)).label).toBe('SK-same-7-01');
    const live = await t.db.query<{ label: string }>(`select label from skid where deleted_at is null and lower(label) like 'sk-same-7-%' order by lower(label)`);
    expect(live.map((s) => s.label)).toEqual(['SK-same-7-01', 'SK-same-7-02', 'SK-SAME-7-03']);
  });
});
