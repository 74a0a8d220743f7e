import Decimal from '../../contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { balanceOf, post } from '../../../tests/support/stock';
import { systemCtx } from '../../../tests/support/app';
import { createItem } from '../catalog/commands/create-item';
import { requestVariant } from '../catalog/commands/get-or-create-variant';
import { createLocation } from './commands/locations';
import { createLot } from './commands/lots';
import { traceBackward, traceForward } from './queries/trace';
import { postReturn } from './documents/post-return';
import { checkLedger } from './check-ledger';

const at = (day: number) => new Date(Date.UTC(2026, 4, day, 8)).toISOString();

describe.each(DIALECTS)('production, cost roll-up and traceability on %s', (dialect) => {
  let t: TestDb;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await openTestDb(dialect);
    const ctx = systemCtx(t.db);
    for (const code of ['FLOUR', 'SUGAR', 'DOUGH', 'BREAD']) {
      const item = (await createItem(ctx, { code, name: code, kind: code === 'BREAD' ? 'product' : 'material', uom: 'kg', attributes: [] })).body;
      ids[code] = (await requestVariant(ctx, item.id, {})).id;
      ids[`lot-${code}`] = (await createLot(ctx, { code: `L-${code}`, variantId: ids[code] })).body.id;
    }
    ids.kitchen = (await createLocation(ctx, { code: 'KITCHEN', name: 'Kitchen', kind: 'production' })).body.id;
    ids.store = (await createLocation(ctx, { code: 'STORE', name: 'Store', kind: 'warehouse' })).body.id;
  });
  afterAll(() => t.drop());

  const line = (code: string, qty: string, extra: Record<string, string> = {}) => ({ variantId: ids[code]!, locationId: ids.kitchen!, lotId: ids[`lot-${code}`]!, grade: 'good', qty, ...extra });

  it('outputs carry what their document consumed, and a back-dated receipt re-values two production steps', async () => {
    const ctx = systemCtx(t.db);
    await post(ctx, { type: 'receipt', postedAt: at(1), lines: [{ ...line('FLOUR', '10'), unitCost: '2' }, { ...line('SUGAR', '5'), unitCost: '4' }] });
    const dough = await post(ctx, { type: 'production', postedAt: at(2), consume: [line('FLOUR', '6'), line('SUGAR', '2')], output: [line('DOUGH', '4', { extraUnitCost: '0.5' })] });
    expect(dough.number).toMatch(/^PRD-/);
    expect(dough.entries.find((e) => e.qty === '4')!.value).toBe('22');
    await post(ctx, { type: 'production', postedAt: at(3), consume: [line('DOUGH', '4')], output: [line('BREAD', '8')] });
    expect((await balanceOf(t.db, ids.BREAD!, ids.kitchen!, ids['lot-BREAD']!)).value).toBe('22');

    await post(ctx, { type: 'receipt', postedAt: at(0), lines: [{ ...line('FLOUR', '10'), unitCost: '1' }] });
    expect((await balanceOf(t.db, ids.DOUGH!, ids.kitchen!, ids['lot-DOUGH']!)).value).toBe('0');
    expect((await balanceOf(t.db, ids.BREAD!, ids.kitchen!, ids['lot-BREAD']!)).value).toBe('16');
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('shares the consumed value across several outputs exactly', async () => {
    const ctx = systemCtx(t.db);
    const doc = await post(ctx, { type: 'production', postedAt: at(4), consume: [line('FLOUR', '10')], output: [line('BREAD', '1'), line('BREAD', '1'), line('BREAD', '1')] });
    const consumed = new Decimal(doc.entries.find((e) => e.qty === '-10')!.value).negated();
    const outputs = doc.entries.filter((e) => e.qty === '1').map((e) => new Decimal(e.value));
    expect(outputs.reduce((a, b) => a.plus(b), new Decimal(0)).equals(consumed)).toBe(true);
    expect(outputs.every((v) => v.minus(consumed.div(3)).abs().lessThan('0.000001'))).toBe(true);
  });

  it('traces a lot back to every consumed lot and receipt, and forward to every product', async () => {
    const back = await traceBackward(t.db, ids['lot-BREAD']!);
    expect(back.filter((r) => r.depth === 0).map((r) => r.lotCode).sort()).toEqual(['L-DOUGH', 'L-FLOUR']);
    expect(back.filter((r) => r.depth === 1 && r.documentType === 'production').map((r) => r.lotCode).sort()).toEqual(['L-FLOUR', 'L-SUGAR']);
    expect(back.filter((r) => r.documentType === 'receipt').map((r) => r.lotCode).sort()).toEqual(['L-FLOUR', 'L-FLOUR', 'L-SUGAR']); // two flour receipts (one back-dated), one sugar
    const forward = await traceForward(t.db, ids['lot-SUGAR']!);
    expect(forward.map((r) => `${r.depth}:${r.lotCode}:${r.qty}`)).toEqual(['0:L-DOUGH:4', '1:L-BREAD:8']);
  });

  const moved = (code: string, qty: string, to: string) => ({ variantId: ids[code]!, lotId: ids[`lot-${code}`]!, grade: 'good', qty, fromLocationId: ids.kitchen!, toLocationId: to });

  it('traces a purchased lot to its receipt, and forward to where each lot it went into left stock (a recall)', async () => {
    const ctx = systemCtx(t.db);
    expect((await traceBackward(t.db, ids['lot-SUGAR']!)).map((r) => `${r.depth}:${r.documentType}:${r.lotCode}:${r.qty}`)).toEqual(['0:receipt:L-SUGAR:5']);
    const shop = (await createLocation(ctx, { code: 'SHOP-1', name: 'Corner shop', kind: 'customer' })).body.id;
    const sold = await post(ctx, { type: 'issue', postedAt: at(5), reason: 'sold to Bakery Co', lines: [line('BREAD', '3')] });
    const sent = await post(ctx, { type: 'transfer', postedAt: at(5), lines: [moved('BREAD', '2', shop)] });
    const back = await postReturn(ctx, sold.id, { reason: 'stale', postedAt: at(6), lines: [{ line: 1, qty: '1', grade: 'damaged' }] });
    // a transfer inside the plant is not a shipment
    await post(ctx, { type: 'transfer', postedAt: at(6), lines: [moved('SUGAR', '1', ids.store!)] });
    const forward = await traceForward(t.db, ids['lot-SUGAR']!);
    const shipped = forward.filter((r) => r.documentType !== 'production');
    expect(shipped.map((r) => [r.depth, r.documentNumber, r.lotCode, r.qty, r.locationCode, r.reason])).toEqual([
      [2, sold.number, 'L-BREAD', '3', null, 'sold to Bakery Co'],
      [2, sent.number, 'L-BREAD', '2', 'SHOP-1', null],
      [2, back.body.number, 'L-BREAD', '-1', null, 'stale'],
    ]);
  });

  it('follows a lot out to a supplier too: sent for outsourced work, or returned as received', async () => {
    const ctx = systemCtx(t.db);
    const copacker = (await createLocation(ctx, { code: 'COPACKER', name: 'Co-packer', kind: 'supplier' })).body.id;
    const sent = await post(ctx, { type: 'transfer', postedAt: at(7), lines: [moved('SUGAR', '1', copacker)] });
    const [receipt] = (await traceBackward(t.db, ids['lot-SUGAR']!)).filter((r) => r.documentType === 'receipt');
    const returned = await postReturn(ctx, receipt!.documentId, { reason: 'lumpy', postedAt: at(7), lines: [{ line: 2, qty: '1' }] });
    const own = (await traceForward(t.db, ids['lot-SUGAR']!)).filter((r) => r.depth === 0 && r.documentType !== 'production');
    expect(own.map((r) => [r.documentNumber, r.lotCode, r.qty, r.locationCode, r.reason])).toEqual([
      [sent.number, 'L-SUGAR', '1', 'COPACKER', null],
      [returned.body.number, 'L-SUGAR', '1', null, 'lumpy'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });

  it('a receipt of one lot in two grades traces back with all it brought', async () => {
    const ctx = systemCtx(t.db);
    const lot = (await createLot(ctx, { code: 'L-SALT', variantId: ids.SUGAR! })).body.id;
    const salt = (g: string, qty: string) => ({ variantId: ids.SUGAR!, locationId: ids.store!, lotId: lot, grade: g, qty, unitCost: '1' });
    const doc = await post(ctx, { type: 'receipt', postedAt: at(8), lines: [salt('good', '40'), salt('damaged', '2')] });
    expect((await traceBackward(t.db, lot)).map((r) => [r.documentNumber, r.lotCode, r.qty])).toEqual([[doc.number, 'L-SALT', '42']]);
  });
});
