import Decimal from '../../src/contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/databases';
import { balanceOf, post, stockWorld, type StockWorld } from '../support/stock';
import { reserveStock } from '../../src/server/inventory/commands/reservations';

describe('concurrent reservations on PostgreSQL', () => {
  let t: TestDb;
  let w: StockWorld;
  beforeAll(async () => {
    t = await openTestDb('postgres', { maxConnections: 40 });
    w = await stockWorld(t.db, 'RR');
  });
  afterAll(() => t.drop());

  it('never exceed what is available, while issues run beside them', async () => {
    const loc = w.locations.main;
    await post(w.ctx, { type: 'receipt', lines: [{ variantId: w.variant.id, locationId: loc, qty: '20', unitCost: '1', grade: 'good' }] });
    const jobs = Array.from({ length: 30 }, (_, i) =>
      i % 5 === 0
        ? post(w.ctx, { type: 'issue', lines: [{ variantId: w.variant.id, locationId: loc, qty: '1', grade: 'good' }] })
        : reserveStock(w.ctx, { variantId: w.variant.id, locationId: loc, qty: '1', grade: 'good' }),
    );
    const settled = await Promise.allSettled(jobs);
    const ok = settled.filter((s) => s.status === 'fulfilled').length;
    expect(ok).toBe(20);
    const b = await balanceOf(t.db, w.variant.id, loc);
    expect(new Decimal(b.reserved).lessThanOrEqualTo(b.qty)).toBe(true);
    const issued = settled.filter((s, i) => i % 5 === 0 && s.status === 'fulfilled').length;
    expect(b.qty).toBe(String(20 - issued));
    expect(b.reserved).toBe(String(20 - issued));
  });
});
