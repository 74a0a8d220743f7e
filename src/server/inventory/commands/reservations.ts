import Decimal from '../../../contracts/exact-decimal';
import { NOT_RESERVABLE } from '../../../contracts/inventory';
import type { Ctx } from '../../kernel/context';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { localDay } from '../../planning/days';
import { DomainError, invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { lockBalances, resolveKeys } from '../ledger/keys';
import { insufficient } from '../ledger/post-entries';
import { releaseExpired } from '../ledger/expired-reservations';
import { postDocumentInTx } from '../documents/post-document';
import { withKeyReferences } from '../documents/key-references';
import { requireWholeUnits } from '../documents/unit-precision';

export interface ReserveInput {
  variantId: string;
  locationId: string;
  lotId?: string | null;
  grade?: string;
  qty: string;
  sourceType?: string | null;
  sourceId?: string | null;
  expiresAt?: string | null;
  note?: string | null;
}

interface ReservationRow { id: string; key_id: string; qty: string; remaining: string; status: string; source_type: string | null; source_id: string | null; expires_at: Date | null }

/**
 * Reserves stock of one key for a purpose: phase one of two (then consume or release). Never
 * more than is available — on hand less what others reserved — checked under the key's lock.
 */
export function reserveStock(ctx: Ctx, input: ReserveInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.reserve', input, idempotencyKey, status: 201 }, async (cmd) => {
    // a reservation holds stock for a use: it must still be running, the grade one that is used, the
    // stock the plant's own (not a customer's, on its way, or scrapped) and its lot not expired
    if (input.expiresAt && new Date(input.expiresAt).getTime() <= cmd.now.getTime()) throw invalid('expiresAt', 'is in the past');
    const [place] = await cmd.query<{ usable: boolean | null; kind: string | null; expired: string | null }>(
      `select (select usable from grade where code = $1) as usable, (select kind from location where id = $2) as kind,
         (select expiry_date::text from lot where id = $3 and expiry_date < $4::date) as expired`,
      [input.grade ?? 'good', input.locationId, input.lotId ?? null, localDay(cmd.now)]);
    if (place?.usable === false) throw invalid('grade', `stock graded ${input.grade} is not available for use`);
    if (place?.kind && NOT_RESERVABLE.includes(place.kind)) throw invalid('locationId', `stock at a ${place.kind} location is not the plant's to reserve`);
    if (place?.expired) throw invalid('lotId', `the lot expired on ${place.expired}: it is not held for use`);
    await requireWholeUnits(cmd, [{ field: 'qty', variantId: input.variantId, qty: input.qty }]);
    const [keyId] = await withKeyReferences(input, () =>
      resolveKeys(cmd, [{ variantId: input.variantId, locationId: input.locationId, lotId: input.lotId ?? null, grade: input.grade ?? 'good' }]));
    await releaseExpired(cmd, keyId!);
    const bal = (await lockBalances(cmd, [keyId!])).get(keyId!)!;
    const q = new Decimal(input.qty);
    const available = new Decimal(bal.qty).minus(bal.reserved);
    if (q.greaterThan(available) && !bal.allow_negative) {
      throw await insufficient(cmd, keyId!, q, Decimal.max(available, 0), cmd.now, new Decimal(bal.reserved));
    }
    const id = newId();
    await cmd.query(
      `insert into stock_reservation (id, key_id, qty, remaining, status, source_type, source_id, expires_at, created_by, note)
       values ($1, $2, $3, $3, 'active', $4, $5, $6, $7, $8)`,
      [id, keyId, input.qty, input.sourceType ?? null, input.sourceId ?? null, input.expiresAt ?? null, cmd.actor.userId, input.note ?? null],
    );
    await cmd.query('update stock_balance set reserved = reserved + $2 where key_id = $1', [keyId, input.qty]);
    const after = { id, keyId: keyId!, qty: input.qty, status: 'active', sourceType: input.sourceType ?? null, sourceId: input.sourceId ?? null, note: input.note ?? null };
    cmd.audit({ entityType: 'stock_reservation', entityId: id, after });
    cmd.emit({ topic: 'stock.reserved', summary: `${cmd.actor.label} reserved ${input.qty}`, payload: { id }, permission: 'inventory.read' });
    return after;
  });
}

/**
 * Gives back what expired reservations hold, everywhere: run by every instance's housekeeping
 * (and safe to run at once on several: each key is handled under its lock), so an expired
 * reservation stops blocking issues within a minute even if nobody reserves that stock again.
 */
export async function sweepExpiredReservations(ctx: Ctx): Promise<number> {
  const keys = await ctx.db.query<{ key_id: string }>(
    `select distinct key_id::text from stock_reservation where status = 'active' and expires_at <= now() order by 1 limit 500`,
  );
  if (keys.length === 0) return 0;
  const { body } = await runCommand(ctx, { name: 'inventory.expire-reservations', input: { keys: keys.length } }, async (cmd) => {
    let released = 0;
    for (const { key_id } of keys) released += (await releaseExpired(cmd, key_id)).count;
    cmd.audit({ entityType: 'stock_reservation', entityId: 'expired', after: { keys: keys.length, reservations: released } });
    if (released) cmd.emit({ topic: 'stock.reservations-expired', summary: `${released} expired reservations gave their stock back`, payload: { released }, permission: 'inventory.read' });
    return released;
  });
  return body;
}

