import type { Queryable } from '../../../kernel/db/types';
import { renderSkidLabel } from '../../../documents/skid-label';
import { getPo } from '../../orders/queries/get-po';
import { getSkid } from './queries';

/** The printable label of a live skid: what the put-away crew and the consignee's receiver scan. */
export async function skidLabelPdf(q: Queryable, poId: string, skidId: string): Promise<{ pdf: Uint8Array; label: string }> {
  const [po, skid] = await Promise.all([getPo(q, poId), getSkid(q, poId, skidId)]);
  const regions = await q.query<{ name: string }>(
    'select distinct r.name, r.position from run_box rb join tax_region r on r.code = rb.region_code where rb.skid_id = $1 order by r.position', [skidId],
  );
  const pdf = renderSkidLabel({
    label: skid.label, poNumber: po.number, customer: `${po.customerName} (${po.customerCode})`, place: skid.locationPath,
    boxes: skid.boxes, stamped: skid.stamped, regions: regions.map((r) => r.name), printedAt: new Date(),
  });
  return { pdf, label: skid.label };
}
