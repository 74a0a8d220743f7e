import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { getPo } from '../../orders/queries/get-po';
import { assertTransition } from '../../orders/po-states';
import { lockRunPo } from '../../orders/po-row';
import { rollUpParent } from '../../orders/rollup';

/** Open → In Production: the workstation starts scanning this PO's boxes. */
export function startRun(ctx: Ctx, poId: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.start-run', input: { poId }, idempotencyKey }, async (cmd) => {
    const po = await lockRunPo(cmd, poId);
    assertTransition(po.number, po.status, 'in_production');
    await cmd.query(`update production_order set status = 'in_production', started_at = now(), started_by = $2, updated_at = now() where id = $1`, [poId, cmd.actor.userId]);
    if (po.parent_id) await rollUpParent(cmd, po.parent_id);
    cmd.audit({ entityType: 'production_order', entityId: poId, before: { status: po.status }, after: { status: 'in_production' } });
    cmd.emit({ topic: 'stamping.po-started', summary: `${cmd.actor.label} started the run of ${po.number}`, payload: { id: poId }, permission: 'stamping.read', customerId: po.customer_id });
    return getPo(cmd, poId);
  });
}
