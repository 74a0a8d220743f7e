import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { getPo } from '../../orders/queries/get-po';
import { assertTransition } from '../../orders/po-states';
import { lockRunPo, type PoRowLocked } from '../../orders/po-row';
import { rollUpParent } from '../../orders/rollup';

/** In Production → Pending Verification: the run is done and waits for a second user. */
export async function submitForVerification(cmd: CommandTx, po: PoRowLocked): Promise<void> {
  assertTransition(po.number, po.status, 'pending_verification');
  await cmd.query(`update production_order set status = 'pending_verification', updated_at = now() where id = $1`, [po.id]);
  cmd.audit({ entityType: 'production_order', entityId: po.id, before: { status: po.status }, after: { status: 'pending_verification' } });
  cmd.emit({ topic: 'stamping.po-pending-verification', summary: `${po.number} waits for verification`, payload: { id: po.id }, permission: 'stamping.read', customerId: po.customer_id });
  if (po.parent_id) await rollUpParent(cmd, po.parent_id);
}

/** Ends a run that stops short of its estimate (boxes skipped): the verifier sees the difference. */
export function finishRun(ctx: Ctx, poId: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.finish-run', input: { poId }, idempotencyKey }, async (cmd) => {
    await submitForVerification(cmd, await lockRunPo(cmd, poId));
    return getPo(cmd, poId);
  });
}
