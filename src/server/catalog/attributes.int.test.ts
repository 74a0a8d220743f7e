import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { Client, silentLog, signIn } from '../../../tests/support/app';
import { seedPeople } from '../seed/people';

/** The plant's attribute library that new items start from, and an item's primary attribute. */
describe.each(DIALECTS)('attribute library and primary attribute on %s', (dialect) => {
  let t: TestDb;
  let admin: Client;
  let operator: Client;
  const library = async () => (await admin.get('/api/attributes')).body.items as Array<{ code: string; name: string; values: string[]; items: number }>;
  const auditCount = async (entityType: string) => (await t.db.query<{ n: number }>('select count(*)::int as n from audit_event where entity_type = $1', [entityType]))[0]!.n;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    [admin, operator] = await signIn(t.db, 'admin', 'operator');
  });
  afterAll(() => t.drop());

  it('keeps a library of attributes: added with values, values only added (letter case aside), each change audited', async () => {
    const made = await admin.post('/api/attributes', { code: 'Size', name: 'Garment size', values: ['XS', 'S', 'M', 'L'] });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ code: 'size', name: 'Garment size', values: ['XS', 'S', 'M', 'L'], items: 0 });
    const taken = await admin.post('/api/attributes', { code: 'SIZE', values: ['XL'] });
    expect(taken).toMatchObject({ status: 409, body: { code: 'catalog.attribute_code_taken', errors: [{ field: 'code' }] } });
    const repeated = await admin.patch('/api/attributes/size', { addValues: ['XL', 'm'] });
    expect(repeated).toMatchObject({ status: 422, body: { errors: [{ field: 'addValues', message: 'm is already a value of size' }] } });
    const grown = await admin.patch('/api/attributes/size', { addValues: ['XL', 'XXL'] });
    expect(grown.body.values).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL']);
    expect((await admin.patch('/api/attributes/colour', { name: 'Colour' })).status).toBe(404);
    expect((await admin.post('/api/attributes', { code: 'fit', values: ['Slim', 'slim'] })).status).toBe(422);
    // reading is for everyone who reads the catalog, changing it for catalog managers
    expect((await operator.get('/api/attributes')).status).toBe(200);
    expect((await operator.post('/api/attributes', { code: 'fit', values: ['Slim'] })).status).toBe(403);
    expect(await library()).toEqual([{ code: 'size', name: 'Garment size', values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'], items: 0 }]);
    expect(await auditCount('attribute')).toBe(2);
  });

  it('an item copies the values it takes; values an item adds join the library after the ones it has, and the library never changes an item', async () => {
    const shirt = await admin.post('/api/items', { code: 'TEE', name: 'Tee', kind: 'product', uom: 'ea', attributes: [{ attribute: 'size', values: ['S', 'M', '3XL'] }, { attribute: 'colour', values: ['Blue', 'Red'] }] });
    expect(shirt.status).toBe(201);
    await admin.patch('/api/attributes/size', { addValues: ['4XL'] });
    expect((await admin.get(`/api/items/${shirt.body.id}`)).body.attributes[0]).toEqual({ attribute: 'size', values: ['S', 'M', '3XL'] });
    const lib = await library();
    expect(lib.find((a) => a.code === 'size')).toMatchObject({ values: ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL', '4XL'], items: 1 });
    expect(lib.find((a) => a.code === 'colour')).toMatchObject({ values: ['Blue', 'Red'], items: 1 });
  });

  it('an item\'s primary attribute is one of its attributes, never its stage one; it changes, and travels through CSV', async () => {
    const base = { kind: 'product', uom: 'ea', attributes: [{ attribute: 'size', values: ['S', 'M'] }, { attribute: 'colour', values: ['Blue'] }, { attribute: 'pack', values: ['Cut', 'Packed'] }], stageAttribute: 'pack' };
    const notOwn = await admin.post('/api/items', { ...base, code: 'P1', name: 'P1', primaryAttribute: 'fit' });
    expect(notOwn).toMatchObject({ status: 422, body: { errors: [{ field: 'primaryAttribute', message: 'must be one of the item’s attributes' }] } });
    const staged = await admin.post('/api/items', { ...base, code: 'P1', name: 'P1', primaryAttribute: 'Pack' });
    expect(staged.body.errors[0]).toMatchObject({ field: 'primaryAttribute' });
    const item = await admin.post('/api/items', { ...base, code: 'P1', name: 'P1', primaryAttribute: 'Size' });
    expect(item).toMatchObject({ status: 201, body: { primaryAttribute: 'size' } });
    expect((await admin.patch(`/api/items/${item.body.id}`, { primaryAttribute: 'pack' })).status).toBe(422);
    expect((await admin.patch(`/api/items/${item.body.id}`, { primaryAttribute: 'colour' })).body.primaryAttribute).toBe('colour');

    const exported: string = (await admin.get('/api/items/export')).body;
    const [header, ...rows] = exported.trim().split(/\r?\n/);
    expect(header).toContain('primary_attribute');
    const row = rows.find((r) => r.startsWith('P1,'))!;
    expect(row).toContain(',colour,pack,');
    // an edited export changes the primary attribute; a file without the column leaves it
    const edited = await admin.post('/api/items/import', { csv: `${header}\n${row.replace(',colour,pack,', ',size,pack,')}\n` });
    expect(edited.body).toMatchObject({ created: 0, updated: 1 });
    expect((await admin.get(`/api/items/${item.body.id}`)).body.primaryAttribute).toBe('size');
    const without = await admin.post('/api/items/import', { csv: 'code,name,kind,uom,attributes,stage_attribute\nP1,P1 renamed,product,ea,size=S|M; colour=Blue; pack=Cut|Packed,pack\n' });
    expect(without.body).toMatchObject({ updated: 1 });
    expect((await admin.get(`/api/items/${item.body.id}`)).body).toMatchObject({ name: 'P1 renamed', primaryAttribute: 'size' });
    const bad = await admin.post('/api/items/import', { csv: `${header}\n${row.replace(',colour,pack,', ',pack,pack,')}\n` });
    expect(bad.body.rows).toEqual([expect.objectContaining({ row: 2, field: 'primary_attribute' })]);
    // its variants are listed in the primary attribute's order, not by code
    for (const size of ['M', 'S']) await admin.post('/api/variants', { itemId: item.body.id, attributes: { size, colour: 'Blue', pack: 'Packed' } });
    const sizes = async () => (await admin.get(`/api/items/${item.body.id}/variants`)).body.items.map((v: { attributes: { size: string } }) => v.attributes.size);
    expect(await sizes()).toEqual(['S', 'M']);
    expect((await admin.patch(`/api/items/${item.body.id}`, { primaryAttribute: null })).body.primaryAttribute).toBeNull();
    expect(await sizes()).toEqual(['M', 'S']);
  });
});
