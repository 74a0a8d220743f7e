import type { ReceivedTotalsDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';

/** Per product: the packing-list quantity beside the raw, good, damaged and missing of received boxes. */
export async function receivedTotals(q: Queryable, shipmentId: string): Promise<ReceivedTotalsDto[]> {
  return q.query<ReceivedTotalsDto>(
    `with received as (
       select bl.variant_id, sum(bl.raw_qty) as raw, sum(bl.good_qty) as good, sum(bl.damaged_qty) as damaged,
         sum(bl.missing_qty) as missing, count(distinct b.id)::int as boxes
       from shipment_box b join shipment_box_line bl on bl.box_id = b.id
       where b.shipment_id = $1 and b.status = 'received'
       group by bl.variant_id
     ),
     packed as (select variant_id, qty from shipment_line where shipment_id = $1),
     variants as (select variant_id from received union select variant_id from packed)
     select v.variant_id as "variantId", sv.label, sv.brand,
       trim_scale(coalesce(p.qty, 0))::text as "packedQty", trim_scale(coalesce(r.raw, 0))::text as "rawQty",
       trim_scale(coalesce(r.good, 0))::text as "goodQty", trim_scale(coalesce(r.damaged, 0))::text as "damagedQty",
       trim_scale(coalesce(r.missing, 0))::text as "missingQty", coalesce(r.boxes, 0) as boxes
     from variants v join stamping_variant sv on sv.variant_id = v.variant_id
     left join received r on r.variant_id = v.variant_id
     left join packed p on p.variant_id = v.variant_id
     order by sv.brand, sv.flavour, sv.volume_ml::numeric, sv.strength_mg::numeric`,
    [shipmentId],
  );
}
