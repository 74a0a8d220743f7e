import type { Queryable } from '../../kernel/db/types';
import { likePattern } from '../../kernel/pagination';
import type { LocationKind } from '../commands/locations';

export async function listLocations(db: Queryable, f: { kind?: string; q?: string }) {
  const rows = await db.query<{ id: string; code: string; name: string; kind: LocationKind; parent_id: string | null; path: string; allow_negative: boolean; customer_id: string | null; active: boolean }>(
    `select * from location where ($1::text is null or kind = $1) and ($2::text is null or code ilike $2 or name ilike $2) order by path`,
    [f.kind ?? null, f.q ? likePattern(f.q) : null],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path, allowNegative: r.allow_negative, customerId: r.customer_id, active: r.active }));
}

export async function listLots(db: Queryable, f: { itemId?: string; variantId?: string; q?: string }) {
  const rows = await db.query<{ id: string; code: string; item_id: string | null; variant_id: string | null; variant_code: string | null; expiry_date: string | null; supplier: string | null; received_date: string | null; note: string | null }>(
    `select lot.id, lot.code, lot.item_id, lot.variant_id, v.code as variant_code, lot.expiry_date::text, lot.supplier, lot.received_date::text, lot.note
     from lot left join variant v on v.id = lot.variant_id
     where ($1::uuid is null or lot.item_id = $1
            -- a lot made for no item (a shipment's) is the item's lot where it holds the item's stock
            or lot.item_id is null and exists (select 1 from stock_key k join variant v on v.id = k.variant_id where k.lot_id = lot.id and v.item_id = $1))
       and ($2::uuid is null or lot.variant_id = $2) and ($3::text is null or lot.code ilike $3)
     order by lot.expiry_date nulls last, lot.code limit 500`,
    [f.itemId ?? null, f.variantId ?? null, f.q ? likePattern(f.q) : null],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, itemId: r.item_id, variantId: r.variant_id, variantCode: r.variant_code, expiryDate: r.expiry_date, supplier: r.supplier, receivedDate: r.received_date, note: r.note }));
}
