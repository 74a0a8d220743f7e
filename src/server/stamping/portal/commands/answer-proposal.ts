import type { PoRequestDecision } from '../../../../contracts/stamping-run';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { getRequest } from '../queries/get-request';
import { lockRequest, requireStatus } from '../lock-request';
import { requestToPo } from '../request-to-po';
import { emitRequestEvent } from '../events';
import { portalCustomer } from '../scope';
import { forCustomer } from '../queries/orders';

/**
 * The customer accepts the plant's proposal: it is applied and the request becomes a PO on the
 * proposed day exactly as an approval would make it. Only the customer's own request is found.
 */
export function acceptProposal(ctx: Ctx, id: string, idempotencyKey?: string | null) {
  const customerId = portalCustomer(ctx.actor);
  return runCommand(ctx, { name: 'stamping.accept-request', input: { id }, idempotencyKey }, async (cmd): Promise<PoRequestDecision> => {
    const req = await lockRequest(cmd, id, customerId);
    requireStatus(req, ['modified'], 'accepted');
    const { po } = await requestToPo(cmd, req, { proposal: true, autoSplit: false });
    const request = await getRequest(cmd, id);
    cmd.audit({ entityType: 'po_request', entityId: id, before: { status: req.status }, after: { status: request.status, accepted: true, po: po.number, day: po.day } });
    emitRequestEvent(cmd, 'stamping.request-accepted', `${request.customerCode} accepted the proposal for ${request.number}: ${po.number}${po.day ? ` on ${po.day}` : ''}`, request);
    // a capacity warning is the planner's business, not the customer's, and so are the PO's notes
    return { request, po: forCustomer(po), warnings: [] };
  });
}

/** The customer declines the plant's proposal: the request ends, declined. */
export function declineProposal(ctx: Ctx, id: string, idempotencyKey?: string | null) {
  const customerId = portalCustomer(ctx.actor);
  return runCommand(ctx, { name: 'stamping.decline-request', input: { id }, idempotencyKey }, async (cmd): Promise<PoRequestDecision> => {
    const req = await lockRequest(cmd, id, customerId);
    requireStatus(req, ['modified'], 'declined');
    await cmd.query(`update po_request set status = 'declined', decided_by = $2, decided_at = $3, updated_at = $3 where id = $1`, [id, cmd.actor.userId, cmd.now]);
    const request = await getRequest(cmd, id);
    cmd.audit({ entityType: 'po_request', entityId: id, before: { status: req.status }, after: { status: request.status } });
    emitRequestEvent(cmd, 'stamping.request-declined', `${request.customerCode} declined the proposal for ${request.number}`, request);
    return { request, po: null, warnings: [] };
  });
}
