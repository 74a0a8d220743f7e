import type { StampOrderDto } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { getStampOrder } from '../queries/get-stamp-order';
import { groupThousands } from '../../../kernel/quantity-text';
import { postStampReceipt } from '../stamp-receipt';
import { lockStampOrder, refuseUnlessOrdered } from '../lock-stamp-order';

/** The ordered stamps arrived: one receipt into the stamp store; a second receive is a 409. */
export function receiveStampOrder(ctx: Ctx, id: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.receive-stamp-order', input: { id }, idempotencyKey }, async (cmd): Promise<StampOrderDto> => {
    const order = await lockStampOrder(cmd, id);
    refuseUnlessOrdered(order, 'received');
    const before = (await getStampOrder(cmd, id))!;
    await postStampReceipt(cmd, { id, number: order.number, regionCode: order.region_code, stampVariantId: order.stamp_variant_id, qty: order.qty, supplier: order.supplier });
    const after = (await getStampOrder(cmd, id))!;
    cmd.audit({ entityType: 'stamp_order', entityId: id, before, after });
    cmd.emit({
      topic: 'stamping.stamp-order-received',
      summary: `${cmd.actor.label} received ${groupThousands(order.qty)} ${order.region_name} stamps (${order.number})`,
      payload: { id, number: order.number, regionCode: order.region_code }, permission: 'stamping.read',
    });
    return after;
  });
}
