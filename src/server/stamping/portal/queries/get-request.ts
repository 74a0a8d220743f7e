import type { PoRequestDto } from '../../../../contracts/stamping-run';
import type { Queryable } from '../../../kernel/db/types';
import { DomainError } from '../../../kernel/errors';

const ISO = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One statement for a request with its lines in the words the inbox shows (brand, flavour, mL, mg). */
export const REQUEST_SELECT = `
  select r.id, r.number, r.customer_id as "customerId", c.code as "customerCode", c.name as "customerName",
    r.shipment_id as "shipmentId", s.number as "shipmentNumber", r.status,
    r.requested_day::text as "requestedDay", r.delivery_date::text as "deliveryDate", r.delivery_details as "deliveryDetails",
    r.proposed_day::text as "proposedDay", r.reject_reason as "rejectReason", r.po_id as "poId", p.number as "poNumber",
    ${ISO('r.created_at')} as "createdAt", ${ISO('r.decided_at')} as "decidedAt",
    coalesce((select json_agg(json_build_object('lineNo', l.line_no, 'variantId', l.variant_id, 'code', sv.code, 'label', sv.label,
        'brand', sv.brand, 'flavour', sv.flavour, 'volumeMl', sv.volume_ml, 'strengthMg', sv.strength_mg, 'regionCode', l.region_code,
        'qty', trim_scale(l.qty)::text, 'proposedQty', trim_scale(l.proposed_qty)::text) order by l.line_no)
      from po_request_line l join stamping_variant sv on sv.variant_id = l.variant_id where l.request_id = r.id), '[]') as lines
  from po_request r
  join customer c on c.id = r.customer_id
  join shipment s on s.id = r.shipment_id
  left join production_order p on p.id = r.po_id`;

/** A request; with `customerId`, only if it is that customer's (another's is simply not found). */
export async function findRequest(q: Queryable, id: string, customerId?: string): Promise<PoRequestDto | undefined> {
  const [row] = await q.query<PoRequestDto>(`${REQUEST_SELECT} where r.id = $1 and ($2::uuid is null or r.customer_id = $2)`, [id, customerId ?? null]);
  return row;
}

export const requestNotFound = () => new DomainError('stamping.request_not_found', 'No such request.');

export async function getRequest(q: Queryable, id: string, customerId?: string): Promise<PoRequestDto> {
  const found = await findRequest(q, id, customerId);
  if (!found) throw requestNotFound();
  return found;
}
