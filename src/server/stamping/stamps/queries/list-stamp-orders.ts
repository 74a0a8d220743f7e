import type { StampOrderDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import { conditions, listPage, type ListArgs } from '../../../kernel/pagination';
import { STAMP_ORDER_SELECT, toStampOrderDto, type StampOrderRow } from './get-stamp-order';

export interface StampOrderFilter {
  regionCode?: string;
  status?: StampOrderDto['status'];
}

/** Stamp orders, newest first by default (sort: createdAt, orderedOn, number). */
export async function listStampOrders(db: Queryable, f: StampOrderFilter, args: ListArgs) {
  const { where, params, add } = conditions();
  add('so.region_code = ?', f.regionCode);
  add('so.status = ?', f.status);
  const page = await listPage<StampOrderRow>(db, {
    select: STAMP_ORDER_SELECT, where, params,
    sortable: { createdAt: 'so.created_at', orderedOn: 'so.ordered_on', number: 'so.number' },
    defaultSort: '-createdAt', idColumn: 'so.id',
    // created_key keeps the database's microseconds: a JavaScript Date would drop them and skip rows
    cursorOf: (r, field) => [field === 'orderedOn' ? r.ordered_on : field === 'number' ? r.number : r.created_key, r.id],
  }, args);
  return { items: page.rows.map(toStampOrderDto), nextCursor: page.nextCursor };
}
