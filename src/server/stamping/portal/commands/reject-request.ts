import type { PoRequestDecision } from '../../../../contracts/stamping-run';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { getRequest } from '../queries/get-request';
import { lockRequest, requireStatus } from '../lock-request';
import { emitRequestEvent } from '../events';

/** Reject, with the reason the customer reads in their portal. */
export function rejectRequest(ctx: Ctx, id: string, reason: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.reject-request', input: { id, reason }, idempotencyKey }, async (cmd): Promise<PoRequestDecision> => {
    const req = await lockRequest(cmd, id);
    requireStatus(req, ['pending', 'modified'], 'rejected');
    await cmd.query(
      `update po_request set status = 'rejected', reject_reason = $2, decided_by = $3, decided_at = $4, updated_at = $4 where id = $1`,
      [id, reason, cmd.actor.userId, cmd.now],
    );
    const request = await getRequest(cmd, id);
    cmd.audit({ entityType: 'po_request', entityId: id, before: { status: req.status }, after: { status: request.status, reason } });
    emitRequestEvent(cmd, 'stamping.request-rejected', `${cmd.actor.label} rejected ${request.number}: ${reason}`, request);
    return { request, po: null, warnings: [] };
  });
}
