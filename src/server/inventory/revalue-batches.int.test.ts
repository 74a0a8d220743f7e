import Decimal from '../../contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { balanceOf, post, stockWorld, writeLongKey, type StockWorld } from '../../../tests/support/stock';
import { LedgerModel } from '../../../tests/support/ledger-model';
import { checkLedger } from './check-ledger';

/**
 * Re-valuation starts at the posting's moment and writes a key's figures in batches of 4,096 rows
 * as its pass goes (migration 0014). Keys longer than a batch, with rows waiting for a later layer
 * across and beyond a batch, and passes starting far from the FIFO head, must come out exactly as
 * the reference model values them.
 */
const FIRST = Date.UTC(2025, 0, 1);

describe.each(DIALECTS)('re-valuing keys longer than a write batch on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stockWorld(t.db, 'RB');
  });
  afterAll(() => t.drop());

  const longKey = (locationId: string, n: number, qty: string, cost: string) =>
    writeLongKey(t.db, { variantId: w.variant.id, locationId }, new Date(FIRST), n, qty, cost);

  /** The key's stored values against the model's, entry by entry, and its balance. */
  async function expectModelFigures(keyId: string, locationId: string) {
    const rows = await t.db.query<{ id: string; at: Date; qty: string; unit_cost: string | null; value: string }>(
      `select e.id::text, e.posted_at as at, e.qty::text, e.unit_cost::text, v.value::text
       from stock_entry e join stock_entry_value v on v.entry_id = e.id where e.key_id = $1 order by e.id`,
      [keyId],
    );
    const model = new LedgerModel();
    const ids = rows.map((r) =>
      model.add({ key: keyId, postedAt: r.at.getTime(), qty: new Decimal(r.qty), unitCost: r.unit_cost === null ? null : new Decimal(r.unit_cost), costSource: null, reverses: null, doc: 1 }).id,
    );
    model.revalue();
    const wrong = rows.flatMap((r, i) => {
      const expected = model.values.get(ids[i]!)!;
      return new Decimal(r.value).equals(expected) ? [] : [`entry ${r.id}: ${r.value}, model ${expected.toString()}`];
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    const b = await balanceOf(t.db, w.variant.id, locationId);
    const m = model.balance(keyId);
    expect([b.qty, b.value].map((x) => new Decimal(x).toString())).toEqual([m.qty.toString(), m.value.toString()]);
  }

  it('a back-dated receipt re-values 5,000 later receipts and issues exactly', async () => {
    const loc = w.locations.main;
    const keyId = await longKey(loc, 5_000, 'case when g % 2 = 1 then 10 else -5 end', 'case when g % 2 = 1 then 1 + (g % 13) * 0.25 end');
    await expectModelFigures(keyId, loc);
    await post(w.ctx, { type: 'receipt', postedAt: new Date(FIRST - 86_400_000).toISOString(), lines: [{ variantId: w.variant.id, locationId: loc, qty: '3', unitCost: '0.5', grade: 'good' }] });
    await expectModelFigures(keyId, loc);
  });

  it('a posting dated before the last entries re-values from there, its FIFO head 2,500 entries back', async () => {
    // stock grows by 5 a pair: the oldest open layer is halfway back when the pass starts
    const loc = w.locations.second;
    const keyId = await longKey(loc, 5_000, 'case when g % 2 = 1 then 10 else -5 end', 'case when g % 2 = 1 then 1 + (g % 11) * 0.5 end');
    const at = (g: number) => new Date(FIRST + g * 1000 - 500).toISOString();
    await post(w.ctx, { type: 'receipt', postedAt: at(4_900), lines: [{ variantId: w.variant.id, locationId: loc, qty: '4', unitCost: '0.25', grade: 'good' }] });
    await expectModelFigures(keyId, loc);
    // an issue larger than the next layers, then one emptying the key before its last two entries
    // (a receipt of 10 and an issue of 5)
    await post(w.ctx, { type: 'issue', postedAt: at(4_990), lines: [{ variantId: w.variant.id, locationId: loc, qty: '37', grade: 'good' }] });
    await expectModelFigures(keyId, loc);
    const { qty } = await balanceOf(t.db, w.variant.id, loc);
    await post(w.ctx, { type: 'issue', postedAt: at(4_999), lines: [{ variantId: w.variant.id, locationId: loc, qty: new Decimal(qty).minus(5).toString(), grade: 'good' }] });
    await expectModelFigures(keyId, loc);
  });

  it('rows waiting for a later layer beyond a batch are valued when it comes', async () => {
    // stock allowed negative: 4,500 issues of 1 before any layer but the seed's, then receipts
    const loc = w.locations.loose;
    const keyId = await longKey(loc, 4_700, 'case when g <= 4500 then -1 else 30 end', 'case when g > 4500 then 2 + (g % 7) * 0.125 end');
    await expectModelFigures(keyId, loc);
    await post(w.ctx, { type: 'receipt', postedAt: new Date(FIRST - 86_400_000).toISOString(), lines: [{ variantId: w.variant.id, locationId: loc, qty: '7', unitCost: '0.75', grade: 'good' }] });
    await expectModelFigures(keyId, loc);
    const { violations } = await checkLedger(t.db);
    expect(violations).toEqual([]);
  });
});
