import type { StampOrderDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';

export interface StampOrderRow {
  id: string; number: string; region_code: string; region_name: string; qty: string; supplier: string | null;
  status: StampOrderDto['status']; ordered_on: string; received_at: Date | null; document_id: string | null;
  note: string | null; created_at: Date; created_key: string;
}

/** Every read of a stamp order goes through this select, so list and commands answer alike. */
export const STAMP_ORDER_SELECT = `select so.id, so.number, so.region_code, r.name as region_name, so.qty, so.supplier, so.status,
    so.ordered_on, so.received_at, so.document_id, so.note, so.created_at, so.created_at::text as created_key
  from stamp_order so join tax_region r on r.code = so.region_code`;

export const toStampOrderDto = (r: StampOrderRow): StampOrderDto => ({
  id: r.id, number: r.number, regionCode: r.region_code, regionName: r.region_name, qty: r.qty, supplier: r.supplier,
  status: r.status, orderedOn: r.ordered_on, receivedAt: r.received_at?.toISOString() ?? null, documentId: r.document_id,
  note: r.note, createdAt: r.created_at.toISOString(),
});

export async function getStampOrder(q: Queryable, id: string): Promise<StampOrderDto | undefined> {
  const [row] = await q.query<StampOrderRow>(`${STAMP_ORDER_SELECT} where so.id = $1`, [id]);
  return row && toStampOrderDto(row);
}
