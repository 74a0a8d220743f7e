import type { StampOrderDto } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { getStampOrder } from '../queries/get-stamp-order';
import { lockStampOrder, refuseUnlessOrdered } from '../lock-stamp-order';

/**
 * Cancels an order whose stamps have not arrived. Received stamps are in the ledger: taking them
 * back out is a stock correction (cancel the receipt or adjust), not a cancelled order.
 */
export function cancelStampOrder(ctx: Ctx, id: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.cancel-stamp-order', input: { id }, idempotencyKey }, async (cmd): Promise<StampOrderDto> => {
    const order = await lockStampOrder(cmd, id);
    refuseUnlessOrdered(order, 'cancelled');
    const before = (await getStampOrder(cmd, id))!;
    await cmd.query(`update stamp_order set status = 'cancelled' where id = $1`, [id]);
    const after = (await getStampOrder(cmd, id))!;
    cmd.audit({ entityType: 'stamp_order', entityId: id, before, after });
    cmd.emit({
      topic: 'stamping.stamp-order-cancelled',
      summary: `${cmd.actor.label} cancelled stamp order ${order.number}`,
      payload: { id, number: order.number, regionCode: order.region_code }, permission: 'stamping.read',
    });
    return after;
  });
}
