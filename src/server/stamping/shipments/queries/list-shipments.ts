import type { ShipmentDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import { conditions, likePattern, listPage, type ListArgs } from '../../../kernel/pagination';
import { SHIPMENT_SELECT, toShipmentDtos, type ShipmentRow } from './shipment-row';

export interface ShipmentFilter {
  customerId?: string;
  status?: ShipmentDto['status'];
  /** text in the shipment number or the customer's reference */
  q?: string;
}

export async function listShipments(q: Queryable, f: ShipmentFilter, args: ListArgs): Promise<{ items: ShipmentDto[]; nextCursor: string | null }> {
  const { where, params, add } = conditions();
  add('s.customer_id = ?', f.customerId);
  add('s.status = ?', f.status);
  add(`(s.number ilike ? or coalesce(s.reference, '') ilike ?)`, f.q ? likePattern(f.q) : undefined);
  const page = await listPage<ShipmentRow>(q, {
    select: SHIPMENT_SELECT, where, params,
    sortable: { createdAt: 's.created_at', number: 'lower(s.number)' },
    defaultSort: '-createdAt',
    idColumn: 's.id',
    cursorOf: (r, field) => [field === 'number' ? r.number.toLowerCase() : r.created_at, r.id],
  }, args);
  return { items: await toShipmentDtos(q, page.rows), nextCursor: page.nextCursor };
}
