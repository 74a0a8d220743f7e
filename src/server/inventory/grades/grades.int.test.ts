import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { Client, silentLog, signIn } from '../../../../tests/support/app';
import { balanceOf, stockWorld, type StockWorld } from '../../../../tests/support/stock';
import { seedPeople } from '../../seed/people';

describe.each(DIALECTS)('configurable grades on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let sup: Client;
  let op: Client;
  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stockWorld(t.db, 'GR');
    [sup, op] = await signIn(t.db, 'supervisor', 'operator');
  });
  afterAll(() => t.drop());

  it('lists the seeded grades in order, adds one after them that stock can then be posted in, and renames it', async () => {
    const seeded = await op.get('/api/grades');
    expect(seeded.body.items.map((g: { code: string }) => g.code)).toEqual(['good', 'rework', 'defective', 'damaged']);
    expect(seeded.body.items[0]).toEqual({ code: 'good', name: 'Good', usable: true, position: 0 });

    const created = await sup.post('/api/grades', { code: 'b-stock', name: 'B-stock' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'b-stock', name: 'B-stock', usable: false, position: 4 });
    const receipt = await op.post('/api/stock/receipts', { lines: [{ variantId: w.variant.id, locationId: w.locations.main, grade: 'b-stock', qty: '3', unitCost: '1' }] });
    expect(receipt.status).toBe(201);
    expect(await balanceOf(t.db, w.variant.id, w.locations.main, null, 'b-stock')).toMatchObject({ qty: '3' });

    const renamed = await sup.patch('/api/grades/b-stock', { name: 'Second quality' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ code: 'b-stock', name: 'Second quality', usable: false, position: 4 });
    expect((await op.get('/api/grades')).body.items.at(-1)).toMatchObject({ code: 'b-stock', name: 'Second quality' });
    const [audit] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_event where entity_type = 'grade' and entity_id = 'b-stock'`);
    expect(audit!.n).toBe(2);
  });

  it('refuses bad or taken codes, unknown grades and operators, naming the field, and writes nothing', async () => {
    const before = [await count('grade'), await count('audit_event')];
    const cases: Array<[unknown, number, string]> = [
      [{ code: 'Shiny', name: 'Shiny' }, 422, 'code'],
      [{ code: '9lives', name: 'Nine' }, 422, 'code'],
      [{ code: 'ok', name: '' }, 422, 'name'],
      [{ code: 'ok', name: 'Ok', colour: 'red' }, 422, 'colour'],
      [{ code: 'damaged', name: 'Damaged again' }, 409, 'code'],
      [{ code: 'broken', name: 'DAMAGED' }, 409, 'name'],
    ];
    for (const [body, status, field] of cases) {
      const r = await sup.post('/api/grades', body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    expect((await op.post('/api/grades', { code: 'ok', name: 'Ok' })).status).toBe(403);
    const missing = await sup.patch('/api/grades/nothing', { name: 'X' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('inventory.grade_not_found');
    expect((await sup.patch('/api/grades/good', { name: 'Good', usable: false })).body.errors).toEqual([{ field: 'usable', message: 'unknown field' }]);
    expect(await sup.patch('/api/grades/good', { name: 'rework' })).toMatchObject({ status: 409, body: { code: 'inventory.grade_name_taken', errors: [{ field: 'name' }] } });
    expect([await count('grade'), await count('audit_event')]).toEqual(before);
  });

  it('a posting or reservation in an unknown grade is a 422 naming its line, not a server error', async () => {
    const before = [await count('stock_entry'), await count('stock_key'), await count('audit_event')];
    const line = { variantId: w.variant.id, locationId: w.locations.main, qty: '1', unitCost: '1' };
    const r = await op.post('/api/stock/receipts', { lines: [{ ...line, grade: 'good' }, { ...line, grade: 'shiny' }] });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'inventory.grade_unknown', errors: [{ field: 'lines.1.grade', message: 'no such grade' }] });
    const variant = await op.post('/api/stock/receipts', { lines: [{ ...line, variantId: '00000000-0000-7000-8000-000000000000' }] });
    expect(variant.status).toBe(404);
    expect(variant.body).toMatchObject({ code: 'catalog.variant_not_found', errors: [{ field: 'lines.0.variantId' }] });
    const reserve = await op.post('/api/stock/reservations', { variantId: w.variant.id, locationId: w.locations.main, grade: 'shiny', qty: '1' });
    expect(reserve.status).toBe(422);
    expect(reserve.body.errors).toEqual([{ field: 'grade', message: 'no such grade' }]);
    expect([await count('stock_entry'), await count('stock_key'), await count('audit_event')]).toEqual(before);
  });
});
