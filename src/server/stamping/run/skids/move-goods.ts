import Decimal from '../../../../contracts/exact-decimal';
import type { CommandTx } from '../../../kernel/run-command';
import { postDocumentInTx } from '../../../inventory';

/**
 * Moves the stamped units of some confirmed box lines between two locations in the ledger (into a
 * skid's place at put-away, or between skids' places), in the shipment's lot, as one transfer.
 */
export async function moveStampedGoods(cmd: CommandTx, runBoxIds: string[], from: string, to: string, note: string): Promise<void> {
  if (from === to || runBoxIds.length === 0) return;
  const rows = await cmd.query<{ variant_id: string; lot_id: string; qty: string }>(
    `select bl.variant_id, s.lot_id, sum(rb.qty)::text as qty
     from run_box rb join shipment_box_line bl on bl.id = rb.box_line_id join shipment_box b on b.id = rb.box_id join shipment s on s.id = b.shipment_id
     where rb.id = any($1::uuid[]) group by bl.variant_id, s.lot_id`,
    [runBoxIds],
  );
  const lines = rows.filter((r) => new Decimal(r.qty).gt(0));
  if (lines.length === 0) return;
  await postDocumentInTx(cmd, {
    type: 'transfer', note, sourceType: 'skid',
    lines: lines.map((r) => ({ variantId: r.variant_id, lotId: r.lot_id, grade: 'good', fromLocationId: from, toLocationId: to, qty: r.qty })),
  });
}

/** Where a PO's unstamped and staged goods sit: the consignee's location. */
export async function consigneeLocation(cmd: CommandTx, poId: string): Promise<string> {
  const [row] = (await cmd.query<{ location_id: string }>(
    'select c.location_id from production_order p join consignee c on c.customer_id = p.customer_id where p.id = $1', [poId],
  )) as [{ location_id: string }];
  return row.location_id;
}
