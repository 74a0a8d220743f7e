import type { PoDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import { DomainError } from '../../../kernel/errors';

export const RUN_TYPE = 'stamping_po';

interface PoRow extends Omit<PoDto, 'lines' | 'segments' | 'regions'> {
  lines: PoDto['lines'] | null;
  segments: PoDto['segments'] | null;
}

/** One statement for a PO, its lines with their variant words, its booking and its segments. */
const SELECT = `
  select p.id, p.number, p.customer_id as "customerId", c.code as "customerCode", c.name as "customerName",
    p.shipment_id as "shipmentId", s.number as "shipmentNumber", p.status, p.urgent, p.notes,
    p.parent_id as "parentId", pp.number as "parentNumber", p.segment_no as "segmentNo",
    p.reverification_required as "reverificationRequired", b.day::text as day, b.sequence,
    coalesce((select sum(qty) from production_order_line where po_id = p.id), 0)::text as "totalQty",
    coalesce((select sum(stamped_qty) from production_order_line where po_id = p.id), 0)::text as "stampedQty",
    to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
    to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt",
    p.cancel_reason as "cancelReason",
    (select json_agg(json_build_object('id', l.id, 'lineNo', l.line_no, 'variantId', l.variant_id, 'label', sv.label,
        'brand', sv.brand, 'flavour', sv.flavour, 'volumeMl', sv.volume_ml, 'strengthMg', sv.strength_mg,
        'regionCode', r.code, 'regionName', r.name, 'regionColour', r.colour, 'qty', l.qty::text, 'stampedQty', l.stamped_qty::text)
        order by l.line_no)
      from production_order_line l join stamping_variant sv on sv.variant_id = l.variant_id join tax_region r on r.code = l.region_code
      where l.po_id = p.id) as lines,
    (select json_agg(json_build_object('id', sg.id, 'number', sg.number, 'status', sg.status, 'day', sb.day::text,
        'qty', (select coalesce(sum(qty), 0)::text from production_order_line where po_id = sg.id)) order by sg.segment_no)
      from production_order sg left join planning_booking sb on sb.run_type = '${RUN_TYPE}' and sb.run_id = sg.id
      where sg.parent_id = p.id) as segments
  from production_order p
  join customer c on c.id = p.customer_id
  join shipment s on s.id = p.shipment_id
  left join production_order pp on pp.id = p.parent_id
  left join planning_booking b on b.run_type = '${RUN_TYPE}' and b.run_id = p.id`;

export function toPoDto(r: PoRow): PoDto {
  const lines = r.lines ?? [];
  return { ...r, lines, segments: r.segments ?? [], regions: [...new Set(lines.map((l) => l.regionCode))] };
}

export async function findPo(q: Queryable, id: string): Promise<PoDto | undefined> {
  const [row] = await q.query<PoRow>(`${SELECT} where p.id = $1`, [id]);
  return row && toPoDto(row);
}

export async function getPo(q: Queryable, id: string): Promise<PoDto> {
  const po = await findPo(q, id);
  if (!po) throw new DomainError('stamping.po_not_found', 'No such production order.');
  return po;
}

export const PO_SELECT = SELECT;
export type { PoRow };