/**
 * A count that finds less than is reserved records what is there: the key's newest active
 * reservations give up the difference (closing at zero), audited, so the count can post. Runs
 * under the key's lock, taken by the count.
 */
export async function shrinkReservationsToCount(cmd: CommandTx, keyId: string, by: Decimal): Promise<void> {
  await releaseExpired(cmd, keyId);
  const active = await cmd.query<{ id: string; remaining: string }>(
    `select id, remaining from stock_reservation where key_id = $1 and status = 'active' order by created_at desc, id desc for update`,
    [keyId],
  );
  let left = by;
  for (const r of active) {
    if (!left.isPositive()) break;
    const take = Decimal.min(left, r.remaining);
    const remaining = new Decimal(r.remaining).minus(take);
    await cmd.query(
      `update stock_reservation set remaining = $2::numeric, status = case when $2::numeric = 0 then 'released' else status end,
         closed_at = case when $2::numeric = 0 then now() end where id = $1`,
      [r.id, remaining.toString()],
    );
    cmd.audit({ entityType: 'stock_reservation', entityId: r.id, before: { remaining: r.remaining }, after: { remaining: remaining.toString(), reason: 'the count found less than was reserved' } });
    left = left.minus(take);
  }
  await cmd.query('update stock_balance set reserved = reserved - $2 where key_id = $1', [keyId, by.minus(left).toString()]);
}

async function lockReservation(cmd: CommandTx, id: string): Promise<ReservationRow> {
  const [r] = await cmd.query<ReservationRow>('select id, key_id::text, qty, remaining, status, source_type, source_id, expires_at from stock_reservation where id = $1', [id]);
  if (!r) throw new DomainError('inventory.reservation_not_found', `No reservation ${id}.`);
  await lockBalances(cmd, [r.key_id]); // key lock first, as every stock change takes it
  const [locked] = await cmd.query<ReservationRow>('select id, key_id::text, qty, remaining, status, source_type, source_id, expires_at from stock_reservation where id = $1 for update', [id]);
  if (locked!.status !== 'active' || (locked!.expires_at && locked!.expires_at <= cmd.now)) {
    // one past its expiry is expired, though the sweep has not marked it yet
    const state = locked!.status === 'active' ? 'expired' : locked!.status;
    throw new DomainError('inventory.reservation_closed', `The reservation is ${state}.`, { state });
  }
  return locked!;
}

/** Gives the reservation's remaining quantity back to available stock. */
export function releaseReservation(ctx: Ctx, id: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.release-reservation', input: { id }, idempotencyKey }, async (cmd) => {
    const r = await lockReservation(cmd, id);
    await cmd.query(`update stock_reservation set status = 'released', remaining = 0, closed_at = now() where id = $1`, [id]);
    await cmd.query('update stock_balance set reserved = reserved - $2 where key_id = $1', [r.key_id, r.remaining]);
    cmd.audit({ entityType: 'stock_reservation', entityId: id, before: { status: 'active', remaining: r.remaining }, after: { status: 'released' } });
    return { id, status: 'released' as const, released: r.remaining };
  });
}

/** Issues reserved stock: the reservation shrinks by the quantity (and closes at zero) and the issue posts. */
export function consumeReservation(ctx: Ctx, id: string, qty?: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.consume-reservation', input: { id, qty }, idempotencyKey, status: 201 }, async (cmd) => {
    const r = await lockReservation(cmd, id);
    const [k] = await cmd.query<{ variant_id: string; location_id: string; lot_id: string | null; grade: string }>('select variant_id, location_id, lot_id, grade from stock_key where id = $1', [r.key_id]);
    if (qty) await requireWholeUnits(cmd, [{ field: 'qty', variantId: k!.variant_id, qty }]);
    const q = new Decimal(qty ?? r.remaining);
    if (q.lessThanOrEqualTo(0) || q.greaterThan(r.remaining)) {
      throw new DomainError('request.invalid', `qty: between 0 and the ${r.remaining} remaining`, { errors: [{ field: 'qty', message: `at most ${r.remaining}` }] });
    }
    const left = new Decimal(r.remaining).minus(q);
    await cmd.query(`update stock_reservation set remaining = $2, status = case when $2::numeric = 0 then 'consumed' else 'active' end,
      closed_at = case when $2::numeric = 0 then now() end where id = $1`, [id, left.toString()]);
    await cmd.query('update stock_balance set reserved = reserved - $2 where key_id = $1', [r.key_id, q.toString()]);
    const doc = await postDocumentInTx(cmd, {
      type: 'issue', reason: 'reservation consumed', sourceType: r.source_type ?? 'reservation', sourceId: r.source_id ?? id,
      lines: [{ variantId: k!.variant_id, locationId: k!.location_id, lotId: k!.lot_id, grade: k!.grade, qty: q.toString() }],
    });
    cmd.audit({ entityType: 'stock_reservation', entityId: id, before: { remaining: r.remaining }, after: { remaining: left.toString(), document: doc.number } });
    return { reservationId: id, remaining: left.toString(), document: doc };
  });
}
