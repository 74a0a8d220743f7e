import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { cancelDocument, checkLedger, postDocument } from '../../inventory';
import { createRegion } from '../master/regions';
import { createStampOrder } from './commands/create-stamp-order';
import { receiveStampOrder } from './commands/receive-stamp-order';
import { cancelStampOrder } from './commands/cancel-stamp-order';
import { listStampOrders } from './queries/list-stamp-orders';
import { stampStock } from './queries/stamp-stock';

describe.each(DIALECTS)('stamp orders and the stamp ledger on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stampingWorld(t.db, 'S');
  });
  afterAll(() => t.drop());

  /** A region of its own per test, so ledgers never mix. */
  const region = async (code: string, name: string) => (await createRegion(w.ctx, { code, name, colour: 'blue' })).body;
  const useStamps = (stampVariantId: string, qty: string) =>
    postDocument(w.ctx, { type: 'issue', reason: 'stamping run', lines: [{ variantId: stampVariantId, locationId: w.setup.stampLocationId, lotId: null, grade: 'good', qty }] });
  const stockOf = async (code: string) => (await stampStock(t.db)).find((r) => r.regionCode === code)!;
  const counts = async () => (await t.db.query<{ audit: number; entries: number; docs: number }>(
    `select (select count(*)::int from audit_event) as audit, (select count(*)::int from stock_entry) as entries, (select count(*)::int from stock_document) as docs`,
  ))[0]!;

  it('reproduces the seed’s ledger: received, used and remaining per region', async () => {
    const table = [
      ['l_fed', 'Federal', '30000', '12000', '18000'],
      ['l_ont', 'Ontario', '20000', '8000', '12000'],
      ['l_qc', 'Quebec', '10000', '4000', '6000'],
      ['l_ab', 'Alberta', '7000', '3000', '4000'],
      ['l_mb', 'Manitoba', '5000', '2000', '3000'],
    ] as const;
    for (const [code, name, received, used] of table) {
      const r = await region(code, name);
      await createStampOrder(w.ctx, { regionCode: code, qty: received, supplier: 'Canada Revenue Agency', received: true });
      await useStamps(r.stampVariantId, used);
    }
    for (const [code, name, received, used, remaining] of table) {
      expect(await stockOf(code)).toMatchObject({ regionName: name, received, used, remaining, reserved: '0', free: remaining, shortfall: '0', warning: null });
    }
  });

  it('a cancelled receipt lowers received, a cancelled issue lowers used, never both', async () => {
    const r = await region('l_rev', 'Reversals');
    await createStampOrder(w.ctx, { regionCode: 'l_rev', qty: '1000', received: true });
    const extra = (await createStampOrder(w.ctx, { regionCode: 'l_rev', qty: '250', received: true })).body;
    const issue = (await useStamps(r.stampVariantId, '300')).body;
    await useStamps(r.stampVariantId, '100');
    await cancelDocument(w.ctx, extra.documentId!, 'counted twice');
    await cancelDocument(w.ctx, issue.id, 'wrong region');
    expect(await stockOf('l_rev')).toMatchObject({ received: '1000', used: '100', remaining: '900' });
  });

  it('creates ordered orders numbered STO-nnnnnn; receiving posts exactly one receipt; a second receive is a 409 that writes nothing', async () => {
    const r = await region('l_rcv', 'Receiving');
    const order = (await createStampOrder(w.ctx, { regionCode: 'l_rcv', qty: '1501', supplier: 'CRA', orderedOn: '2024-03-01', note: 'Q2' })).body;
    expect(order).toMatchObject({ status: 'ordered', qty: '1501', supplier: 'CRA', orderedOn: '2024-03-01', note: 'Q2', regionName: 'Receiving', receivedAt: null, documentId: null });
    expect(order.number).toMatch(/^STO-\d{6}$/);
    expect((await stockOf('l_rcv')).received).toBe('0');

    const received = (await receiveStampOrder(w.ctx, order.id)).body;
    expect(received).toMatchObject({ status: 'received', documentId: expect.any(String), receivedAt: expect.any(String) });
    const entries = await t.db.query<{ qty: string; location_id: string; variant_id: string; source_type: string; source_id: string }>(
      `select e.qty, k.location_id, k.variant_id, d.source_type, d.source_id from stock_entry e join stock_key k on k.id = e.key_id
       join stock_document d on d.id = e.document_id where d.source_type = 'stamp_order' and d.source_id = $1`, [order.id],
    );
    expect(entries).toEqual([{ qty: '1501', location_id: w.setup.stampLocationId, variant_id: r.stampVariantId, source_type: 'stamp_order', source_id: order.id }]);
    expect(await stockOf('l_rcv')).toMatchObject({ received: '1501', used: '0', remaining: '1501' });

    const before = await counts();
    await expect(receiveStampOrder(w.ctx, order.id)).rejects.toMatchObject({ code: 'state.illegal_transition', status: 409, extra: { state: 'received' } });
    expect(await counts()).toEqual(before);
  });

  it('two receives at once post one receipt', async () => {
    await region('l_race', 'Race');
    const order = (await createStampOrder(w.ctx, { regionCode: 'l_race', qty: '400' })).body;
    const results = await Promise.allSettled([receiveStampOrder(w.ctx, order.id), receiveStampOrder(w.ctx, order.id)]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((x) => x.status === 'rejected')).toMatchObject({ reason: { code: 'state.illegal_transition' } });
    expect((await stockOf('l_race')).received).toBe('400');
  });

  it('cancels only an ordered order; a cancelled order is never received', async () => {
    await region('l_cxl', 'Cancelling');
    const open = (await createStampOrder(w.ctx, { regionCode: 'l_cxl', qty: '10' })).body;
    expect((await cancelStampOrder(w.ctx, open.id)).body.status).toBe('cancelled');
    await expect(cancelStampOrder(w.ctx, open.id)).rejects.toMatchObject({ code: 'state.illegal_transition', extra: { state: 'cancelled' } });
    await expect(receiveStampOrder(w.ctx, open.id)).rejects.toMatchObject({ code: 'state.illegal_transition', extra: { state: 'cancelled' } });
    const done = (await createStampOrder(w.ctx, { regionCode: 'l_cxl', qty: '20', received: true })).body;
    await expect(cancelStampOrder(w.ctx, done.id)).rejects.toMatchObject({ code: 'state.illegal_transition', extra: { state: 'received' } });
    await expect(cancelStampOrder(w.ctx, '00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'stamping.stamp_order_not_found', status: 404 });
    expect(await stockOf('l_cxl')).toMatchObject({ received: '20', remaining: '20' });
  });

  it('refuses an unknown region, naming the field, and writes nothing', async () => {
    const before = await counts();
    await expect(createStampOrder(w.ctx, { regionCode: 'atlantis', qty: '5' })).rejects.toMatchObject({
      code: 'stamping.region_not_found', extra: { errors: [{ field: 'regionCode', message: 'no such region' }] },
    });
    await expect(createStampOrder(w.ctx, { regionCode: 'federal', qty: '5', orderedOn: '2999-01-01' })).rejects.toMatchObject({
      code: 'request.invalid', extra: { errors: [{ field: 'orderedOn', message: 'cannot be in the future' }] },
    });
    expect(await counts()).toEqual(before);
  });

  it('lists by region and status, page by page', async () => {
    await region('l_list', 'Listing');
    for (const qty of ['1', '2', '3']) await createStampOrder(w.ctx, { regionCode: 'l_list', qty });
    await createStampOrder(w.ctx, { regionCode: 'l_list', qty: '4', received: true });
    const first = await listStampOrders(t.db, { regionCode: 'l_list', status: 'ordered' }, { limit: 2 });
    expect(first.items.map((o) => o.qty)).toEqual(['3', '2']);
    const second = await listStampOrders(t.db, { regionCode: 'l_list', status: 'ordered' }, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((o) => o.qty)).toEqual(['1']);
    expect(second.nextCursor).toBeNull();
    const byNumber = await listStampOrders(t.db, { regionCode: 'l_list' }, { limit: 10, sort: 'number' });
    expect(byNumber.items.map((o) => o.qty)).toEqual(['1', '2', '3', '4']);
  });

  it('leaves a ledger that checks out', async () => {
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });
});
