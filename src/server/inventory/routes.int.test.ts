import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { Client, silentLog, testApp } from '../../../tests/support/app';
import { seedPeople } from '../seed/people';
import { stockWorld, type StockWorld } from '../../../tests/support/stock';

describe.each(DIALECTS)('stock over HTTP on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let sup: Client;
  let op: Client;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await stockWorld(t.db, 'H');
    const app = testApp(t.db);
    sup = new Client(app, '10.4.0.1');
    await sup.login('supervisor');
    op = new Client(app, '10.4.0.2');
    await op.login('operator');
  });
  afterAll(() => t.drop());

  it('receives, refuses an over-issue with the facts, lists balances and the ledger', async () => {
    const line = { variantId: w.variant.id, locationId: w.locations.main, lotId: w.lots.a };
    const rcv = await op.post('/api/stock/receipts', { lines: [{ ...line, qty: '12.5', unitCost: '4' }] }, { 'idempotency-key': 'rcv-1' });
    expect(rcv.status).toBe(201);
    expect(rcv.body.number).toMatch(/^RCV-\d{6}$/);
    const again = await op.post('/api/stock/receipts', { lines: [{ ...line, qty: '12.5', unitCost: '4' }] }, { 'idempotency-key': 'rcv-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const over = await op.post('/api/stock/issues', { lines: [{ ...line, qty: '20' }] });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'inventory.insufficient_stock', required: '20', available: '12.5', shortage: '7.5' });
    const bal = await op.get(`/api/stock/balances?variantId=${w.variant.id}`);
    expect(bal.body.items).toEqual([expect.objectContaining({ qty: '12.5', value: '50', available: '12.5', lotCode: 'H-LOT-A' })]);
    const entries = await op.get(`/api/stock/entries?locationId=${w.locations.main}`);
    expect(entries.body.items[0]).toMatchObject({ qty: '12.5', qtyBefore: '0', qtyAfter: '12.5', documentType: 'receipt', actorLabel: 'operator' });
  });

  it('an adjustment needs a reason and a note, and only a supervisor may post one', async () => {
    const line = { variantId: w.variant.id, locationId: w.locations.main, lotId: w.lots.a, qty: '-1' };
    expect((await op.post('/api/stock/adjustments', { reason: 'damaged', note: 'dropped', lines: [line] })).status).toBe(403);
    const noNote = await sup.post('/api/stock/adjustments', { reason: 'damaged', lines: [line] });
    expect(noNote.status).toBe(422);
    expect(noNote.body.errors.map((e: { field: string }) => e.field)).toContain('note');
    const ok = await sup.post('/api/stock/adjustments', { reason: 'damaged', note: 'dropped a bag', lines: [line] });
    expect(ok.status).toBe(201);
    expect(ok.body.entries[0]).toMatchObject({ qty: '-1', qtyBefore: '12.5', qtyAfter: '11.5', reason: 'damaged', note: 'dropped a bag', actorLabel: 'supervisor' });
  });

  it('rejects quantities sent as JSON numbers or with too many decimals', async () => {
    const bad = await op.post('/api/stock/receipts', { lines: [{ variantId: w.variant.id, locationId: w.locations.main, qty: 1.5, unitCost: '1.1234567' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['lines.0.qty', 'lines.0.unitCost']));
  });
});
