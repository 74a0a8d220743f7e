import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { Client, silentLog, testApp } from '../../../tests/support/app';
import { post, stockWorld, type StockWorld } from '../../../tests/support/stock';
import { seedPeople } from '../seed/people';
import { createLocation } from './commands/locations';

/** The reservation list over HTTP: labels, effective status, filters, keyset pages. */
describe.each(DIALECTS)('listing reservations on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let op: Client;
  let loc: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stockWorld(t.db, 'RL');
    const app = testApp(t.db);
    op = new Client(app, '10.8.0.1');
    await op.login('operator');
    loc = (await createLocation(w.ctx, { code: `RL-${dialect}`, name: 'reserve here', kind: 'warehouse' })).body.id;
    await post(w.ctx, { type: 'receipt', lines: [
      { variantId: w.variant.id, locationId: loc, lotId: w.lots.a, qty: '20', unitCost: '1', grade: 'good' },
      { variantId: w.variant.id, locationId: w.locations.main, qty: '5', unitCost: '1', grade: 'good' },
    ] });
    const reserve = async (name: string, body: Record<string, unknown>) => {
      const r = await op.post('/api/stock/reservations', { variantId: w.variant.id, locationId: loc, lotId: w.lots.a, ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids[name] = r.body.id;
    };
    await reserve('first', { qty: '2', sourceType: 'manual', sourceId: 'SO-1', note: 'for the trade fair' });
    await reserve('released', { qty: '3' });
    await reserve('consumed', { qty: '1' });
    await reserve('expired', { qty: '4', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    // as if its minute had passed
    await t.db.query(`update stock_reservation set expires_at = now() - interval '1 minute' where id = $1`, [ids.expired]);
    await reserve('elsewhere', { qty: '1', locationId: w.locations.main, lotId: null });
    expect((await op.post(`/api/stock/reservations/${ids.released}/release`)).status).toBe(200);
    expect((await op.post(`/api/stock/reservations/${ids.consumed}/consume`, {})).status).toBe(201);
  });
  afterAll(() => t.drop());

  it('answers each reservation with its key’s labels, who made it, and its effective status', async () => {
    const r = await op.get(`/api/stock/reservations?locationId=${loc}`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: { id: string }) => x.id)).toEqual([ids.expired, ids.consumed, ids.released, ids.first]);
    expect(r.body.items.find((x: { id: string }) => x.id === ids.first)).toMatchObject({
      itemCode: 'RL-RESIN', itemName: 'Resin', variantId: w.variant.id, locationCode: `RL-${dialect}`, lotCode: 'RL-LOT-A',
      grade: 'good', gradeName: 'Good', qty: '2', remaining: '2', status: 'active', sourceType: 'manual', sourceId: 'SO-1',
      note: 'for the trade fair', createdByLabel: 'operator', expiresAt: null, closedAt: null,
    });
    const status = Object.fromEntries(r.body.items.map((x: { id: string; status: string; remaining: string }) => [x.id, `${x.status}/${x.remaining}`]));
    expect(status).toMatchObject({ [ids.released!]: 'released/0', [ids.consumed!]: 'consumed/0', [ids.expired!]: 'expired/4' });
  });

  it('filters by status, item, variant and location, and pages by keyset', async () => {
    const list = async (q: string) => (await op.get(`/api/stock/reservations?${q}`)).body.items.map((x: { id: string }) => x.id);
    expect(await list(`status=active&itemId=${w.item.id}`)).toEqual([ids.elsewhere, ids.first]);
    expect(await list('status=expired')).toEqual([ids.expired]);
    expect(await list(`variantId=${w.variant.id}&locationId=${w.locations.main}`)).toEqual([ids.elsewhere]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await op.get(`/api/stock/reservations?limit=2&sort=createdAt${cursor ? `&cursor=${cursor}` : ''}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.first, ids.released, ids.consumed, ids.expired, ids.elsewhere]);
  });

  it('refuses bad filters and bad reservations naming the field, and writes nothing', async () => {
    for (const [q, field] of [['status=open', 'status'], ['itemId=nope', 'itemId'], ['sort=qty', 'sort'], ['cursor=zzz', 'cursor'], ['colour=red', 'colour']]) {
      const r = await op.get(`/api/stock/reservations?${q}`);
      expect(r.status, q).toBe(422);
      expect(r.body.errors.map((e: { field: string }) => e.field), q).toContain(field);
    }
    const [before] = await t.db.query<{ n: number; reserved: string }>('select (select count(*)::int from stock_reservation) as n, (select sum(reserved)::text from stock_balance) as reserved');
    const over = await op.post('/api/stock/reservations', { variantId: w.variant.id, locationId: loc, lotId: w.lots.a, qty: '100' });
    expect(over.status).toBe(409);
    // the expired reservation gives its 4 back first: 19 on hand, 2 still reserved
    expect(over.body.detail).toBe(`Not enough RL-RESIN at RL-${dialect}, lot RL-LOT-A (good): 100 needed, 17 available (2 reserved).`);
    const badLoc = await op.post('/api/stock/reservations', { variantId: w.variant.id, locationId: '00000000-0000-7000-8000-000000000000', qty: '1' });
    expect(badLoc.status).toBe(404);
    expect(badLoc.body.errors).toEqual([{ field: 'locationId', message: 'no such location' }]);
    const noQty = await op.post('/api/stock/reservations', { variantId: w.variant.id, locationId: loc, qty: '0' });
    expect(noQty.body.errors.map((e: { field: string }) => e.field)).toEqual(['qty']);
    const [after] = await t.db.query<{ n: number; reserved: string }>('select (select count(*)::int from stock_reservation) as n, (select sum(reserved)::text from stock_balance) as reserved');
    expect(after).toEqual(before);
  });

  it('a release or a cancellation clicked twice (one key) happens once and answers both clicks alike', async () => {
    const r = await op.post('/api/stock/reservations', { variantId: w.variant.id, locationId: loc, lotId: w.lots.a, qty: '1' });
    const once = { 'idempotency-key': `release-${dialect}-${r.body.id}` };
    const [a, b] = await Promise.all([op.post(`/api/stock/reservations/${r.body.id}/release`, undefined, once), op.post(`/api/stock/reservations/${r.body.id}/release`, undefined, once)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toEqual(a.body);
    const doc = await post(w.ctx, { type: 'receipt', lines: [{ variantId: w.variant.id, locationId: loc, qty: '3', unitCost: '2', grade: 'good' }] });
    const twice = { 'idempotency-key': `cancel-${dialect}-${doc.id}` };
    const sup = new Client(testApp(t.db), '10.8.0.2');
    await sup.login('supervisor');
    const cancel = () => sup.post(`/api/stock/documents/${doc.id}/cancel`, { reason: 'double click' }, twice);
    const [c, d] = await Promise.all([cancel(), cancel()]);
    expect([c.status, d.status]).toEqual([200, 200]);
    expect(d.body).toEqual(c.body);
    const [n] = await t.db.query<{ reversals: number; audits: number }>(
      `select (select count(*)::int from stock_entry r where r.reverses_entry_id in (select id from stock_entry where document_id = $1)) as reversals,
              (select count(*)::int from audit_event where command = 'inventory.cancel-document' and entity_id = $1::text) as audits`, [doc.id]);
    expect(n!.audits).toBe(1);
    expect(n!.reversals).toBe(1);
    // without the key the second click is told what happened
    expect((await sup.post(`/api/stock/documents/${doc.id}/cancel`, { reason: 'again' })).body.code).toBe('inventory.already_cancelled');
  });
});
