import Decimal from '../../../../contracts/exact-decimal';
import type { CommandTx } from '../../../kernel/run-command';
import { postDocumentInTx } from '../../../inventory';
import { consigneeLocation } from '../skids/move-goods';

interface Found { boxLineId: string; damaged: Decimal; missing: Decimal }

/**
 * What the operator found at the station leaves the customer's good stock at the consignee's place:
 * damaged units move to the damaged grade there (one transfer), missing units are written off (one
 * adjustment), in the shipment's lot, owned by the order like its stamp issue. Only when any were found.
 */
export async function recordDamagedAndMissing(cmd: CommandTx, po: { id: string; number: string }, box: string, found: Found[]): Promise<void> {
  const some = found.filter((f) => f.damaged.gt(0) || f.missing.gt(0));
  if (!some.length) return;
  const lines = await cmd.query<{ id: string; variant_id: string; lot_id: string }>(
    `select bl.id, bl.variant_id, s.lot_id from shipment_box_line bl join shipment_box b on b.id = bl.box_id join shipment s on s.id = b.shipment_id
     where bl.id = any($1::uuid[])`,
    [some.map((f) => f.boxLineId)],
  );
  const of = new Map(lines.map((l) => [l.id, l]));
  const at = await consigneeLocation(cmd, po.id);
  const owned = { sourceType: 'production_order', sourceId: po.id };
  const damaged = some.filter((f) => f.damaged.gt(0));
  if (damaged.length) {
    await postDocumentInTx(cmd, {
      type: 'transfer', ...owned, note: `${po.number}: ${box} — found damaged at stamping`,
      lines: damaged.map((f) => ({ variantId: of.get(f.boxLineId)!.variant_id, lotId: of.get(f.boxLineId)!.lot_id, grade: 'good', toGrade: 'damaged', fromLocationId: at, toLocationId: at, qty: f.damaged.toString() })),
    });
  }
  const missing = some.filter((f) => f.missing.gt(0));
  if (missing.length) {
    await postDocumentInTx(cmd, {
      type: 'adjustment', ...owned, reason: 'missing', note: `${po.number}: ${box} — missing at stamping`,
      lines: missing.map((f) => ({ variantId: of.get(f.boxLineId)!.variant_id, lotId: of.get(f.boxLineId)!.lot_id, grade: 'good', locationId: at, qty: f.missing.negated().toString() })),
    });
  }
}
