import Decimal from '../../src/contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/databases';
import { balanceOf, post, stockWorld, type StockWorld } from '../support/stock';
import { checkLedger } from '../../src/server/inventory/check-ledger';

describe('stock under concurrency on PostgreSQL', () => {
  let t: TestDb;
  let w: StockWorld;
  beforeAll(async () => {
    t = await openTestDb('postgres', { maxConnections: 40 });
    w = await stockWorld(t.db, 'C');
  });
  afterAll(() => t.drop());

  it('32 concurrent issues of 1 against a stock of 10: exactly 10 succeed, the rest are refused, balance 0', async () => {
    const loc = w.locations.main;
    await post(w.ctx, { type: 'receipt', lines: [{ variantId: w.variant.id, locationId: loc, qty: '10', unitCost: '2.5', grade: 'good' }] });
    const settled = await Promise.allSettled(
      Array.from({ length: 32 }, () => post(w.ctx, { type: 'issue', lines: [{ variantId: w.variant.id, locationId: loc, qty: '1', grade: 'good' }] })),
    );
    const ok = settled.filter((s) => s.status === 'fulfilled');
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(22);
    for (const r of refused) expect(r.reason.code).toBe('inventory.insufficient_stock');
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '0', value: '0' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('concurrent transfers both ways and back-dated receipts keep every figure consistent', async () => {
    const [a, b] = [w.locations.second, w.locations.transit];
    await post(w.ctx, { type: 'receipt', lines: [{ variantId: w.variant.id, locationId: a, qty: '50', unitCost: '3', grade: 'good' }, { variantId: w.variant.id, locationId: b, qty: '50', unitCost: '5', grade: 'good' }] });
    const jobs = Array.from({ length: 24 }, (_, i) => {
      if (i % 6 === 5) return post(w.ctx, { type: 'receipt', postedAt: new Date(Date.now() - 86_400_000 * (1 + (i % 3))).toISOString(), lines: [{ variantId: w.variant.id, locationId: i % 2 ? a : b, qty: '2', unitCost: '1', grade: 'good' }] });
      const [from, to] = i % 2 ? [a, b] : [b, a];
      return post(w.ctx, { type: 'transfer', lines: [{ variantId: w.variant.id, fromLocationId: from, toLocationId: to, qty: '3', grade: 'good' }] });
    });
    const settled = await Promise.allSettled(jobs);
    for (const s of settled) if (s.status === 'rejected') expect(s.reason.code).toBe('inventory.insufficient_stock');
    const total = new Decimal((await balanceOf(t.db, w.variant.id, a)).qty).plus((await balanceOf(t.db, w.variant.id, b)).qty);
    const receipts = settled.filter((s, i) => i % 6 === 5 && s.status === 'fulfilled').length;
    expect(total.toString()).toBe(String(100 + receipts * 2));
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });
});
