import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { lockRunPo } from '../../orders/po-row';

/** Takes a box out of this PO's run (a shortage choice, or a box that will not be stamped now). */
export function skipBox(ctx: Ctx, poId: string, input: { boxId: string; reason?: string | null }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.skip-box', input: { poId, ...input }, idempotencyKey }, async (cmd) => {
    const po = await lockRunPo(cmd, poId);
    if (po.status !== 'in_production') throw new DomainError('stamping.run_not_started', `${po.number} is not in production.`, { currentStatus: po.status });
    const [box] = await cmd.query<{ box_no: number; brand: string }>(
      `select b.box_no, br.name as brand from shipment_box b join brand br on br.id = b.brand_id where b.id = $1 and b.shipment_id = $2`,
      [input.boxId, po.shipment_id],
    );
    if (!box) throw new DomainError('stamping.box_not_found', 'No such box on this order\'s shipment.', { errors: [{ field: 'boxId', message: 'not a box of this shipment' }] });
    await cmd.query(
      `insert into run_skip (po_id, box_id, reason, skipped_by) values ($1, $2, $3, $4) on conflict (po_id, box_id) do update set reason = excluded.reason`,
      [poId, input.boxId, input.reason ?? null, cmd.actor.userId],
    );
    cmd.audit({ entityType: 'production_order', entityId: poId, after: { skippedBox: `${box.brand} #${box.box_no}`, reason: input.reason ?? null } });
    cmd.emit({ topic: 'stamping.box-skipped', summary: `${cmd.actor.label} skipped ${box.brand} #${box.box_no} on ${po.number}`, payload: { poId, boxId: input.boxId }, permission: 'stamping.read', customerId: po.customer_id });
    return { poId, boxId: input.boxId, skipped: true };
  });
}
