import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { Client, silentLog, testApp } from '../../../tests/support/app';
import { seedPeople } from '../seed/people';

describe.each(DIALECTS)('catalog CSV import and export on %s', (dialect) => {
  let t: TestDb;
  let admin: Client;
  const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from item'))[0]!.n;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    admin = new Client(testApp(t.db), '10.6.0.1');
    await admin.login('admin');
  });
  afterAll(() => t.drop());

  it('refuses a file with bad rows, naming each row and field, and imports nothing', async () => {
    const csv = [
      'code,name,kind,uom,category,low_stock_threshold,attributes',
      'FLOUR,Flour,material,kg,Bakery,50,',
      'SHIRT,"Shirt, basic",product,ea,Apparel,,size=S|M|L; colour=Blue|Red',
      'BAD,Bad kind,gadget,ea,,,',
      'flour,Duplicate,material,kg,,,',
      'NEG,Negative,material,kg,,-4,',
    ].join('\n');
    const r = await admin.post('/api/items/import', { csv });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('catalog.import_invalid');
    expect(r.body.rows.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['4:kind', '5:code', '6:low_stock_threshold']);
    expect(await count()).toBe(0);
    // a column the import does not know, or a file not separated by commas, is named
    const misspelt = await admin.post('/api/items/import', { csv: 'code,name,kind,uom,low_stock\nOK1,Fine,material,kg,5\n' });
    expect(misspelt.body.rows).toEqual([expect.objectContaining({ row: 1, field: 'low_stock' })]);
    const semicolons = await admin.post('/api/items/import', { csv: 'code;name;kind\nOK1;Fine;material\n' });
    expect(semicolons.body.rows[0]).toMatchObject({ row: 1, field: 'code;name;kind', message: 'not a column: separate the columns with commas' });
    // what only the database knows still names its row
    const unit = await admin.post('/api/items/import', { csv: 'code,name,kind,uom\nOK1,Fine,material,kg\nPCS,Pieces,material,pcs\n' });
    expect(unit.body).toMatchObject({ code: 'catalog.import_invalid', rows: [{ row: 3, field: 'uom', message: 'unknown unit' }] });
    expect(await count()).toBe(0);
  });

  it('takes a file larger than a command body (up to 5,000,000 characters): its rows are read, not refused as too large', async () => {
    const csv = `code,name,kind,uom,category,low_stock_threshold,attributes\nBIG,${'x'.repeat(1_500_000)},material,kg,,,`;
    const r = await admin.post('/api/items/import', { csv });
    expect(r.body.code).toBe('catalog.import_invalid');
    expect(r.body.rows.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['2:name']);
  });

  it('refuses attribute values the CSV formats could not carry back, or that differ only in letter case', async () => {
    const item = (values: string[]) => admin.post('/api/items', { code: 'PIPE', name: 'Pipe', kind: 'material', uom: 'ea', attributes: [{ attribute: 'thread', values }] });
    for (const bad of [['1/2|NPT'], ['M10;1.5'], ['a=b'], ['Grün', 'grün']]) {
      const r = await item(bad);
      expect(r.status, bad.join(',')).toBe(422);
      expect(r.body.errors[0].field).toMatch(/^attributes\.0\.values/);
    }
    expect(await count()).toBe(0);
  });

  it('imports a clean file in one go, exports it back, and imports variants', async () => {
    const csv = 'code,name,kind,uom,category,low_stock_threshold,attributes\nFLOUR,Flour,material,kg,Bakery,50,\nSHIRT,"Shirt, basic",product,ea,Apparel,,size=S|M|L; colour=Blue|Red\n';
    expect((await admin.post('/api/items/import', { csv })).body).toEqual({ imported: 2, created: 2, updated: 0 });
    const exported = await admin.get('/api/items/export');
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.body).toContain('SHIRT,"Shirt, basic",product,ea,Apparel,,size=S|M|L; colour=Blue|Red');
    // the same file again finds both items as they are: nothing to change
    expect((await admin.post('/api/items/import', { csv })).body).toEqual({ imported: 2, created: 0, updated: 0 });

    const bad = await admin.post('/api/variants/import', { csv: 'item_code,attributes\nSHIRT,size=M; colour=Blue\nSHIRT,size=XL; colour=Blue\n' });
    expect(bad.status).toBe(422);
    expect(bad.body.rows).toEqual([expect.objectContaining({ row: 3, field: 'attributes' })]);
    expect((await t.db.query('select 1 from variant')).length).toBe(0);
    const ok = await admin.post('/api/variants/import', { csv: 'item_code,attributes\nSHIRT,size=M; colour=Blue\nshirt,Colour=blue; Size=m\nFLOUR,\n' });
    expect(ok.body).toEqual({ rows: 3, created: 2 });
    const variants = await admin.get('/api/variants/export');
    expect(variants.body).toContain('SHIRT,SHIRT-Blue-M,"Shirt, basic — Blue · M",colour=Blue; size=M');
  });

  it('gives two combinations that spell alike different codes', async () => {
    const item = (await admin.post('/api/items', { code: 'COL', name: 'Collar', kind: 'product', uom: 'ea', attributes: [{ attribute: 'size', values: ['X L', 'XL'] }] })).body;
    const a = (await admin.post('/api/variants', { itemId: item.id, attributes: { size: 'X L' } })).body;
    const b = (await admin.post('/api/variants', { itemId: item.id, attributes: { size: 'XL' } })).body;
    expect([a.code, b.code]).toEqual(['COL-XL', 'COL-XL-2']);
    // asking again finds each one, codes unchanged
    expect((await admin.post('/api/variants', { itemId: item.id, attributes: { size: 'xl' } })).body).toMatchObject({ id: b.id, code: 'COL-XL-2' });
  });

  it('carries a staged item\'s stage rules through export and import', async () => {
    const staged = await admin.post('/api/items', {
      code: 'TEE', name: 'Tee', kind: 'product', uom: 'ea', stageAttribute: 'stage',
      attributes: [{ attribute: 'stage', values: ['Cut', 'Sewn'] }, { attribute: 'size', values: ['S', 'M'] }, { attribute: 'colour', values: ['Red'] }],
      stageAttributes: { Cut: ['size'], Sewn: ['size', 'colour'] },
    });
    expect(staged.body.stageAttributes).toEqual({ Cut: ['size'], Sewn: ['colour', 'size'] });
    const exported = (await admin.get('/api/items/export')).body as string;
    const row = exported.split('\r\n').find((l) => l.startsWith('TEE,'))!;
    expect(row.endsWith(',stage,Cut=size; Sewn=colour|size')).toBe(true);
    // the same row under another code comes back with the same rules
    const header = exported.split('\r\n')[0];
    expect((await admin.post('/api/items/import', { csv: `${header}\n${row.replace(/^TEE,/, 'TEE2,')}\n` })).body).toEqual({ imported: 1, created: 1, updated: 0 });
    const copy = (await admin.get('/api/items?q=TEE2')).body.items[0];
    expect(copy).toMatchObject({ stageAttribute: 'stage', stageAttributes: { Cut: ['size'], Sewn: ['colour', 'size'] } });
    const cutWithColour = await admin.post('/api/variants', { itemId: copy.id, attributes: { stage: 'Cut', size: 'S', colour: 'Red' } });
    expect(cutWithColour.status).toBe(422);
  });

  it('re-imports its own export: unchanged rows change nothing, edited rows edit their items, what never changes is refused by row', async () => {
    const made = (await admin.post('/api/items', { code: 'BOLT-M8', name: 'Bolt M8', kind: 'material', uom: 'ea', category: 'Fasteners', lowStockThreshold: '100', attributes: [{ attribute: 'finish', values: ['Zinc'] }] })).body;
    await admin.post('/api/variants', { itemId: made.id, attributes: { finish: 'Zinc' } });
    const exported = (await admin.get('/api/items/export')).body as string;
    const [header, ...rows] = exported.split('\r\n').filter(Boolean);
    const bolt = rows.find((l) => l.startsWith('BOLT-M8,'))!;
    expect((await admin.post('/api/items/import', { csv: `${header}\n${bolt}\n` })).body).toEqual({ imported: 1, created: 0, updated: 0 });
    // edited in a spreadsheet: a new name, threshold and finish, and a new item beside it
    const edited = bolt.replace('Bolt M8', 'Hex bolt M8').replace(',100,', ',250,').replace('finish=Zinc', 'finish=Zinc|Black');
    const added = 'NUT-M8,Nut M8,material,ea,Fasteners,50,,,';
    expect((await admin.post('/api/items/import', { csv: `${header}\n${edited}\n${added}\n` })).body).toEqual({ imported: 2, created: 1, updated: 1 });
    const after = (await admin.get(`/api/items/${made.id}`)).body;
    expect(after).toMatchObject({ name: 'Hex bolt M8', lowStockThreshold: '250', attributes: [{ attribute: 'finish', values: ['Zinc', 'Black'] }] });
    expect((await admin.get(`/api/items/${made.id}/variants`)).body.items[0].name).toMatch(/^Hex bolt M8/);
    // a kind, unit or removed value is never an edit: each named on its row, and nothing is written
    const wrong = edited.replace(',material,ea,', ',product,kg,').replace('finish=Zinc|Black', 'finish=Black');
    const refused = await admin.post('/api/items/import', { csv: `${header}\n${wrong}\nWASHER-M8,Washer,material,ea,,,,,\n` });
    expect(refused.body.rows.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['2:kind', '2:uom', '2:attributes']);
    expect((await admin.get('/api/items?q=WASHER-M8')).body.items).toEqual([]);
  });

  it('edits an item: a new name reaches its variants, values are only added, code, kind and unit stay', async () => {
    const item = (await admin.post('/api/items', { code: 'GLOVE', name: 'Glove', kind: 'product', uom: 'ea', category: 'Safety', attributes: [{ attribute: 'size', values: ['S', 'M'] }, { attribute: 'colour', values: ['Black'] }] })).body;
    const m = (await admin.post('/api/variants', { itemId: item.id, attributes: { size: 'M', colour: 'Black' } })).body;
    const edited = await admin.patch(`/api/items/${item.id}`, { name: 'Work glove', lowStockThreshold: '12.5', category: null, addValues: [{ attribute: 'Size', values: ['L', 'XL'] }] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ code: 'GLOVE', name: 'Work glove', category: null, lowStockThreshold: '12.5', attributes: [{ attribute: 'size', values: ['S', 'M', 'L', 'XL'] }, { attribute: 'colour', values: ['Black'] }] });
    const variants = (await admin.get(`/api/items/${item.id}/variants`)).body.items;
    expect(variants).toEqual([expect.objectContaining({ id: m.id, code: 'GLOVE-Black-M', name: 'Work glove — Black · M' })]);
    // a value added is one the item now takes
    expect((await admin.post('/api/variants', { itemId: item.id, attributes: { size: 'xl', colour: 'black' } })).status).toBe(201);
    const audit = await t.db.query<{ before: { name: string }; after: { name: string } }>(`select before, after from audit_event where entity_type = 'item' and entity_id = $1 and before is not null`, [item.id]);
    expect(audit.map((a) => [a.before.name, a.after.name])).toEqual([['Glove', 'Work glove']]);

    const refused = async (body: unknown, field: string) => {
      const r = await admin.patch(`/api/items/${item.id}`, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await refused({ addValues: [{ attribute: 'size', values: ['xxl', 'm'] }] }, 'addValues.0.values');
    await refused({ addValues: [{ attribute: 'weight', values: ['1'] }] }, 'addValues.0.attribute');
    await refused({ uom: 'kg' }, 'uom');
    await refused({ lowStockThreshold: '-1' }, 'lowStockThreshold');
    await refused({}, '(body)');
    // a refused edit changes nothing, the name before it included
    await refused({ name: 'Gauntlet', addValues: [{ attribute: 'colour', values: ['black'] }] }, 'addValues.0.values');
    expect((await admin.get(`/api/items/${item.id}`)).body).toMatchObject({ name: 'Work glove', attributes: [{ attribute: 'size', values: ['S', 'M', 'L', 'XL'] }, { attribute: 'colour', values: ['Black'] }] });
    expect((await admin.patch('/api/items/00000000-0000-4000-8000-000000000000', { name: 'x' })).status).toBe(404);
  });

  it('exports a name a spreadsheet would run as a formula as text, and imports it back as it was', async () => {
    await admin.post('/api/items', { code: 'FORMULA', name: '=HYPERLINK("http://evil")', kind: 'material', uom: 'ea', category: '@risk' });
    const exported = (await admin.get('/api/items/export')).body as string;
    const row = exported.split('\r\n').find((l) => l.startsWith('FORMULA,'))!;
    expect(row).toBe(`FORMULA,"'=HYPERLINK(""http://evil"")",material,ea,'@risk,,,,,`);
    const header = exported.split('\r\n')[0];
    expect((await admin.post('/api/items/import', { csv: `${header}\n${row.replace(/^FORMULA,/, 'FORMULA2,')}\n` })).status).toBe(200);
    expect((await admin.get('/api/items?q=FORMULA2')).body.items[0]).toMatchObject({ name: '=HYPERLINK("http://evil")', category: '@risk' });
  });

  it('refuses contradictions: one value added twice in one edit, an attribute given twice, stage rules without a stage', async () => {
    const item = (await admin.post('/api/items', { code: 'CAP', name: 'Cap', kind: 'product', uom: 'ea', category: '', attributes: [{ attribute: 'size', values: ['M'] }, { attribute: 'colour', values: ['Red'] }] })).body;
    expect(item.category).toBeNull();
    const twice = await admin.patch(`/api/items/${item.id}`, { addValues: [{ attribute: 'size', values: ['XL'] }, { attribute: 'SIZE', values: ['xl'] }] });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0]).toEqual({ field: 'addValues.1.values', message: 'xl is already a value of size' });
    expect((await admin.get(`/api/items/${item.id}`)).body.attributes[0].values).toEqual(['M']);
    const clash = await admin.post('/api/variants', { itemId: item.id, attributes: { size: 'M', SIZE: 'M', colour: 'Red' } });
    expect(clash.status).toBe(422);
    expect(clash.body.errors[0].field).toBe('attributes.size');
    const unstaged = await admin.post('/api/items', { code: 'CAP2', name: 'Cap', kind: 'product', uom: 'ea', attributes: [{ attribute: 'size', values: ['M'] }], stageAttributes: { Cut: ['size'] } });
    expect(unstaged.status).toBe(422);
    expect(unstaged.body.errors[0].field).toBe('stageAttributes');
    const ruledTwice = await admin.post('/api/items', {
      code: 'CAP3', name: 'Cap', kind: 'product', uom: 'ea', stageAttribute: 'stage',
      attributes: [{ attribute: 'stage', values: ['Cut'] }, { attribute: 'size', values: ['M'] }], stageAttributes: { Cut: ['size'], cut: [] },
    });
    expect(ruledTwice.body.errors[0]).toEqual({ field: 'stageAttributes.cut', message: 'Cut has a rule already' });
    expect((await admin.get('/api/items/00000000-0000-4000-8000-000000000000/variants')).status).toBe(404);

    // two edits at once adding one value: one adds it, the other is told it is there
    const other = new Client(testApp(t.db), '10.6.0.2');
    await other.login('admin');
    const [a, b] = await Promise.all([
      admin.patch(`/api/items/${item.id}`, { addValues: [{ attribute: 'size', values: ['XXL'] }] }),
      other.patch(`/api/items/${item.id}`, { addValues: [{ attribute: 'size', values: ['xxl'] }] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 422]);
    expect((await admin.get(`/api/items/${item.id}`)).body.attributes[0].values.map((v: string) => v.toLowerCase())).toEqual(['m', 'xxl']);
  });

  it('lists every row\'s problem at once, what only the catalog can tell included', async () => {
    const items = await admin.post('/api/items/import', {
      csv: [
        'code,name,kind,uom,attributes,stage_attribute,stage_attributes',
        'R1,One,material,pcs,,,',
        'R2,Two,material,ea,size=S,,Cut=size',
        'R3,Three,material,ea,stage=Cut; size=S,stage,Sewn=size',
        'R4,Four,material,ea,,,,surplus',
        'R5,Five,material,ea,size=S; Size=M,,',
      ].join('\n'),
    });
    expect(items.body.rows.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['2:uom', '3:stage_attributes', '4:stage_attributes', '5:(row)', '6:attributes']);
    const variants = await admin.post('/api/variants/import', {
      csv: 'item_code,attributes\nNOPE,size=M\nCAP,size=M|L; colour=Red\nCAP,size=M; size=M; colour=Red\nCAP,size=XS; colour=Red\nCAP,size=M; colour=Red\n',
    });
    expect(variants.body.rows.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['2:item_code', '3:attributes', '4:attributes', '5:attributes']);
    expect((await t.db.query(`select 1 from item where code like 'R_'`)).length).toBe(0);
    expect((await t.db.query(`select 1 from variant v join item i on i.id = v.item_id where i.code = 'CAP'`)).length).toBe(0);
  });

  it('sets a stage\'s attributes while no variant is at it, a new stage included', async () => {
    const item = (await admin.post('/api/items', {
      code: 'JACKET', name: 'Jacket', kind: 'product', uom: 'ea', stageAttribute: 'stage',
      attributes: [{ attribute: 'stage', values: ['Cut', 'Sewn'] }, { attribute: 'size', values: ['M'] }, { attribute: 'colour', values: ['Red'] }],
      stageAttributes: { Cut: ['size'] },
    })).body;
    expect((await admin.post('/api/variants', { itemId: item.id, attributes: { stage: 'Cut', size: 'M' } })).status).toBe(201);
    // a new stage, Dyed, takes only the colour; Sewn (no variant yet) takes only the size
    const edited = await admin.patch(`/api/items/${item.id}`, { addValues: [{ attribute: 'stage', values: ['Dyed'] }], stageRules: { dyed: ['colour'], Sewn: ['size'] } });
    expect(edited.status).toBe(200);
    expect(edited.body.stageAttributes).toEqual({ Cut: ['size'], Dyed: ['colour'], Sewn: ['size'] });
    expect((await admin.post('/api/variants', { itemId: item.id, attributes: { stage: 'Dyed', colour: 'Red' } })).status).toBe(201);
    expect((await admin.post('/api/variants', { itemId: item.id, attributes: { stage: 'Dyed', colour: 'Red', size: 'M' } })).status).toBe(422);
    // back to every attribute at Sewn
    expect((await admin.patch(`/api/items/${item.id}`, { stageRules: { Sewn: [] } })).body.stageAttributes).toEqual({ Cut: ['size'], Dyed: ['colour'] });

    const refused = async (stageRules: Record<string, string[]>, message: RegExp) => {
      const r = await admin.patch(`/api/items/${item.id}`, { stageRules });
      expect(r.status, JSON.stringify(stageRules)).toBe(422);
      expect(r.body.errors[0].message).toMatch(message);
    };
    await refused({ Cut: ['size', 'colour'] }, /variants are at Cut already/);
    await refused({ Packed: ['size'] }, /not a value of stage/);
    await refused({ Sewn: ['stage'] }, /not another attribute/);
    const plain = (await admin.post('/api/items', { code: 'PLAIN', name: 'Plain', kind: 'product', uom: 'ea', attributes: [{ attribute: 'size', values: ['M'] }] })).body;
    expect((await admin.patch(`/api/items/${plain.id}`, { stageRules: { M: [] } })).body.errors[0].message).toMatch(/no stage attribute/);
    expect((await admin.get(`/api/items/${item.id}`)).body.stageAttributes).toEqual({ Cut: ['size'], Dyed: ['colour'] });

    // a rule set while a variant is being made at that stage: one of the two gives way, never both pass
    const other = new Client(testApp(t.db), '10.6.0.4');
    await other.login('admin');
    for (let i = 0; i < 5; i++) {
      const stage = `Race${i}`;
      await admin.patch(`/api/items/${item.id}`, { addValues: [{ attribute: 'stage', values: [stage] }] });
      const [rule, made] = await Promise.all([
        admin.patch(`/api/items/${item.id}`, { stageRules: { [stage]: ['size'] } }),
        other.post('/api/variants', { itemId: item.id, attributes: { stage, size: 'M', colour: 'Red' } }),
      ]);
      expect([rule.status, made.status].filter((s) => s < 300), stage).toHaveLength(1);
    }
  });

  it('archives an item out of the active list and restores it', async () => {
    const item = (await admin.post('/api/items', { code: 'OLDPART', name: 'Old part', kind: 'material', uom: 'ea' })).body;
    const codes = async (active: string) => (await admin.get(`/api/items?q=OLDPART&active=${active}`)).body.items.map((i: { code: string }) => i.code);
    expect(await codes('true')).toEqual(['OLDPART']);
    expect((await admin.patch(`/api/items/${item.id}`, { active: false })).body).toMatchObject({ active: false, name: 'Old part' });
    expect([await codes('true'), await codes('false')]).toEqual([[], ['OLDPART']]);
    expect((await admin.get('/api/items?q=OLDPART')).body.items).toHaveLength(1);
    // archived, it takes no new variant
    expect(await admin.post('/api/variants', { itemId: item.id, attributes: {} })).toMatchObject({ status: 409, body: { code: 'catalog.item_archived', errors: [{ field: 'itemId' }] } });
    expect((await admin.patch(`/api/items/${item.id}`, { active: true })).body.active).toBe(true);
    expect((await admin.post('/api/variants', { itemId: item.id, attributes: {} })).body).toMatchObject({ itemId: item.id, created: true });
    expect(await codes('true')).toEqual(['OLDPART']);
    expect((await admin.get('/api/items?active=maybe')).status).toBe(422);
  });

  it('lists the units an item may be counted in, and adds one', async () => {
    const units = (await admin.get('/api/units')).body.items;
    expect(units).toContainEqual({ code: 'kg', name: 'kilogram', decimals: 3 });
    expect(units.map((u: { code: string }) => u.code)).toContain('ea');
    expect((await admin.post('/api/units', { code: 'pair', name: 'pair', decimals: 0 })).status).toBe(201);
    expect((await admin.post('/api/units', { code: 'PAIR', name: 'again', decimals: 0 })).status).toBe(422);
    const taken = await admin.post('/api/units', { code: 'kg', name: 'kilo', decimals: 2 });
    expect([taken.status, taken.body.errors]).toEqual([409, [{ field: 'code', message: 'already taken' }]]);
    expect((await admin.post('/api/units', { code: 'sq', name: 'square', decimals: 7 })).body.errors[0].field).toBe('decimals');
    const item = await admin.post('/api/items', { code: 'SOCKS', name: 'Socks', kind: 'product', uom: 'pair' });
    expect(item.body.uom).toBe('pair');
    expect((await admin.get('/api/units')).body.items).toContainEqual({ code: 'pair', name: 'pair', decimals: 0 });
    const operator = new Client(testApp(t.db), '10.6.0.3');
    await operator.login('operator');
    expect((await operator.post('/api/units', { code: 'roll', name: 'roll', decimals: 0 })).status).toBe(403);
  });

  it('lists items a page at a time, each with its attributes and stage rules', async () => {
    const page1 = (await admin.get('/api/items?limit=2')).body;
    expect(page1.items).toHaveLength(2);
    const page2 = (await admin.get(`/api/items?limit=50&cursor=${page1.nextCursor}`)).body;
    const all = [...page1.items, ...page2.items].map((i: { code: string }) => i.code);
    expect(all).toEqual([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(new Set(all).size).toBe(all.length);
    expect(page2.items.find((i: { code: string }) => i.code === 'TEE')).toMatchObject({ stageAttribute: 'stage', stageAttributes: { Cut: ['size'] } });
  });
});
