import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { balanceOf, post, stockWorld, type StockWorld } from '../../../tests/support/stock';
import { cancelDocument } from './documents/cancel-document';
import { balanceAt } from './queries/as-of';
import { getDocument } from './queries/get-document';
import { checkLedger } from './check-ledger';

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12)).toISOString();

describe.each(DIALECTS)('stock ledger on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let n = 0;
  /** A fresh warehouse per test, so scenarios do not share stock. */
  const fresh = async () => (await import('./commands/locations')).createLocation(w.ctx, { code: `WH-${dialect}-${++n}`, name: 'wh', kind: 'warehouse' }).then((r) => r.body.id);
  const receipt = (loc: string, qty: string, unitCost: string, day: number) =>
    post(w.ctx, { type: 'receipt', postedAt: at(day), lines: [{ variantId: w.variant.id, locationId: loc, qty, unitCost, grade: 'good' }] });
  const issue = (loc: string, qty: string, day: number) =>
    post(w.ctx, { type: 'issue', postedAt: at(day), lines: [{ variantId: w.variant.id, locationId: loc, qty, grade: 'good' }] });

  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stockWorld(t.db);
  });
  afterAll(() => t.drop());

  it('values an issue FIFO across layers', async () => {
    const loc = await fresh();
    await receipt(loc, '10', '2', 1);
    await receipt(loc, '10', '3', 2);
    const doc = await issue(loc, '15', 3);
    expect(doc.entries[0]).toMatchObject({ qty: '-15', value: '-35', qtyBefore: '20', qtyAfter: '5' });
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '5', value: '15' });
  });

  it('answers a posting of several lines as reading the document back does, every entry whole', async () => {
    const loc = await fresh();
    const other = await fresh();
    const doc = await post(w.ctx, { type: 'receipt', postedAt: at(1), note: 'three lines', lines: [
      { variantId: w.variant.id, locationId: loc, qty: '4', unitCost: '2', grade: 'good' },
      { variantId: w.variant.id, locationId: other, lotId: w.lots.a, qty: '5', unitCost: '3', grade: 'good' },
      { variantId: w.variant.id, locationId: loc, qty: '6', unitCost: '2.5', grade: 'good' },
    ] });
    expect(doc.entries.map((e) => [e.documentId, e.documentNumber, e.note, e.postedAt])).toEqual(Array(3).fill([doc.id, doc.number, 'three lines', doc.postedAt]));
    expect(doc).toEqual(await getDocument(t.db, doc.id));
  });

  it('a back-dated receipt re-values every later issue at once', async () => {
    const loc = await fresh();
    await receipt(loc, '10', '2', 2);
    const iss = await issue(loc, '10', 4);
    expect(iss.entries[0]!.value).toBe('-20');
    await receipt(loc, '10', '1', 1); // earlier than everything
    const [v] = await t.db.query<{ value: string }>('select value from stock_entry_value where entry_id = $1', [iss.entries[0]!.id]);
    expect(v!.value).toBe('-10');
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '10', value: '20' });
  });

  it('cancelling a receipt moves later issues onto the next layer', async () => {
    const loc = await fresh();
    const a = await receipt(loc, '10', '2', 1);
    await receipt(loc, '10', '3', 2);
    const iss = await issue(loc, '10', 3);
    const cancelled = await cancelDocument(w.ctx, a.id, 'wrong supplier');
    expect(cancelled.body.status).toBe('cancelled');
    const [v] = await t.db.query<{ value: string }>('select value from stock_entry_value where entry_id = $1', [iss.entries[0]!.id]);
    expect(v!.value).toBe('-30');
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '0', value: '0' });
    await expect(cancelDocument(w.ctx, a.id, 'again')).rejects.toMatchObject({ code: 'inventory.already_cancelled' });
  });

  it('refuses a cancellation or back-dated issue that would go negative at some moment', async () => {
    const loc = await fresh();
    const r = await receipt(loc, '10', '2', 2);
    await issue(loc, '10', 3);
    await expect(cancelDocument(w.ctx, r.id, 'x')).rejects.toMatchObject({ code: 'inventory.insufficient_stock' });
    await expect(issue(loc, '1', 1)).rejects.toMatchObject({ code: 'inventory.insufficient_stock' });
    await receipt(loc, '5', '2', 4);
    // would break day 3, and the error says so
    await expect(issue(loc, '1', 2)).rejects.toMatchObject({ code: 'inventory.insufficient_stock', extra: { at: at(3) } });
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '5', value: '10' });
  });

  it('judges a moment by what all its entries leave: a receipt whose issue was cancelled is cancelled in turn', async () => {
    const loc = await fresh();
    const r = await receipt(loc, '10', '1', 1);
    const iss = await issue(loc, '4', 2);
    await cancelDocument(w.ctx, iss.id, 'issued by mistake');
    // the issue and its reversal share day 2: no moment there is below zero once the receipt goes
    expect((await cancelDocument(w.ctx, r.id, 'wrong delivery')).body.status).toBe('cancelled');
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '0', value: '0' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
    // a live issue still holds its receipt
    const r2 = await receipt(loc, '10', '1', 3);
    await issue(loc, '4', 4);
    await expect(cancelDocument(w.ctx, r2.id, 'x')).rejects.toMatchObject({ code: 'inventory.insufficient_stock', extra: { at: at(4) } });
  });

  it('names the stock, the need and what is available', async () => {
    const loc = await fresh();
    await receipt(loc, '3', '1', 1);
    const err = await issue(loc, '5', 2).catch((e) => e);
    expect(err.code).toBe('inventory.insufficient_stock');
    expect(err.extra).toMatchObject({ required: '5', available: '3', shortage: '2' });
    expect(err.message).toMatch(/T-RESIN at WH-/);
  });

  it('a transfer carries its FIFO cost, and a back-dated receipt at the source re-values the destination', async () => {
    const src = await fresh();
    const dst = await fresh();
    await receipt(src, '10', '4', 2);
    const trf = await post(w.ctx, { type: 'transfer', postedAt: at(3), lines: [{ variantId: w.variant.id, fromLocationId: src, toLocationId: dst, qty: '10', grade: 'good' }] });
    expect(trf.entries.map((e) => e.value)).toEqual(['-40', '40']);
    await receipt(src, '10', '1', 1);
    expect(await balanceOf(t.db, w.variant.id, dst)).toMatchObject({ qty: '10', value: '10' });
    expect(await balanceOf(t.db, w.variant.id, src)).toMatchObject({ qty: '10', value: '40' });
  });

  it('a count posts the difference; an adjustment without a cost uses the average cost', async () => {
    const loc = await fresh();
    await receipt(loc, '10', '3', 1);
    const count = await post(w.ctx, { type: 'count', postedAt: at(2), note: 'cycle count', lines: [{ variantId: w.variant.id, locationId: loc, countedQty: '7', grade: 'good' }] });
    expect(count.entries[0]).toMatchObject({ qty: '-3', qtyAfter: '7', value: '-9' });
    const adj = await post(w.ctx, { type: 'adjustment', postedAt: at(3), reason: 'found', note: 'behind the rack', lines: [{ variantId: w.variant.id, locationId: loc, qty: '2', grade: 'good' }] });
    expect(adj.entries[0]).toMatchObject({ qty: '2', value: '6' });
  });

  it('stock found without a price where its item never was takes the item\'s valuation rate elsewhere', async () => {
    const { createItem } = await import('../catalog/commands/create-item');
    const { requestVariant } = await import('../catalog/commands/get-or-create-variant');
    const item = (await createItem(w.ctx, { code: `PRICED-${dialect}`, name: 'Priced', kind: 'material', uom: 'kg', attributes: [] })).body;
    const variantId = (await requestVariant(w.ctx, item.id, {})).id;
    const [a, b, c, d] = [await fresh(), await fresh(), await fresh(), await fresh()];
    const line = (locationId: string, qty: string) => ({ variantId, locationId, qty, grade: 'good' });
    await post(w.ctx, { type: 'receipt', postedAt: at(1), lines: [{ ...line(a, '10'), unitCost: '2' }, { ...line(b, '30'), unitCost: '4' }] });
    // 10 at 2 and 30 at 4 on hand: 140 / 40 = 3.5 a kg at a new place, by adjustment or by count
    const adj = await post(w.ctx, { type: 'adjustment', postedAt: at(2), reason: 'found', note: 'a sack in the yard', lines: [{ ...line(c, '2') }] });
    expect(adj.entries[0]).toMatchObject({ qty: '2', value: '7' });
    const count = await post(w.ctx, { type: 'count', postedAt: at(2), note: 'cycle count', lines: [{ variantId, locationId: d, grade: 'good', countedQty: '4' }] });
    expect(count.entries[0]).toMatchObject({ qty: '4', value: '14' });
    // none on hand anywhere: the latest cost it came in at (the count's, after the receipt's)
    await post(w.ctx, { type: 'issue', postedAt: at(3), lines: [line(a, '10'), line(b, '30'), line(c, '2'), line(d, '4')] });
    const later = await post(w.ctx, { type: 'adjustment', postedAt: at(4), reason: 'found', note: 'another sack', lines: [{ ...line(await fresh(), '1') }] });
    expect(later.entries[0]).toMatchObject({ value: '3.5' });
  });

  it('a count stands: nothing dated before it moves its stock — a count that matched included — until it is cancelled', async () => {
    const loc = await fresh();
    const other = await fresh();
    const early = await receipt(loc, '10', '3', 1);
    await receipt(other, '5', '3', 1);
    const count = (qty: string, l = loc) => post(w.ctx, { type: 'count', postedAt: at(5), note: 'cycle count', lines: [{ variantId: w.variant.id, locationId: l, countedQty: qty, grade: 'good' }] });
    const counted = await count('8');
    const matched = await count('5', other);
    expect(matched.entries).toEqual([]);
    for (const [what, posting] of [
      ['receipt', () => receipt(loc, '1', '3', 3)],
      ['issue', () => issue(loc, '1', 4)],
      ['issue where the count matched', () => issue(other, '1', 4)],
      ['cancellation', () => cancelDocument(w.ctx, early.id, 'wrong supplier')],
      ['earlier count', () => post(w.ctx, { type: 'count', postedAt: at(2), note: 'x', lines: [{ variantId: w.variant.id, locationId: loc, countedQty: '9', grade: 'good' }] })],
    ] as const) {
      await expect(posting(), what).rejects.toMatchObject({ code: 'inventory.counted_since', extra: { count: expect.stringMatching(/^CNT-/), countedAt: at(5) } });
    }
    // at or after the count, and on other stock, postings go on; the figures are what the count found
    await issue(loc, '1', 5);
    await receipt(await fresh(), '1', '1', 2);
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '7' });
    // once the count is cancelled, the earlier movement may be posted
    await cancelDocument(w.ctx, counted.id, 'counted the wrong rack');
    await receipt(loc, '1', '3', 3);
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '10' });
    await cancelDocument(w.ctx, matched.id, 'counted the wrong rack');
    await issue(other, '1', 4);
  });

  it('a location that allows negative stock takes the issue; a later receipt fills it at its own cost', async () => {
    const loose = w.locations.loose;
    const iss = await issue(loose, '4', 1);
    expect(iss.entries[0]!.value).toBe('0');
    await receipt(loose, '10', '5', 2);
    const [v] = await t.db.query<{ value: string }>('select value from stock_entry_value where entry_id = $1', [iss.entries[0]!.id]);
    expect(v!.value).toBe('-20');
    expect(await balanceOf(t.db, w.variant.id, loose)).toMatchObject({ qty: '6', value: '30' });
  });

  it('answers balances as of any past moment', async () => {
    const loc = await fresh();
    await receipt(loc, '10', '2', 1);
    await issue(loc, '4', 3);
    const [key] = await t.db.query<{ id: string }>('select id::text from stock_key where location_id = $1', [loc]);
    expect(await balanceAt(t.db, key!.id, new Date(at(2)))).toEqual({ qty: '10', value: '20' });
    expect(await balanceAt(t.db, key!.id, new Date(at(5)))).toEqual({ qty: '6', value: '12' });
    expect(await balanceAt(t.db, key!.id, new Date(at(0)))).toEqual({ qty: '0', value: '0' });
  });

  it('keeps lots and grades apart', async () => {
    const loc = await fresh();
    await post(w.ctx, { type: 'receipt', postedAt: at(1), lines: [
      { variantId: w.variant.id, locationId: loc, lotId: w.lots.a, qty: '5', unitCost: '1', grade: 'good' },
      { variantId: w.variant.id, locationId: loc, lotId: w.lots.b, qty: '5', unitCost: '2', grade: 'good' },
      { variantId: w.variant.id, locationId: loc, lotId: w.lots.b, qty: '1', unitCost: '2', grade: 'damaged' },
    ] });
    await expect(post(w.ctx, { type: 'issue', lines: [{ variantId: w.variant.id, locationId: loc, lotId: w.lots.a, qty: '6', grade: 'good' }] })).rejects.toMatchObject({ code: 'inventory.insufficient_stock' });
    expect(await balanceOf(t.db, w.variant.id, loc, w.lots.b, 'damaged')).toMatchObject({ qty: '1', value: '2' });
  });

  it('a posting made now never lands before the latest posting on its stock', async () => {
    const loc = await fresh();
    const ahead = new Date(Date.now() + 120_000).toISOString(); // a station clock two minutes fast
    await post(w.ctx, { type: 'receipt', postedAt: ahead, lines: [{ variantId: w.variant.id, locationId: loc, qty: '5', unitCost: '1', grade: 'good' }] });
    const now = await post(w.ctx, { type: 'issue', lines: [{ variantId: w.variant.id, locationId: loc, qty: '2', grade: 'good' }] });
    expect(now.postedAt).toBe(ahead);
    expect(now.entries[0]).toMatchObject({ postedAt: ahead, qtyBefore: '5', qtyAfter: '3' });
  });

  it('the ledger refuses UPDATE and DELETE', async () => {
    await expect(t.db.query('update stock_entry set qty = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from stock_entry')).rejects.toThrow(/append-only/);
  });
});
