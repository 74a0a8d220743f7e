import type { ShipmentDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';

export interface ShipmentRow {
  id: string;
  number: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  reference: string | null;
  status: ShipmentDto['status'];
  expected_on: string | null;
  lot_id: string;
  note: string | null;
  created_at: Date;
  inventoried_at: Date | null;
  brands: string[];
  boxes_received: number;
  boxes_expected: number;
}

/** A shipment with its consignee, box counts and the brands it carries (boxes, box lines, packing list). */
export const SHIPMENT_SELECT = `select s.id, s.number, s.customer_id, cu.code as customer_code, cu.name as customer_name, s.reference, s.status,
    s.expected_on::text as expected_on, s.lot_id, s.note, s.created_at, s.inventoried_at,
    array(select br.name from brand br where br.id in (
        select b.brand_id from shipment_box b where b.shipment_id = s.id
        union select sv.brand_id from shipment_line l join stamping_variant sv on sv.variant_id = l.variant_id where l.shipment_id = s.id
        union select sv.brand_id from shipment_box b join shipment_box_line bl on bl.box_id = b.id
          join stamping_variant sv on sv.variant_id = bl.variant_id where b.shipment_id = s.id)
      order by lower(br.name)) as brands,
    (select count(*)::int from shipment_box b where b.shipment_id = s.id and b.status = 'received') as boxes_received,
    (select count(*)::int from shipment_box b where b.shipment_id = s.id and b.status = 'expected') as boxes_expected
  from shipment s join customer cu on cu.id = s.customer_id`;

/** Maps rows to DTOs, reading the packing lists of all of them in one query. */
export async function toShipmentDtos(q: Queryable, rows: ShipmentRow[]): Promise<ShipmentDto[]> {
  if (!rows.length) return [];
  const lines = await q.query<{ shipment_id: string; variant_id: string; label: string; qty: string }>(
    `select l.shipment_id, l.variant_id, sv.label, trim_scale(l.qty)::text as qty
     from shipment_line l join stamping_variant sv on sv.variant_id = l.variant_id
     where l.shipment_id = any($1::uuid[]) order by sv.label`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id, number: r.number, customerId: r.customer_id, customerCode: r.customer_code, customerName: r.customer_name,
    reference: r.reference, status: r.status, expectedOn: r.expected_on, lotId: r.lot_id, note: r.note,
    createdAt: r.created_at.toISOString(), inventoriedAt: r.inventoried_at?.toISOString() ?? null,
    brands: r.brands, boxesReceived: r.boxes_received, boxesExpected: r.boxes_expected,
    packingList: lines.filter((l) => l.shipment_id === r.id).map((l) => ({ variantId: l.variant_id, label: l.label, qty: l.qty })),
  }));
}
