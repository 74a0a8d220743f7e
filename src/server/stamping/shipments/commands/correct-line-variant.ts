import Decimal from '../../../../contracts/exact-decimal';
import type { BoxDto } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { postDocumentInTx } from '../../../inventory';
import { lockShipment } from '../lock-shipment';
import { consigneePlace } from '../consignee-place';
import { requireProductVariants } from '../product-variants';
import { shipmentAvailability } from '../queries/availability';
import { getBox } from '../queries/list-boxes';

export interface CorrectLineVariantInput {
  variantId: string;
  reason: string;
}

/**
 * A box line received as the wrong product (the seed's Variant mismatch: "the operator can pick a
 * different flavour"): the line becomes the product the box really holds, and the customer's stock
 * at the consignee's place moves with it — one adjustment taking the line's good and found-damaged
 * units off the old variant and onto the new one, in the shipment's lot, at no cost. Refused once
 * any of the line is stamped, and when production orders already count on the old variant's units.
 */
export function correctLineVariant(ctx: Ctx, shipmentId: string, boxLineId: string, input: CorrectLineVariantInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.correct-line-variant', input: { shipmentId, boxLineId, ...input }, idempotencyKey }, async (cmd): Promise<BoxDto> => {
    const shipment = await lockShipment(cmd, shipmentId);
    const [line] = await cmd.query<{ box_id: string; variant_id: string; good_qty: string; damaged_qty: string; status: string; label: string; stamped: boolean; taken: boolean }>(
      `select bl.box_id, bl.variant_id, bl.good_qty::text, bl.damaged_qty::text, b.status, br.name || ' #' || b.box_no as label,
         exists (select 1 from run_box rb where rb.box_line_id = bl.id) as stamped,
         exists (select 1 from shipment_box_line o where o.box_id = bl.box_id and o.id <> bl.id and o.variant_id = $3) as taken
       from shipment_box_line bl join shipment_box b on b.id = bl.box_id join brand br on br.id = b.brand_id
       where bl.id = $1 and b.shipment_id = $2 for update of bl`,
      [boxLineId, shipmentId, input.variantId],
    );
    if (!line) throw new DomainError('stamping.box_line_not_found', 'No such line on a box of this shipment.');
    if (line.status !== 'received') throw new DomainError('state.illegal_transition', `Box ${line.label} is not received yet: announce its content instead.`, { currentStatus: line.status });
    if (line.stamped) throw new DomainError('stamping.line_stamped', `A line of box ${line.label} is stamped already: its product can no longer change.`);
    await requireProductVariants(cmd, [input.variantId], () => 'variantId');
    if (input.variantId === line.variant_id) throw invalid('variantId', 'the line holds this product already');
    if (line.taken) throw invalid('variantId', `box ${line.label} has a line of this product already`);

    await cmd.query('update shipment_box_line set variant_id = $2 where id = $1', [boxLineId, input.variantId]);
    const short = (await shipmentAvailability(cmd, shipmentId)).find((a) => a.variantId === line.variant_id && new Decimal(a.available).isNegative());
    if (short) {
      throw new DomainError('stamping.units_allocated', `Production orders count on these units of ${short.label}: ${short.allocated} allocated, ${short.total} left once corrected. Edit those orders first.`, { variantId: short.variantId, allocated: short.allocated, total: short.total });
    }
    const at = { locationId: await consigneePlace(cmd, shipment.customerId), lotId: shipment.lotId };
    const moves = (['good', 'damaged'] as const).flatMap((grade) => {
      const qty = grade === 'good' ? line.good_qty : line.damaged_qty;
      if (!new Decimal(qty).gt(0)) return [];
      return [
        { ...at, grade, variantId: line.variant_id, qty: new Decimal(qty).negated().toString() },
        { ...at, grade, variantId: input.variantId, qty, unitCost: '0' },
      ];
    });
    if (moves.length) {
      await postDocumentInTx(cmd, {
        type: 'adjustment', reason: 'receiving correction', sourceType: 'shipment_box', sourceId: line.box_id,
        note: `Shipment ${shipment.number}, box ${line.label}: ${input.reason}`, lines: moves,
      });
    }
    const box = (await getBox(cmd, line.box_id))!;
    cmd.audit({ entityType: 'shipment_box_line', entityId: boxLineId, before: { variantId: line.variant_id }, after: { variantId: input.variantId, reason: input.reason } });
    cmd.emit({ topic: 'stamping.box-corrected', summary: `Box ${line.label} of shipment ${shipment.number}: a line's product corrected`, payload: { shipmentId, boxId: line.box_id, number: shipment.number }, permission: 'stamping.read', customerId: shipment.customerId });
    return box;
  });
}
