import type { AvailabilityDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';

/**
 * What a shipment still offers for production orders, per product variant:
 *
 *   total     = good quantity over the received boxes' lines — or, while no box has been received,
 *               the packing-list quantity (basis `packing_list`), so POs can be planned pre-arrival;
 *   allocated = the lines of this shipment's production orders that are not cancelled and have no
 *               segments (a split parent counts through its segments, never twice); a line stamped
 *               past its quantity (a box is stamped whole) holds what it stamped: those units are
 *               gone from the shipment whatever the plan said;
 *   available = total − allocated (negative when damage found later leaves POs short).
 *
 * Good, not raw: damaged and missing units never count. Exact numeric throughout. Production-order
 * commands call this inside their transaction after locking the shipment row, as receiving does.
 */
export async function shipmentAvailability(q: Queryable, shipmentId: string): Promise<AvailabilityDto[]> {
  return q.query<AvailabilityDto>(
    `with received as (
       select bl.variant_id, sum(bl.good_qty) as qty
       from shipment_box b join shipment_box_line bl on bl.box_id = b.id
       where b.shipment_id = $1 and b.status = 'received'
       group by bl.variant_id
     ),
     basis as (
       select case when exists (select 1 from shipment_box where shipment_id = $1 and status = 'received') then 'received' else 'packing_list' end as basis
     ),
     packed as (select variant_id, qty from shipment_line where shipment_id = $1),
     allocated as (
       select l.variant_id, sum(greatest(l.qty, l.stamped_qty)) as qty
       from production_order po join production_order_line l on l.po_id = po.id
       where po.shipment_id = $1 and po.status <> 'cancelled' and not po.has_segments
       group by l.variant_id
     ),
     variants as (select variant_id from received union select variant_id from packed union select variant_id from allocated),
     figures as (
       select v.variant_id, basis.basis,
         case when basis.basis = 'received' then coalesce(r.qty, 0) else coalesce(p.qty, 0) end as total,
         coalesce(a.qty, 0) as allocated
       from variants v cross join basis
       left join received r on r.variant_id = v.variant_id
       left join packed p on p.variant_id = v.variant_id
       left join allocated a on a.variant_id = v.variant_id
     )
     select f.variant_id as "variantId", sv.label, sv.brand, sv.flavour, sv.volume_ml as "volumeMl", sv.strength_mg as "strengthMg", f.basis,
       trim_scale(f.total)::text as total, trim_scale(f.allocated)::text as allocated, trim_scale(f.total - f.allocated)::text as available
     from figures f join stamping_variant sv on sv.variant_id = f.variant_id
     order by sv.brand, sv.flavour, sv.volume_ml::numeric, sv.strength_mg::numeric`,
    [shipmentId],
  );
}
