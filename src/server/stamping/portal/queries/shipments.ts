import type { PortalShipmentDto } from '../../../../contracts/stamping-run';
import type { ShipmentDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import type { ListArgs } from '../../../kernel/pagination';
import { listShipments } from '../../shipments/queries/list-shipments';
import { getShipment } from '../../shipments/queries/get-shipment';

/** A customer's shipments, newest first, each with what its received boxes held. */
export async function portalShipments(q: Queryable, customerId: string, status: ShipmentDto['status'] | undefined, args: ListArgs): Promise<{ items: PortalShipmentDto[]; nextCursor: string | null }> {
  const page = await listShipments(q, { customerId, status }, args);
  return { items: await withFigures(q, page.items), nextCursor: page.nextCursor };
}

/** One of the customer's shipments; another customer's is simply not there. */
export async function portalShipment(q: Queryable, customerId: string, id: string): Promise<PortalShipmentDto | undefined> {
  const s = await getShipment(q, id);
  if (!s || s.customerId !== customerId) return undefined;
  return (await withFigures(q, [s]))[0];
}

async function withFigures(q: Queryable, shipments: ShipmentDto[]): Promise<PortalShipmentDto[]> {
  if (!shipments.length) return [];
  const rows = await q.query<{ shipment_id: string; raw: string; good: string; damaged: string; missing: string }>(
    `select b.shipment_id, trim_scale(sum(bl.raw_qty))::text as raw, trim_scale(sum(bl.good_qty))::text as good,
       trim_scale(sum(bl.damaged_qty))::text as damaged, trim_scale(sum(bl.missing_qty))::text as missing
     from shipment_box b join shipment_box_line bl on bl.box_id = b.id
     where b.shipment_id = any($1::uuid[]) and b.status = 'received' group by b.shipment_id`,
    [shipments.map((s) => s.id)],
  );
  const by = new Map(rows.map((r) => [r.shipment_id, r]));
  return shipments.map((s) => {
    const f = by.get(s.id);
    // the shipment's note is the plant's (written when it was announced), not the customer's
    return { ...s, note: null, figures: { rawQty: f?.raw ?? '0', goodQty: f?.good ?? '0', damagedQty: f?.damaged ?? '0', missingQty: f?.missing ?? '0' } };
  });
}
