import type { ReservationDto } from '../../../contracts/inventory';
import type { Queryable } from '../../kernel/db/types';
import { conditions, listPage, type ListArgs } from '../../kernel/pagination';

export interface ReservationFilter {
  status?: ReservationDto['status'];
  variantId?: string;
  itemId?: string;
  locationId?: string;
}

interface ReservationRow {
  id: string; key_id: string; item_id: string; item_code: string; item_name: string; variant_id: string; variant_code: string;
  location_id: string; location_code: string; lot_id: string | null; lot_code: string | null; grade: string; grade_name: string;
  qty: string; remaining: string; status: ReservationDto['status']; source_type: string | null; source_id: string | null;
  note: string | null; expires_at: Date | null; created_by: string | null; created_by_label: string | null; created_at: Date;
  closed_at: Date | null; created_key: string;
}

/** An active reservation past its expiry is expired, whether or not it was swept yet. */
const STATUS = `case when r.status = 'active' and r.expires_at <= now() then 'expired' else r.status end`;

/** Reservations, newest first, with the labels of their stock key. */
export async function listReservations(db: Queryable, f: ReservationFilter, args: ListArgs) {
  const { where, params, add } = conditions();
  add(`${STATUS} = ?`, f.status);
  add('k.variant_id = ?', f.variantId);
  add('v.item_id = ?', f.itemId);
  add('k.location_id = ?', f.locationId);
  const page = await listPage<ReservationRow>(db, {
    select: `select r.id, r.key_id::text, i.id as item_id, i.code as item_code, i.name as item_name, k.variant_id, v.code as variant_code,
        k.location_id, l.code as location_code, k.lot_id, lot.code as lot_code, k.grade, g.name as grade_name, r.qty, r.remaining,
        ${STATUS} as status, r.source_type, r.source_id, r.note, r.expires_at, r.created_by, u.username as created_by_label,
        r.created_at, r.closed_at, r.created_at::text as created_key
      from stock_reservation r join stock_key k on k.id = r.key_id join variant v on v.id = k.variant_id join item i on i.id = v.item_id
        join location l on l.id = k.location_id left join lot on lot.id = k.lot_id join grade g on g.code = k.grade
        left join app_user u on u.id = r.created_by`,
    where, params,
    sortable: { createdAt: 'r.created_at' }, defaultSort: '-createdAt', idColumn: 'r.id',
    // the cursor keeps the database's microseconds: a JavaScript Date would drop them and skip rows
    cursorOf: (r) => [r.created_key, r.id],
  }, args);
  return { items: page.rows.map(toDto), nextCursor: page.nextCursor };
}

const toDto = (r: ReservationRow): ReservationDto => ({
  id: r.id, keyId: r.key_id, itemId: r.item_id, itemCode: r.item_code, itemName: r.item_name, variantId: r.variant_id,
  variantCode: r.variant_code, locationId: r.location_id, locationCode: r.location_code, lotId: r.lot_id, lotCode: r.lot_code,
  grade: r.grade, gradeName: r.grade_name, qty: r.qty, remaining: r.remaining, status: r.status, sourceType: r.source_type,
  sourceId: r.source_id, note: r.note, expiresAt: r.expires_at?.toISOString() ?? null, createdBy: r.created_by,
  createdByLabel: r.created_by_label, createdAt: r.created_at.toISOString(), closedAt: r.closed_at?.toISOString() ?? null,
});
