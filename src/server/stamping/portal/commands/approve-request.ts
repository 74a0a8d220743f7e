import type { PoRequestDecision } from '../../../../contracts/stamping-run';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { getRequest } from '../queries/get-request';
import { lockRequest, requireStatus } from '../lock-request';
import { requestToPo } from '../request-to-po';
import { emitRequestEvent } from '../events';

/** Approve: the request becomes a PO on the requested day, through createPo's rules. */
export function approveRequest(ctx: Ctx, id: string, opts: { autoSplit: boolean }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.approve-request', input: { id, ...opts }, idempotencyKey }, async (cmd): Promise<PoRequestDecision> => {
    const req = await lockRequest(cmd, id);
    requireStatus(req, ['pending'], 'approved');
    const { po, warnings } = await requestToPo(cmd, req, { proposal: false, autoSplit: opts.autoSplit });
    const request = await getRequest(cmd, id);
    cmd.audit({ entityType: 'po_request', entityId: id, before: { status: req.status }, after: { status: request.status, po: po.number, day: po.day } });
    emitRequestEvent(cmd, 'stamping.request-approved', `${cmd.actor.label} approved ${request.number}: ${po.number}${po.day ? ` on ${po.day}` : ''}`, request);
    return { request, po, warnings };
  });
}
