import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { lockShipment } from '../lock-shipment';
import { getShipment } from '../queries/get-shipment';

/**
 * Receiving is done: the shipment's stock is what its received boxes held, and production orders
 * may now be planned against it. Announced boxes that never came stay `expected` (not arrived);
 * the audit entry says how many.
 */
export function markInventoried(ctx: Ctx, shipmentId: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.mark-inventoried', input: { shipmentId }, idempotencyKey }, async (cmd) => {
    const shipment = await lockShipment(cmd, shipmentId);
    if (shipment.status !== 'receiving') {
      const why = shipment.status === 'expected' ? 'no box has been received yet' : 'it is already inventoried';
      throw new DomainError('state.illegal_transition', `Shipment ${shipment.number} cannot be marked inventoried: ${why}.`, { from: shipment.status, to: 'inventoried' });
    }
    await cmd.query(
      `update shipment set status = 'inventoried', inventoried_at = $2, inventoried_by = $3, updated_at = $2 where id = $1`,
      [shipmentId, cmd.now, cmd.actor.userId],
    );
    const after = (await getShipment(cmd, shipmentId))!;
    cmd.audit({
      entityType: 'shipment', entityId: shipmentId,
      before: { status: 'receiving' },
      after: { status: 'inventoried', boxesReceived: after.boxesReceived, boxesNotArrived: after.boxesExpected },
    });
    const notArrived = after.boxesExpected ? `; ${after.boxesExpected} announced ${after.boxesExpected === 1 ? 'box' : 'boxes'} did not arrive` : '';
    cmd.emit({
      topic: 'stamping.shipment-inventoried', summary: `Shipment ${shipment.number} inventoried: ${after.boxesReceived} boxes received${notArrived}`,
      payload: { id: shipmentId, number: shipment.number }, permission: 'stamping.read', customerId: shipment.customerId,
    });
    return after;
  });
}
