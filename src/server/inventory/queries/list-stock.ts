import Decimal from '../../../contracts/exact-decimal';
import { NOT_RESERVABLE, type BalanceDto } from '../../../contracts/inventory';
import type { Queryable } from '../../kernel/db/types';
import { conditions, listPage, type ListArgs } from '../../kernel/pagination';
import { ENTRY_SELECT, toEntryDto, type EntryRow } from './get-document';

export interface StockFilter {
  variantId?: string;
  itemId?: string;
  locationId?: string;
  /** Every location below this one (a warehouse with its zones and slots). */
  underLocationId?: string;
  lotId?: string;
  grade?: string;
}

function stockConditions(f: StockFilter) {
  const c = conditions();
  c.add('k.variant_id = ?', f.variantId);
  c.add('v.item_id = ?', f.itemId);
  c.add('k.location_id = ?', f.locationId);
  // a path prefix, not a LIKE pattern: location codes may contain `_`
  c.add(`exists (select 1 from location u where u.id = ? and (l.path = u.path or left(l.path, length(u.path) + 1) = u.path || '/'))`, f.underLocationId);
  c.add('k.lot_id = ?', f.lotId);
  c.add('k.grade = ?', f.grade);
  return c;
}

interface BalanceRow {
  key_id: string; variant_id: string; variant_code: string; variant_name: string; location_id: string; location_code: string;
  lot_id: string | null; lot_code: string | null; expiry_date: string | null; grade: string; qty: string; usable: boolean; reserved: string; value: string;
}

/**
 * Balances per key, now or as of a moment (from the running figures of each key's last entry
 * then). Without `includeZero`, keys with nothing on hand are left out.
 */
export async function listBalances(db: Queryable, f: StockFilter & { asOf?: Date; includeZero?: boolean }, args: ListArgs) {
  const { where: w, params } = stockConditions(f);
  // what reservations hold now: one past its expiry holds nothing, though the sweep may not have run
  // yet; stock of a grade not for use (damaged, defective, rework), or where the plant cannot use it
  // (at a customer, in transit, scrapped), is on hand, never available
  params.push(NOT_RESERVABLE);
  let figures = `b.qty, g.usable and l.kind <> all($${params.length}::text[]) as usable, b.reserved - case when b.reserved = 0 then 0 else coalesce((select sum(r.remaining) from stock_reservation r
    where r.key_id = k.id and r.status = 'active' and r.expires_at <= now()), 0) end as reserved, b.value`;
  let from = 'stock_balance b join stock_key k on k.id = b.key_id';
  // no posting is dated in the future: as of a later moment, stock is what it is now, reservations too
  if (f.asOf && f.asOf.getTime() < Date.now()) {
    params.push(f.asOf);
    from = `stock_key k cross join lateral (
      select coalesce((select qty_after from stock_entry_value where key_id = k.id and posted_at <= $${params.length} order by posted_at desc, entry_id desc limit 1), 0) as qty,
             coalesce((select value_after from stock_entry_value where key_id = k.id and posted_at <= $${params.length} order by posted_at desc, entry_id desc limit 1), 0) as value,
             0::numeric as reserved) b`;
  }
  if (!f.includeZero) w.push('b.qty <> 0');
  const page = await listPage<BalanceRow>(db, {
    select: `select * from (select k.id::text as key_id, k.variant_id, v.code as variant_code, v.name as variant_name, k.location_id,
        l.code as location_code, k.lot_id, lot.code as lot_code, lot.expiry_date::text, k.grade, ${figures}
      from ${from} join variant v on v.id = k.variant_id join location l on l.id = k.location_id left join lot on lot.id = k.lot_id
        join grade g on g.code = k.grade
      ${w.length ? `where ${w.join(' and ')}` : ''}) s`,
    where: [], params,
    sortable: { variant: 's.variant_code', location: 's.location_code', qty: 's.qty' },
    defaultSort: 'variant', idColumn: 's.key_id',
    cursorOf: (r, field) => [field === 'variant' ? r.variant_code : field === 'location' ? r.location_code : r.qty, r.key_id],
  }, args);
  const items: BalanceDto[] = page.rows.map((r) => ({
    keyId: r.key_id, variantId: r.variant_id, variantCode: r.variant_code, variantName: r.variant_name, locationId: r.location_id,
    locationCode: r.location_code, lotId: r.lot_id, lotCode: r.lot_code, expiryDate: r.expiry_date, grade: r.grade,
    qty: r.qty, reserved: r.reserved, available: r.usable ? subtract(r.qty, r.reserved) : '0', value: r.value,
  }));
  return { items, nextCursor: page.nextCursor };
}

export interface EntryFilter extends StockFilter {
  from?: string;
  to?: string;
  documentId?: string;
  /** the kind of document (receipt, issue, …): the log's action */
  documentType?: string;
}

/** The stock-ledger explorer: entries newest first, filtered by stock, business-time range, document and action. */
export async function listEntries(db: Queryable, f: EntryFilter, args: ListArgs) {
  const { where: w, params, add } = stockConditions(f);
  add('e.posted_at >= ?', f.from);
  add('e.posted_at < ?', f.to);
  add('e.document_id = ?', f.documentId);
  add('d.type = ?', f.documentType);
  const page = await listPage<EntryRow>(db, {
    select: ENTRY_SELECT,
    where: w, params,
    sortable: { postedAt: 'e.posted_at' },
    defaultSort: '-postedAt', idColumn: 'e.id',
    cursorOf: (r) => [r.posted_at, r.id],
  }, args);
  return { items: page.rows.map(toEntryDto), nextCursor: page.nextCursor };
}

const subtract = (a: string, b: string) => new Decimal(a).minus(b).toString();
