import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { stampingWorld } from '../../../../tests/support/stamping';
import { Client, silentLog, signIn } from '../../../../tests/support/app';
import { seedPeople } from '../../seed/people';

describe.each(DIALECTS)('stamp inventory over HTTP on %s', (dialect) => {
  let t: TestDb;
  let sup: Client;
  let op: Client;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    await stampingWorld(t.db, 'H');
    [sup, op] = await signIn(t.db, 'supervisor', 'operator');
  });
  afterAll(() => t.drop());

  const audits = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from audit_event'))[0]!.n;
  const ontario = async (c: Client) => {
    const r = await c.get('/api/stamping/stamp-stock?horizonDays=7');
    expect(r.status).toBe(200);
    return r.body.items.find((i: { regionCode: string }) => i.regionCode === 'ontario');
  };

  it('a supervisor orders stamps, receives them once, and the stock shows them', async () => {
    const created = await sup.post('/api/stamping/stamp-orders', { regionCode: 'ontario', qty: '20000', supplier: 'CRA', note: 'spring batch' }, { 'idempotency-key': 'sto-1' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: expect.stringMatching(/^STO-\d{6}$/), status: 'ordered', regionName: 'Ontario', qty: '20000' });
    const replay = await sup.post('/api/stamping/stamp-orders', { regionCode: 'ontario', qty: '20000', supplier: 'CRA', note: 'spring batch' }, { 'idempotency-key': 'sto-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(created.body.id);

    const received = await sup.post(`/api/stamping/stamp-orders/${created.body.id}/receive`);
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'received', documentId: expect.any(String) });
    const again = await sup.post(`/api/stamping/stamp-orders/${created.body.id}/receive`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'state.illegal_transition', state: 'received' });

    // everyone on staff reads stamp stock
    expect(await ontario(op)).toMatchObject({ regionName: 'Ontario', colour: 'blue', received: '20000', used: '0', remaining: '20000', warning: null });
    const list = await op.get('/api/stamping/stamp-orders?regionCode=ontario&status=received');
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
  });

  it('refuses an operator (403) and a bad quantity (422 naming the field), writing nothing', async () => {
    const before = await audits();
    const denied = await op.post('/api/stamping/stamp-orders', { regionCode: 'ontario', qty: '100' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('auth.forbidden');
    for (const qty of ['0', '-5', 5, 'lots']) {
      const bad = await sup.post('/api/stamping/stamp-orders', { regionCode: 'ontario', qty });
      expect(bad.status, String(qty)).toBe(422);
      expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))]).toEqual(['qty']);
    }
    const unknown = await sup.post('/api/stamping/stamp-orders', { regionCode: 'atlantis', qty: '1' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual([{ field: 'regionCode', message: 'no such region' }]);
    expect((await sup.get('/api/stamping/stamp-orders?status=lost')).status).toBe(422);
    expect(await audits()).toBe(before);
  });

  it('cancels an ordered order, and only that; an operator cannot', async () => {
    const order = (await sup.post('/api/stamping/stamp-orders', { regionCode: 'federal', qty: '500', orderedOn: '2024-05-02' })).body;
    expect((await op.post(`/api/stamping/stamp-orders/${order.id}/cancel`)).status).toBe(403);
    const cancelled = await sup.post(`/api/stamping/stamp-orders/${order.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', orderedOn: '2024-05-02' });
    expect((await sup.post(`/api/stamping/stamp-orders/${order.id}/receive`)).status).toBe(409);
    expect((await sup.post('/api/stamping/stamp-orders/00000000-0000-7000-8000-000000000000/cancel')).body.code).toBe('stamping.stamp_order_not_found');
    const already = await sup.post('/api/stamping/stamp-orders', { regionCode: 'quebec', qty: '10', received: true });
    expect(already.body.status).toBe('received');
    expect((await sup.post(`/api/stamping/stamp-orders/${already.body.id}/cancel`)).status).toBe(409);
  });
});
