import type { PoResult } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { unbook } from '../../../planning';
import { getPo, RUN_TYPE } from '../queries/get-po';
import { assertTransition } from '../po-states';
import { lockPo, type PoRowLocked } from '../po-row';
import { rollUpParent } from '../rollup';

/**
 * Cancels a PO before any box is stamped for it: its units go back to the shipment's availability and its
 * day's capacity is freed (stamp needs are derived from scheduled orders, so they go too).
 * Cancelling a split parent cancels every segment not yet completed.
 */
export function cancelPo(ctx: Ctx, id: string, reason: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.cancel-po', input: { id, reason }, idempotencyKey }, async (cmd): Promise<PoResult> => {
    // a parent before its segments, always: cancelling a segment and its parent at once cannot deadlock
    const [peek] = await cmd.query<{ parent_id: string | null }>('select parent_id from production_order where id = $1', [id]);
    if (peek?.parent_id) await lockPo(cmd, peek.parent_id);
    const po = await lockPo(cmd, id);
    if (po.has_segments) {
      assertTransition(po.number, po.status, 'cancelled');
      const segments = await cmd.query<{ id: string }>(`select id from production_order where parent_id = $1 and status not in ('completed', 'cancelled') order by segment_no`, [id]);
      for (const s of segments) await cancelOne(cmd, await lockPo(cmd, s.id), reason);
      await rollUpParent(cmd, id);
    } else {
      await cancelOne(cmd, po, reason);
      if (po.parent_id) await rollUpParent(cmd, po.parent_id);
    }
    const after = await getPo(cmd, id);
    cmd.emit({ topic: 'stamping.po-cancelled', summary: `${cmd.actor.label} cancelled ${after.number}: ${reason}`, payload: { id, number: after.number }, permission: 'stamping.read', customerId: after.customerId });
    return { po: after, warnings: [] };
  });
}

async function cancelOne(cmd: CommandTx, po: PoRowLocked, reason: string): Promise<void> {
  assertTransition(po.number, po.status, 'cancelled');
  // stamped units are stamped: they cannot go back to the shipment as unstamped stock
  const [stamped] = await cmd.query('select 1 from run_box where po_id = $1 limit 1', [po.id]);
  if (stamped) {
    throw new DomainError('state.conflict', `${po.number} has stamped boxes; finish its run and verify it instead (the verifier sees what is short and the unused stamps go back).`, { currentStatus: po.status });
  }
  await cmd.query(`update production_order set status = 'cancelled', cancelled_at = now(), cancel_reason = $2, updated_at = now() where id = $1`, [po.id, reason]);
  await unbook(cmd, RUN_TYPE, po.id);
  cmd.audit({ entityType: 'production_order', entityId: po.id, before: { status: po.status }, after: { status: 'cancelled', reason } });
}
