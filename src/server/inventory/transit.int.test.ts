import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { Client, silentLog, testApp } from '../../../tests/support/app';
import { balanceOf, post, stockWorld, type StockWorld } from '../../../tests/support/stock';
import { seedPeople } from '../seed/people';
import { createLocation } from './commands/locations';
import { checkLedger } from './check-ledger';

const at = (day: number) => new Date(Date.UTC(2026, 1, day, 9)).toISOString();

/** Transfers shipped through a transit location: one document, two legs, cost carried through both. */
describe.each(DIALECTS)('transfers via transit on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let op: Client;
  let sup: Client;
  let n = 0;
  const count = async (sql: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`))[0]!.n;
  /** A fresh source (stocked: 10 at 2 on day 1) and destination per test, so scenarios do not share stock. */
  const fresh = async () => {
    const loc = (code: string) => createLocation(w.ctx, { code: `TR-${dialect}-${code}-${++n}`, name: code, kind: 'warehouse' }).then((r) => r.body.id);
    const from = await loc('FROM');
    const to = await loc('TO');
    const transit = (await createLocation(w.ctx, { code: `TR-${dialect}-VIA-${n}`, name: 'truck', kind: 'transit' })).body.id;
    await post(w.ctx, { type: 'receipt', postedAt: at(1), lines: [{ variantId: w.variant.id, locationId: from, qty: '10', unitCost: '2', grade: 'good' }] });
    return { from, to, transit };
  };
  const ship = (p: { from: string; to: string; transit: string }, qty: string, extra: Record<string, unknown> = {}) =>
    op.post('/api/stock/transfers', { viaLocationId: p.transit, postedAt: at(2), lines: [{ variantId: w.variant.id, fromLocationId: p.from, toLocationId: p.to, qty, ...extra }] });
  const bal = (loc: string, grade = 'good') => balanceOf(t.db, w.variant.id, loc, null, grade);

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stockWorld(t.db, 'TT');
    const app = testApp(t.db);
    op = new Client(app, '10.6.0.1');
    await op.login('operator');
    sup = new Client(app, '10.6.0.2');
    await sup.login('supervisor');
  });
  afterAll(() => t.drop());

  it('ships to transit as one document in transit, then receives it in full at the destination with its cost', async () => {
    const p = await fresh();
    const shipped = await ship(p, '4');
    expect(shipped.status).toBe(201);
    expect(shipped.body).toMatchObject({ number: expect.stringMatching(/^TRF-/), status: 'in_transit', transit: { viaLocationId: p.transit, receivedAt: null } });
    expect(shipped.body.transit.lines).toEqual([expect.objectContaining({ line: 1, toLocationId: p.to, qty: '4', receivedQty: null })]);
    expect(await bal(p.from)).toMatchObject({ qty: '6', value: '12' });
    expect(await bal(p.transit)).toMatchObject({ qty: '4', value: '8' });
    expect(await bal(p.to)).toMatchObject({ qty: '0' });

    const received = await op.post(`/api/stock/documents/${shipped.body.id}/receive`, { note: 'pallet wrap torn' }, { 'idempotency-key': `rcv-${dialect}` });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'received', transit: { receivedAt: expect.any(String), lines: [expect.objectContaining({ receivedQty: '4', shortfallGrade: null })] } });
    expect(received.body.entries).toHaveLength(4);
    // the receiver's note is on the entries the receipt wrote
    expect(received.body.entries.slice(2).map((e: { reason: string }) => e.reason)).toEqual(['out of transit: pallet wrap torn', 'transfer in: pallet wrap torn']);
    expect(await bal(p.transit)).toMatchObject({ qty: '0', value: '0' });
    expect(await bal(p.to)).toMatchObject({ qty: '4', value: '8' });
    const replay = await op.post(`/api/stock/documents/${shipped.body.id}/receive`, { note: 'pallet wrap torn' }, { 'idempotency-key': `rcv-${dialect}` });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const again = await op.post(`/api/stock/documents/${shipped.body.id}/receive`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'state.illegal_transition', state: 'received' });
  });

  it('a shortfall stays in transit, or arrives in the grade the receiver names, each at its carried cost', async () => {
    const p = await fresh();
    const doc = (await op.post('/api/stock/transfers', {
      viaLocationId: p.transit, postedAt: at(2),
      lines: [
        { variantId: w.variant.id, fromLocationId: p.from, toLocationId: p.to, qty: '3' },
        { variantId: w.variant.id, fromLocationId: p.from, toLocationId: p.to, qty: '5' },
      ],
    })).body;
    const r = await op.post(`/api/stock/documents/${doc.id}/receive`, {
      postedAt: at(3),
      lines: [{ line: 1, receivedQty: '2' }, { line: 2, receivedQty: '4', shortfallGrade: 'damaged' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.transit.lines.map((l: { receivedQty: string; shortfallQty: string; shortfallGrade: string | null }) => [l.receivedQty, l.shortfallQty, l.shortfallGrade]))
      .toEqual([['2', '1', null], ['4', '1', 'damaged']]);
    expect(await bal(p.transit)).toMatchObject({ qty: '1', value: '2' });
    expect(await bal(p.to)).toMatchObject({ qty: '6', value: '12' });
    expect(await bal(p.to, 'damaged')).toMatchObject({ qty: '1', value: '2' });
    const damaged = r.body.entries.find((e: { grade: string }) => e.grade === 'damaged');
    expect(damaged).toMatchObject({ qty: '1', reason: 'received damaged', postedAt: at(3) });
  });

  it('a back-dated receipt at the source re-values both legs', async () => {
    const p = await fresh();
    const doc = (await ship(p, '4')).body;
    await op.post(`/api/stock/documents/${doc.id}/receive`, { postedAt: at(3) });
    expect(await bal(p.to)).toMatchObject({ qty: '4', value: '8' });
    // cheaper stock that was there first: FIFO now ships it
    await post(w.ctx, { type: 'receipt', postedAt: new Date(Date.UTC(2026, 0, 20)).toISOString(), lines: [{ variantId: w.variant.id, locationId: p.from, qty: '10', unitCost: '0.5', grade: 'good' }] });
    expect(await bal(p.to)).toMatchObject({ qty: '4', value: '2' });
    expect(await bal(p.from)).toMatchObject({ qty: '16', value: '23' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('cancelling a transfer in transit reverses its first leg; a received one cannot be cancelled', async () => {
    const p = await fresh();
    const doc = (await ship(p, '4')).body;
    const cancelled = await sup.post(`/api/stock/documents/${doc.id}/cancel`, { reason: 'truck broke down' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await bal(p.from)).toMatchObject({ qty: '10', value: '20' });
    expect(await bal(p.transit)).toMatchObject({ qty: '0', value: '0' });
    const late = await op.post(`/api/stock/documents/${doc.id}/receive`, {});
    expect(late.body).toMatchObject({ code: 'state.illegal_transition', state: 'cancelled' });

    const other = (await ship(p, '2')).body;
    await op.post(`/api/stock/documents/${other.id}/receive`, {});
    const refused = await sup.post(`/api/stock/documents/${other.id}/cancel`, { reason: 'oops' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'state.illegal_transition', state: 'received' });
    expect(await bal(p.to)).toMatchObject({ qty: '2', value: '4' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('refuses a bad shipment, naming the field, and writes nothing', async () => {
    const p = await fresh();
    const before = [await count('stock_document'), await count('stock_entry'), await count('audit_event')];
    const notTransit = await op.post('/api/stock/transfers', { viaLocationId: p.to, lines: [{ variantId: w.variant.id, fromLocationId: p.from, toLocationId: w.locations.second, qty: '1' }] });
    expect(notTransit.status).toBe(422);
    expect(notTransit.headers.get('content-type')).toContain('application/problem+json');
    expect(notTransit.body.errors).toEqual([{ field: 'viaLocationId', message: 'must be a transit location, not a warehouse' }]);
    const toTransit = await op.post('/api/stock/transfers', { viaLocationId: p.transit, lines: [{ variantId: w.variant.id, fromLocationId: p.from, toLocationId: p.transit, qty: '1' }] });
    expect(toTransit.status).toBe(422);
    expect(toTransit.body.errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.toLocationId']);
    const badGrade = await ship(p, '1', { toGrade: 'shiny' });
    expect(badGrade.status).toBe(422);
    expect(badGrade.body).toMatchObject({ code: 'inventory.grade_unknown', errors: [{ field: 'lines.0.toGrade' }] });
    const unknownVia = await op.post('/api/stock/transfers', { viaLocationId: '00000000-0000-7000-8000-000000000000', lines: [{ variantId: w.variant.id, fromLocationId: p.from, toLocationId: p.to, qty: '1' }] });
    expect(unknownVia.status).toBe(404);
    expect(unknownVia.body.errors).toEqual([{ field: 'viaLocationId', message: 'no such location' }]);
    const tooMuch = await ship(p, '11');
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'inventory.insufficient_stock', available: '10' });
    expect([await count('stock_document'), await count('stock_entry'), await count('audit_event')]).toEqual(before);
  });

  it('refuses a bad receipt, naming the field, and writes nothing', async () => {
    const p = await fresh();
    const doc = (await ship(p, '4')).body;
    const before = [await count('stock_entry'), await count('audit_event')];
    const receive = (body: unknown) => op.post(`/api/stock/documents/${doc.id}/receive`, body);
    const cases: Array<[unknown, number, string]> = [
      [{ lines: [{ line: 1, receivedQty: '5' }] }, 422, 'lines.0.receivedQty'],
      [{ lines: [{ line: 2, receivedQty: '1' }] }, 422, 'lines.0.line'],
      [{ lines: [{ line: 1, receivedQty: '1' }, { line: 1, receivedQty: '1' }] }, 422, 'lines.1.line'],
      [{ lines: [{ line: 1, receivedQty: '1', shortfallGrade: 'lost' }] }, 422, 'lines.0.shortfallGrade'],
      [{ lines: [{ line: 1, receivedQty: 1 }] }, 422, 'lines.0.receivedQty'],
      [{ postedAt: at(1) }, 422, 'postedAt'],
      [{ extra: true }, 422, 'extra'],
    ];
    for (const [body, status, field] of cases) {
      const r = await receive(body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    const notShipped = await post(w.ctx, { type: 'transfer', lines: [{ variantId: w.variant.id, fromLocationId: p.from, toLocationId: p.to, qty: '1', grade: 'good' }] });
    expect((await op.post(`/api/stock/documents/${notShipped.id}/receive`, {})).body).toMatchObject({ code: 'state.illegal_transition', state: 'posted' });
    expect((await op.post('/api/stock/documents/00000000-0000-7000-8000-000000000000/receive', {})).status).toBe(404);
    expect([await count('stock_entry') - 2, await count('audit_event') - 1]).toEqual(before);
    expect((await op.get(`/api/stock/documents/${doc.id}`)).body.status).toBe('in_transit');
  });
});
