import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { balanceOf, post, stockWorld, type StockWorld } from '../../../tests/support/stock';
import type { ReturnInput } from '../../contracts/inventory';
import { cancelDocument } from './documents/cancel-document';
import { postReturn } from './documents/post-return';
import { createLocation } from './commands/locations';
import { getDocument } from './queries/get-document';
import { checkLedger } from './check-ledger';

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12)).toISOString();

describe.each(DIALECTS)('returns on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let n = 0;
  const fresh = async () => (await createLocation(w.ctx, { code: `RT-${dialect}-${++n}`, name: 'wh', kind: 'warehouse' })).body.id;
  const receipt = (loc: string, qty: string, unitCost: string, day: number) =>
    post(w.ctx, { type: 'receipt', postedAt: at(day), lines: [{ variantId: w.variant.id, locationId: loc, qty, unitCost, grade: 'good' }] });
  const issue = (loc: string, qty: string, day: number) =>
    post(w.ctx, { type: 'issue', postedAt: at(day), lines: [{ variantId: w.variant.id, locationId: loc, qty, grade: 'good' }] });
  const giveBack = (docId: string, input: Partial<ReturnInput> & Pick<ReturnInput, 'lines'>) =>
    postReturn(w.ctx, docId, { reason: 'customer return', ...input }).then((r) => r.body);
  const entryValue = async (id: string) => (await t.db.query<{ value: string }>('select value::text from stock_entry_value where entry_id = $1', [id]))[0]!.value;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stockWorld(t.db, `R${dialect === 'postgres' ? 'P' : 'G'}`);
  });
  afterAll(() => t.drop());

  it('brings part of an issue back at the cost the issue took out, into the location and grade named', async () => {
    const loc = await fresh();
    const quarantine = await fresh();
    await receipt(loc, '10', '2', 1);
    await receipt(loc, '10', '3', 2);
    const iss = await issue(loc, '15', 3); // 10 × 2 + 5 × 3 = 35
    const ret = await giveBack(iss.id, { postedAt: at(4), lines: [{ line: 1, qty: '3', locationId: quarantine, grade: 'damaged' }] });
    expect(ret).toMatchObject({ type: 'return', number: expect.stringMatching(/^RTN-\d{6}$/), reason: 'customer return', returnOf: { id: iss.id, number: iss.number, type: 'issue' } });
    expect(ret.entries).toEqual([expect.objectContaining({ line: 1, qty: '3', value: '7', locationId: quarantine, grade: 'damaged', reason: 'returned: customer return' })]);
    expect(await balanceOf(t.db, w.variant.id, quarantine, null, 'damaged')).toMatchObject({ qty: '3', value: '7' });

    const again = await giveBack(iss.id, { postedAt: at(5), lines: [{ line: 1, qty: '12' }] }); // the rest, back where it came from
    expect(again.entries[0]).toMatchObject({ qty: '12', value: '28', locationId: loc, grade: 'good' });
    const original = await getDocument(t.db, iss.id);
    expect(original.returnedByLine).toEqual([{ line: 1, qty: '15' }]);
    expect(original.returns.map((r) => r.number)).toEqual([ret.number, again.number]);
  });

  it('gives back no more than is left of a line, naming the line and what was returned already', async () => {
    const loc = await fresh();
    await receipt(loc, '10', '2', 1);
    const iss = await issue(loc, '6', 2);
    await giveBack(iss.id, { lines: [{ line: 1, qty: '4' }] });
    await expect(giveBack(iss.id, { lines: [{ line: 1, qty: '2' }, { line: 1, qty: '1' }] })).rejects.toMatchObject({
      code: 'request.invalid', extra: { errors: [{ field: 'lines.1.qty', message: 'at most 2 of line 1 left to return (4 of 6 returned already)' }] },
    });
    await expect(giveBack(iss.id, { lines: [{ line: 2, qty: '1' }] })).rejects.toMatchObject({ extra: { errors: [{ field: 'lines.0.line' }] } });
    await expect(giveBack(iss.id, { postedAt: at(1), lines: [{ line: 1, qty: '1' }] })).rejects.toMatchObject({ extra: { errors: [{ field: 'postedAt' }] } });
    await expect(giveBack(iss.id, { lines: [{ line: 1, qty: '1', grade: 'shiny' }] })).rejects.toMatchObject({ code: 'inventory.grade_unknown', extra: { errors: [{ field: 'lines.0.grade' }] } });
    await expect(giveBack(iss.id, { lines: [{ line: 1, qty: '1', locationId: '00000000-0000-4000-8000-000000000000' }] })).rejects.toMatchObject({
      code: 'inventory.location_not_found', extra: { errors: [{ field: 'lines.0.locationId' }] },
    });
    // nothing of the refused returns was posted
    expect((await getDocument(t.db, iss.id)).returnedByLine).toEqual([{ line: 1, qty: '4' }]);
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '8' });
  });

  it('a back-dated receipt before the issue re-values its return and what was taken from it', async () => {
    const loc = await fresh();
    const back = await fresh();
    await receipt(loc, '10', '4', 3);
    const iss = await issue(loc, '10', 4); // 40
    const ret = await giveBack(iss.id, { postedAt: at(5), lines: [{ line: 1, qty: '5', locationId: back }] }); // 20
    const later = await issue(back, '2', 6); // 8
    expect([ret.entries[0]!.value, later.entries[0]!.value]).toEqual(['20', '-8']);
    await receipt(loc, '10', '1', 1); // now the issue took the cheaper layer: 10
    expect(await entryValue(iss.entries[0]!.id)).toBe('-10');
    expect(await entryValue(ret.entries[0]!.id)).toBe('5');
    expect(await entryValue(later.entries[0]!.id)).toBe('-2');
    expect(await balanceOf(t.db, w.variant.id, back)).toMatchObject({ qty: '3', value: '3' });
  });

  it('a return into the key it was issued from follows the issue when it is re-valued', async () => {
    const loc = await fresh();
    await receipt(loc, '4', '3', 3);
    const iss = await issue(loc, '4', 4); // 12
    const ret = await giveBack(iss.id, { postedAt: at(5), lines: [{ line: 1, qty: '1' }] }); // 3
    expect(ret.entries[0]!.value).toBe('3');
    await receipt(loc, '4', '1.5', 2);
    expect(await entryValue(iss.entries[0]!.id)).toBe('-6');
    expect(await entryValue(ret.entries[0]!.id)).toBe('1.5');
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '5', value: '13.5' });
  });

  it('refuses a return whose cost would come back to the issue it carries (stock issued while short)', async () => {
    const loose = w.locations.loose; // allows negative stock
    const iss = await post(w.ctx, { type: 'issue', postedAt: at(20), lines: [{ variantId: w.variant.id, locationId: loose, qty: '5', grade: 'good' }] });
    // the issue went past every layer: the return would be the layer it takes its cost from
    await expect(giveBack(iss.id, { postedAt: at(21), lines: [{ line: 1, qty: '2' }] })).rejects.toMatchObject({ code: 'state.conflict', message: expect.stringContaining('depend on itself') });
    await post(w.ctx, { type: 'receipt', postedAt: at(22), lines: [{ variantId: w.variant.id, locationId: loose, qty: '5', unitCost: '2', grade: 'good' }] });
    const ret = await giveBack(iss.id, { postedAt: at(23), lines: [{ line: 1, qty: '2' }] });
    expect(ret.entries[0]!.value).toBe('4');
  });

  it('sends part of a receipt back to the supplier, valued FIFO, never more than is there', async () => {
    const loc = await fresh();
    await receipt(loc, '5', '1', 1);
    const rcv = await receipt(loc, '10', '2', 2);
    const ret = await giveBack(rcv.id, { reason: 'rejected at inspection', lines: [{ line: 1, qty: '6' }] });
    expect(ret.entries[0]).toMatchObject({ qty: '-6', value: '-7', reason: 'returned to supplier: rejected at inspection' });
    await issue(loc, '8', 3);
    await expect(giveBack(rcv.id, { lines: [{ line: 1, qty: '2' }] })).rejects.toMatchObject({ code: 'inventory.insufficient_stock' });
    await expect(giveBack(rcv.id, { lines: [{ line: 1, qty: '5' }] })).rejects.toMatchObject({ extra: { errors: [{ field: 'lines.0.qty', message: 'at most 4 of line 1 left to return (6 of 10 returned already)' }] } });
  });

  it('returns only posted receipts and issues; the returned document stands while its returns do', async () => {
    const loc = await fresh();
    const other = await fresh();
    const rcv = await receipt(loc, '10', '2', 1);
    const trf = await post(w.ctx, { type: 'transfer', postedAt: at(2), lines: [{ variantId: w.variant.id, fromLocationId: loc, toLocationId: other, qty: '1', grade: 'good' }] });
    await expect(giveBack(trf.id, { lines: [{ line: 1, qty: '1' }] })).rejects.toMatchObject({ code: 'inventory.not_returnable' });
    const iss = await issue(loc, '3', 3);
    const ret = await giveBack(iss.id, { lines: [{ line: 1, qty: '1' }] });
    await expect(cancelDocument(w.ctx, iss.id, 'wrong order')).rejects.toMatchObject({ code: 'state.conflict', message: expect.stringContaining(ret.number) });
    await cancelDocument(w.ctx, ret.id, 'entered twice');
    expect((await getDocument(t.db, iss.id)).returnedByLine).toEqual([]);
    await cancelDocument(w.ctx, iss.id, 'wrong order');
    await expect(giveBack(iss.id, { lines: [{ line: 1, qty: '1' }] })).rejects.toMatchObject({ code: 'state.illegal_transition' });
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '9', value: '18' });
    expect(rcv.status).toBe('posted');
  });

  it('leaves the ledger as check proves it', async () => {
    const report = await checkLedger(t.db);
    expect(report.violations).toEqual([]);
  });
});
