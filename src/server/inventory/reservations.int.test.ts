import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { balanceOf, post, stockWorld, type StockWorld } from '../../../tests/support/stock';
import { consumeReservation, releaseReservation, reserveStock, sweepExpiredReservations } from './commands/reservations';
import { createLocation } from './commands/locations';
import { listBalances } from './queries/list-stock';
import { checkLedger } from './check-ledger';

describe.each(DIALECTS)('reservations on %s', (dialect) => {
  let t: TestDb;
  let w: StockWorld;
  let n = 0;
  const fresh = async (qty: string) => {
    const loc = (await createLocation(w.ctx, { code: `R-${dialect}-${++n}`, name: 'r', kind: 'warehouse' })).body.id;
    await post(w.ctx, { type: 'receipt', lines: [{ variantId: w.variant.id, locationId: loc, qty, unitCost: '2', grade: 'good' }] });
    return loc;
  };
  const reserve = (loc: string, qty: string, extra: { expiresAt?: string } = {}) =>
    reserveStock(w.ctx, { variantId: w.variant.id, locationId: loc, qty, grade: 'good', ...extra }).then((r) => r.body);

  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stockWorld(t.db, 'RS');
  });
  afterAll(() => t.drop());

  it('never reserves more than is available, and others cannot issue reserved stock', async () => {
    const loc = await fresh('10');
    await reserve(loc, '7');
    await expect(reserve(loc, '4')).rejects.toMatchObject({ code: 'inventory.insufficient_stock', extra: { available: '3' } });
    await expect(post(w.ctx, { type: 'issue', lines: [{ variantId: w.variant.id, locationId: loc, qty: '4', grade: 'good' }] }))
      .rejects.toMatchObject({ code: 'inventory.insufficient_stock', extra: { available: '3' } });
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '10', reserved: '7' });
  });

  it('consumes a reservation by issuing it, partly then wholly, and releases the rest', async () => {
    const loc = await fresh('10');
    const r = await reserve(loc, '6');
    const part = await consumeReservation(w.ctx, r.id, '2');
    expect(part.body).toMatchObject({ remaining: '4' });
    expect(part.body.document.entries[0]).toMatchObject({ qty: '-2', value: '-4' });
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '8', reserved: '4' });
    const rel = await releaseReservation(w.ctx, r.id);
    expect(rel.body.released).toBe('4');
    await expect(releaseReservation(w.ctx, r.id)).rejects.toMatchObject({ code: 'inventory.reservation_closed' });
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '8', reserved: '0' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  /** A reservation that runs until a minute from now, then as if that minute had passed. */
  const lapsed = async (loc: string, qty: string) => {
    const r = await reserve(loc, qty, { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await t.db.query(`update stock_reservation set expires_at = now() - interval '1 second' where id = $1`, [r.id]);
    return r;
  };

  it('refuses a reservation that has already expired, or of a grade not available for use', async () => {
    const loc = await fresh('5');
    await expect(reserve(loc, '1', { expiresAt: new Date(Date.now() - 1000).toISOString() })).rejects.toMatchObject({ code: 'request.invalid', extra: { errors: [{ field: 'expiresAt' }] } });
    await expect(reserveStock(w.ctx, { variantId: w.variant.id, locationId: loc, qty: '1', grade: 'damaged' })).rejects.toMatchObject({ code: 'request.invalid', extra: { errors: [{ field: 'grade' }] } });
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ reserved: '0' });
    // nor stock that is no longer the plant's to use: delivered, on its way, scrapped
    for (const kind of ['customer', 'transit', 'scrap'] as const) {
      const place = (await createLocation(w.ctx, { code: `R-${dialect}-${kind}`, name: kind, kind, allowNegative: true })).body.id;
      await post(w.ctx, { type: 'receipt', lines: [{ variantId: w.variant.id, locationId: place, qty: '2', unitCost: '1', grade: 'good' }] });
      await expect(reserve(place, '1'), kind).rejects.toMatchObject({ code: 'request.invalid', extra: { errors: [{ field: 'locationId', message: `stock at a ${kind} location is not the plant's to reserve` }] } });
    }
  });

  it('lists stock of a grade not for use as on hand, none of it available; as of a later moment, reserved as now', async () => {
    const loc = await fresh('5');
    await reserve(loc, '2');
    await post(w.ctx, { type: 'transfer', lines: [{ variantId: w.variant.id, fromLocationId: loc, toLocationId: loc, grade: 'good', toGrade: 'damaged', qty: '1' }] });
    const figures = (items: Array<{ grade: string; qty: string; reserved: string; available: string }>) => items.map((b) => [b.grade, b.qty, b.reserved, b.available]);
    expect(figures((await listBalances(t.db, { locationId: loc }, { limit: 10 })).items)).toEqual([['good', '4', '2', '2'], ['damaged', '1', '0', '0']]);
    const later = await listBalances(t.db, { locationId: loc, asOf: new Date(Date.now() + 86_400_000) }, { limit: 10 });
    expect(figures(later.items)).toEqual([['good', '4', '2', '2'], ['damaged', '1', '0', '0']]);
  });

  it('a count that finds less than is reserved posts, and the newest reservations give way', async () => {
    const loc = await fresh('10');
    const older = await reserve(loc, '7');
    const newer = await reserve(loc, '2');
    const counted = await post(w.ctx, { type: 'count', note: 'shelf found half empty', lines: [{ variantId: w.variant.id, locationId: loc, countedQty: '5', grade: 'good' }] });
    expect(counted.entries[0]).toMatchObject({ qty: '-5', qtyAfter: '5' });
    const rows = await t.db.query<{ id: string; remaining: string; status: string }>('select id, remaining::text, status from stock_reservation where id = any($1::uuid[])', [[older.id, newer.id]]);
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.remaining, r.status]]))).toEqual({ [older.id]: ['5', 'active'], [newer.id]: ['0', 'released'] });
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '5', reserved: '5' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('an expired reservation gives its quantity back', async () => {
    const loc = await fresh('5');
    const old = await lapsed(loc, '5');
    // not yet swept, it answers as what it is
    await expect(consumeReservation(w.ctx, old.id, '1')).rejects.toMatchObject({ code: 'inventory.reservation_closed', message: 'The reservation is expired.', extra: { state: 'expired' } });
    const again = await reserve(loc, '5');
    expect(again.status).toBe('active');
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ reserved: '5' });
  });

  it('an issue is never held back by a reservation past its expiry: the posting gives it back first', async () => {
    const loc = await fresh('4');
    await reserve(loc, '1'); // still holds
    const old = await lapsed(loc, '3');
    const issue = (qty: string) => post(w.ctx, { type: 'issue', lines: [{ variantId: w.variant.id, locationId: loc, qty, grade: 'good' }] });
    await expect(issue('4')).rejects.toMatchObject({ code: 'inventory.insufficient_stock', extra: { available: '3' } });
    // the refused posting changed nothing, the expired reservation included
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '4', reserved: '4' });
    await issue('3');
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '1', reserved: '1' });
    const [r] = await t.db.query<{ status: string; remaining: string }>('select status, remaining::text from stock_reservation where id = $1', [old.id]);
    expect(r).toEqual({ status: 'expired', remaining: '0' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });

  it('the housekeeping sweep frees expired reservations everywhere, with no posting', async () => {
    const loc = await fresh('4');
    await lapsed(loc, '3');
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ reserved: '3' });
    // the balances list shows what is available now: the expired reservation holds nothing
    const listed = await listBalances(t.db, { locationId: loc }, { limit: 10 });
    expect(listed.items.map((b) => [b.qty, b.reserved, b.available])).toEqual([['4', '0', '4']]);
    expect(await sweepExpiredReservations(w.ctx)).toBe(1);
    expect(await sweepExpiredReservations(w.ctx)).toBe(0);
    expect(await balanceOf(t.db, w.variant.id, loc)).toMatchObject({ qty: '4', reserved: '0' });
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });
});
