import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { balanceOf, post, stockWorld, type StockWorld } from '../../../tests/support/stock';
import { createLocation } from './commands/locations';
import { checkLedger } from './check-ledger';
import { cancelDocument } from './documents/cancel-document';

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 1, day, hour)).toISOString();

describe.each(DIALECTS)('costs carried through negative stock on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let n = 0;
  const fresh = (allowNegative: boolean) =>
    createLocation(w.ctx, { code: `CL-${dialect}-${++n}`, name: 'loc', kind: 'warehouse', allowNegative }).then((r) => r.body.id);
  const line = () => ({ variantId: w.variant.id, lotId: null, grade: 'good' });
  const receipt = (loc: string, qty: string, unitCost: string, day: number) =>
    post(w.ctx, { type: 'receipt', postedAt: at(day), lines: [{ ...line(), locationId: loc, qty, unitCost }] });
  const transfer = (from: string, to: string, qty: string, day: number, hour?: number) =>
    post(w.ctx, { type: 'transfer', postedAt: at(day, hour), lines: [{ ...line(), fromLocationId: from, toLocationId: to, qty }] });

  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stockWorld(t.db, 'CL');
  });
  afterAll(() => t.drop());

  it('refuses a posting after which stock taken while short would carry its own cost back, in any order', async () => {
    // a loop with a factor of one has every value as a fixed point (before: whatever was stored)
    const [a, b] = [await fresh(true), await fresh(true)];
    await transfer(a, b, '10', 2);
    await expect(transfer(b, a, '10', 3)).rejects.toMatchObject({ code: 'state.conflict', message: /depend on itself/ });
    // a shrinking loop (x = 10 + x/2) settled within the old round limit or not, and on 20 or
    // 19.999999 depending on the order of postings
    const [c, d] = [await fresh(true), await fresh(true)];
    await receipt(c, '5', '2', 1);
    await transfer(c, d, '10', 2);
    await expect(transfer(d, c, '10', 3)).rejects.toMatchObject({ code: 'state.conflict' });
    expect(await balanceOf(t.db, w.variant.id, c)).toMatchObject({ qty: '-5', value: '-10' });
    expect(await balanceOf(t.db, w.variant.id, d)).toMatchObject({ qty: '10', value: '20' });
    // no loop while the receipt covers what is sent; cancelling it would close one
    const [e, f] = [await fresh(true), await fresh(true)];
    const r = await receipt(e, '10', '1', 1);
    await transfer(e, f, '10', 2);
    await transfer(f, e, '10', 3);
    await expect(cancelDocument(w.ctx, r.id, 'wrong')).rejects.toMatchObject({ code: 'state.conflict' });
    expect(await balanceOf(t.db, w.variant.id, e)).toMatchObject({ qty: '10', value: '10' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('takes stock filling a shortage at the cost it carries, and re-values it when that cost changes', async () => {
    const [side, store] = [await fresh(true), await fresh(false)];
    const issue = await post(w.ctx, { type: 'issue', postedAt: at(1), lines: [{ ...line(), locationId: side, qty: '4' }] });
    await receipt(store, '10', '3', 1);
    await transfer(store, side, '10', 2);
    const value = async () => (await t.db.query<{ value: string }>('select value from stock_entry_value where entry_id = $1', [issue.entries[0]!.id]))[0]!.value;
    expect(await value()).toBe('-12');
    await receipt(store, '10', '1', 0);
    expect(await value()).toBe('-4');
    expect(await balanceOf(t.db, w.variant.id, side)).toMatchObject({ qty: '6', value: '6' });
  });

  it('re-values a chain of more transfers than rounds of propagation used to be allowed', async () => {
    const [a, b] = [await fresh(false), await fresh(false)];
    await receipt(a, '10', '1', 1);
    for (let i = 0; i < 110; i++) await transfer(i % 2 ? b : a, i % 2 ? a : b, '10', 2 + Math.floor(i / 24), i % 24);
    await receipt(a, '10', '2', 0); // was refused: "Costs did not settle through transfers"
    expect(await balanceOf(t.db, w.variant.id, a)).toMatchObject({ qty: '20', value: '30' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });
});
