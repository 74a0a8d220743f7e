import type { z } from 'zod';
import type { QueueBoxDto, RunDto } from '../../../../contracts/stamping-run';
import type { Queryable } from '../../../kernel/db/types';
import { getPo } from '../../orders/queries/get-po';
import { listSkids } from '../skids/queries';
import { listRunBoxes } from './run-boxes';

/**
 * A PO's run as the workstation shows it: the boxes still to stamp (received boxes of its shipment
 * holding its products, not stamped and not skipped), what is staged for the current skid, its
 * skids, and the region last used (pre-selected on the next box).
 */
export async function getRun(q: Queryable, poId: string): Promise<z.infer<typeof RunDto>> {
  const po = await getPo(q, poId);
  const queue = await q.query<z.infer<typeof QueueBoxDto>>(
    // a box line counts once, however many regions the PO stamps its variant for
    `with boxes as (
       select b.id, br.name as brand, b.box_no, count(*)::int as lines, sum(bl.good_qty) as units, array_agg(bl.variant_id) as variants
       from production_order p
       join shipment_box b on b.shipment_id = p.shipment_id and b.status = 'received'
       join brand br on br.id = b.brand_id
       join shipment_box_line bl on bl.box_id = b.id and bl.good_qty > 0
       where p.id = $1
         and exists (select 1 from production_order_line pl where pl.po_id = p.id and pl.variant_id = bl.variant_id)
         and not exists (select 1 from run_box rb where rb.box_line_id = bl.id)
         and not exists (select 1 from run_skip s where s.po_id = p.id and s.box_id = b.id)
       group by b.id, br.name, b.box_no
     )
     select id as "boxId", brand, box_no as "boxNo", lines, units::text as units,
       array(select distinct pl.region_code from production_order_line pl where pl.po_id = $1 and pl.variant_id = any (variants) order by 1) as regions
     from boxes order by brand, box_no`,
    [poId],
  );
  // the last box's last line: a box's lines share their confirmation moment, and ids follow the order they were sent
  const [sticky] = await q.query<{ region_code: string }>('select region_code from run_box where po_id = $1 order by confirmed_at desc, id desc limit 1', [poId]);
  return { po, queue, staged: await listRunBoxes(q, { poId, staged: true }), skids: await listSkids(q, poId), stickyRegion: sticky?.region_code ?? null };
}
