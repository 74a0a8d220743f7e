import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { testApp, Client, silentLog } from '../../../../tests/support/app';
import { seedPeople } from '../../seed/people';
import { createProduct, listProductVariants } from './products';
import { createBrand } from './brands';
import { createConsignee } from './consignees';

describe.each(DIALECTS)('stamping master data on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stampingWorld(t.db, 'M');
  });
  afterAll(() => t.drop());

  it('makes every volume × strength a variant labelled for the operator', async () => {
    expect(w.products.bluerasp10.label).toBe('Blueberry Raspberry — M Orbito · 30mL · 10mg');
    expect(w.products.bluerasp20.variantId).not.toBe(w.products.bluerasp10.variantId);
    const all = await listProductVariants(t.db, { brandId: w.brands.orbito.id });
    expect(all.map((v) => `${v.volumeMl}/${v.strengthMg}`)).toEqual(['30/10', '30/20']);
  });

  it('refuses a flavour a brand already has, a second brand code, and writes nothing', async () => {
    const before = await t.db.query('select count(*)::int as n from item');
    await expect(createProduct(w.ctx, { brandId: w.brands.orbito.id, flavour: 'blueberry raspberry', volumesMl: ['60'], strengthsMg: ['3'] }))
      .rejects.toMatchObject({ code: 'stamping.product_taken' });
    await expect(createBrand(w.ctx, { code: 'm-orb', name: 'Again' })).rejects.toMatchObject({ code: 'stamping.brand_code_taken' });
    expect(await t.db.query('select count(*)::int as n from item')).toEqual(before);
  });

  it('gives each consignee its own stock location, once', async () => {
    expect(w.consignee.locationCode).toBe('CONS-M-CUS');
    const again = await createConsignee(w.ctx, w.customer.id);
    expect(again.body.locationId).toBe(w.consignee.locationId);
    const [{ path }] = (await t.db.query<{ path: string }>('select path from location where id = $1', [w.consignee.locationId])) as [{ path: string }];
    expect(path).toBe('STAMP-WH/CONSIGNED/CONS-M-CUS');
  });

  it('each tax region has its stamp as a consumable item', async () => {
    const rows = await t.db.query<{ code: string; kind: string }>(
      `select r.code, i.kind from tax_region r join variant v on v.id = r.stamp_variant_id join item i on i.id = v.item_id order by r.position`,
    );
    expect(rows).toEqual([{ code: 'federal', kind: 'consumable' }, { code: 'ontario', kind: 'consumable' }, { code: 'quebec', kind: 'consumable' }]);
  });

  it('serves master data over HTTP, names a bad field and writes nothing', async () => {
    await seedPeople(t.db, silentLog);
    const sup = new Client(testApp(t.db), '10.9.0.1');
    await sup.login('supervisor');
    const regions = await sup.get('/api/stamping/regions');
    expect(regions.body.items.map((r: { code: string }) => r.code)).toEqual(['federal', 'ontario', 'quebec']);
    const bad = await sup.post('/api/stamping/regions', { code: 'Nova Scotia', name: 'Nova Scotia' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    const ok = await sup.post('/api/stamping/regions', { code: 'alberta', name: 'Alberta', colour: 'orange' });
    expect(ok.status).toBe(201);
    expect((await sup.get('/api/stamping/regions')).body.items).toHaveLength(4);
  });
});
