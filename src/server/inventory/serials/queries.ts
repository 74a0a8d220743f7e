import type { SerialDto, SerialEventDto } from '../../../contracts/serials';
import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';
import { conditions, likePattern, listPage, type ListArgs } from '../../kernel/pagination';

interface SerialRow {
  id: string; serial_no: string; variant_id: string; variant_code: string; item_id: string; status: SerialDto['status'];
  stage: string | null; location_id: string | null; location_code: string | null; lot_id: string | null; lot_code: string | null;
  order_ref: string | null; iteration: number; created_at: Date; updated_at: Date;
}

const SELECT = `select s.id, s.serial_no, s.variant_id, v.code as variant_code, v.item_id, s.status, s.stage, s.location_id,
  l.code as location_code, s.lot_id, lot.code as lot_code, s.order_ref, s.iteration, s.created_at, s.updated_at
  from serial_unit s join variant v on v.id = s.variant_id left join location l on l.id = s.location_id left join lot on lot.id = s.lot_id`;

const toDto = (r: SerialRow): SerialDto => ({
  id: r.id, serialNo: r.serial_no, variantId: r.variant_id, variantCode: r.variant_code, itemId: r.item_id, status: r.status,
  stage: r.stage, locationId: r.location_id, locationCode: r.location_code, lotId: r.lot_id, lotCode: r.lot_code,
  orderRef: r.order_ref, iteration: r.iteration, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

/** The filter "defects" covers every unit that failed: defective, in rework or scrapped. */
const STATUS_GROUPS: Record<string, string[]> = { defects: ['defective', 'rework', 'scrapped'] };

export async function listSerials(db: Queryable, f: { itemId?: string; variantId?: string; status?: string; q?: string; orderRef?: string }, args: ListArgs) {
  const { where, params, add } = conditions();
  add('v.item_id = ?', f.itemId);
  add('s.variant_id = ?', f.variantId);
  if (f.status) add('s.status = any (?)', STATUS_GROUPS[f.status] ?? [f.status]);
  add('s.serial_no ilike ?', f.q ? likePattern(f.q) : undefined);
  add('s.order_ref = ?', f.orderRef);
  const page = await listPage<SerialRow>(db, {
    select: SELECT, where, params,
    sortable: { serialNo: 's.serial_no', updatedAt: 's.updated_at' }, defaultSort: 'serialNo', idColumn: 's.id',
    cursorOf: (r, field) => [field === 'serialNo' ? r.serial_no : r.updated_at, r.id],
  }, args);
  return { items: page.rows.map(toDto), nextCursor: page.nextCursor };
}

export async function getSerial(db: Queryable, id: string): Promise<SerialDto & { history: SerialEventDto[] }> {
  const [r] = await db.query<SerialRow>(`${SELECT} where s.id = $1`, [id]);
  if (!r) throw new DomainError('inventory.serial_not_found', `No serial unit ${id}.`);
  const history = await db.query<{ id: string; at: Date; event: string; from_status: string | null; to_status: string | null; stage: string | null; location_code: string | null; iteration: number; actor_label: string | null; note: string | null }>(
    `select e.id::text, e.at, e.event, e.from_status, e.to_status, e.stage, l.code as location_code, e.iteration, u.username as actor_label, e.note
     from serial_event e left join location l on l.id = e.location_id left join app_user u on u.id = e.actor_id
     where e.serial_id = $1 order by e.at, e.id`,
    [id],
  );
  return {
    ...toDto(r),
    history: history.map((h) => ({ id: h.id, at: h.at.toISOString(), event: h.event, fromStatus: h.from_status, toStatus: h.to_status, stage: h.stage, locationCode: h.location_code, iteration: h.iteration, actorLabel: h.actor_label, note: h.note })),
  };
}
