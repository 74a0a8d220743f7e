import type { Queryable } from '../../kernel/db/types';

/** Where a consignee's goods are kept at the plant: every shipment of theirs is received there. */
export async function consigneePlace(q: Queryable, customerId: string): Promise<string> {
  const [row] = (await q.query<{ location_id: string }>('select location_id from consignee where customer_id = $1', [customerId])) as [{ location_id: string }];
  return row.location_id;
}
