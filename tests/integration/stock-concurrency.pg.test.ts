import Decimal from '../../src/contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/databases';
import { balanceOf, post, stockWorld, type StockWorld } from '../support/stock';
import { checkLedger } from '../../src/server/inventory/check-ledger';
import { postReturn } from '../../src/server/inventory/documents/post-return';
import { createLocation } from '../../src/server/inventory/commands/locations';

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

  it('8 concurrent returns of 2 against an issue of 10, with back-dated receipts re-valuing the issue: exactly 5 land, each worth a fifth of the issue', async () => {
    const loc = (await createLocation(w.ctx, { code: 'C-RET', name: 'returns', kind: 'warehouse' })).body.id;
    const back = (await createLocation(w.ctx, { code: 'C-RET-BACK', name: 'returned goods', kind: 'warehouse' })).body.id;
    const day = (n: number) => new Date(Date.now() - 86_400_000 * n).toISOString();
    await post(w.ctx, { type: 'receipt', postedAt: day(5), lines: [{ variantId: w.variant.id, locationId: loc, qty: '10', unitCost: '4', grade: 'good' }] });
    const issue = await post(w.ctx, { type: 'issue', postedAt: day(4), lines: [{ variantId: w.variant.id, locationId: loc, qty: '10', grade: 'good' }] });
    const jobs = [
      ...Array.from({ length: 8 }, (_, i) => postReturn(w.ctx, issue.id, { reason: 'customer return', lines: [{ line: 1, qty: '2', ...(i % 2 ? { locationId: back } : {}) }] }).then((r) => r.body)),
      // each cheaper layer, dated before the issue, changes what the issue — and so every return — is worth
      ...Array.from({ length: 3 }, (_, i) => post(w.ctx, { type: 'receipt', postedAt: day(8 - i), lines: [{ variantId: w.variant.id, locationId: loc, qty: '3', unitCost: String(i + 1), grade: 'good' }] })),
    ];
    const settled = await Promise.allSettled(jobs);
    const returns = settled.slice(0, 8);
    expect(returns.filter((s) => s.status === 'fulfilled')).toHaveLength(5);
    for (const s of returns) if (s.status === 'rejected') expect(s.reason.code).toBe('request.invalid');
    expect(settled.slice(8).every((s) => s.status === 'fulfilled')).toBe(true);
    // the issue took the three cheap layers (3 × 1 + 3 × 2 + 3 × 3) and one unit at 4
    const values = await t.db.query<{ value: string; type: string }>(
      `select v.value::text, d.type from stock_entry e join stock_entry_value v on v.entry_id = e.id join stock_document d on d.id = e.document_id
       where d.id = $1 or d.return_of = $1`, [issue.id],
    );
    expect(values.filter((v) => v.type === 'issue').map((v) => v.value)).toEqual(['-22']);
    expect(values.filter((v) => v.type === 'return').map((v) => v.value)).toEqual(Array(5).fill('4.4'));
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });
});
