import type { StockDocumentInput } from '../../../contracts/inventory';
import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';
import { localDay } from '../../planning/days';

/**
 * Refuses a line whose lot belongs to another item or variant: traceability follows lots, so a
 * lot may only hold stock of what it was created for (a lot created for no item, such as a
 * shipment's, may hold anything). One query, only when some line names a lot.
 */
export async function requireLotsOfTheirItems(q: Queryable, input: StockDocumentInput, postedAt: Date): Promise<void> {
  const lines = input.type === 'production'
    ? [...input.consume.map((l, i) => ({ path: `consume.${i}`, l })), ...input.output.map((l, i) => ({ path: `output.${i}`, l }))]
    : (input.lines as Array<{ variantId: string; lotId?: string | null }>).map((l, i) => ({ path: `lines.${i}`, l }));
  const named = lines.filter((x) => x.l.lotId);
  if (named.length === 0) return;
  // a receipt of a lot is dated no earlier than the plant day the lot says it was received, and
  // no later than its expiry
  const day = input.type === 'receipt' ? localDay(postedAt) : null;
  const wrong = await lotsNotOfTheirItems(q, named.map((x) => x.l as { variantId: string; lotId: string }), day);
  if (wrong.length === 0) return;
  const errors = wrong.map((w) => ({
    field: `${named[Number(w.ord) - 1]!.path}.lotId`,
    message: w.other_item ? 'a lot of another item or variant'
      : w.received ? `a lot received on ${w.received}: a receipt of it is dated that day or later`
      : `a lot that expired on ${w.expired}: expired goods are not received`,
  }));
  throw new DomainError('request.invalid', `The lot on ${errors.map((e) => `${e.field} is ${e.message}`).join('; ')}.`, { errors });
}

/**
 * The lines (1-based `ord`) whose lot was created for another item or variant, or — given the
 * plant day of a receipt — says it was received after that day or expired before it.
 */
export function lotsNotOfTheirItems(q: Queryable, lines: Array<{ variantId: string; lotId: string }>, receiptDay: string | null) {
  return q.query<{ ord: string; other_item: boolean; received: string | null; expired: string | null }>(
    `select w.ord::text, (l.item_id is not null and l.item_id <> v.item_id) or (l.variant_id is not null and l.variant_id <> w.variant_id) as other_item,
       case when $3::date < l.received_date then l.received_date::text end as received,
       case when $3::date > l.expiry_date then l.expiry_date::text end as expired
     from unnest($1::uuid[], $2::uuid[]) with ordinality as w(variant_id, lot_id, ord)
     join lot l on l.id = w.lot_id join variant v on v.id = w.variant_id
     where (l.item_id is not null and l.item_id <> v.item_id) or (l.variant_id is not null and l.variant_id <> w.variant_id)
       or $3::date < l.received_date or $3::date > l.expiry_date`,
    [lines.map((l) => l.variantId), lines.map((l) => l.lotId), receiptDay],
  );
}
