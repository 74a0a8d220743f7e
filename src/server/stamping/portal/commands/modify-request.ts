import Decimal from '../../../../contracts/exact-decimal';
import type { z } from 'zod';
import type { ModifyPoRequest, PoRequestDecision } from '../../../../contracts/stamping-run';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { localDay } from '../../../planning';
import { ensureSetup } from '../../master/setup';
import { getRequest } from '../queries/get-request';
import { lockRequest, requireStatus } from '../lock-request';
import { requireOpenDay } from '../slots';
import { emitRequestEvent } from '../events';

export type ModifyRequestInput = z.infer<typeof ModifyPoRequest>;

/**
 * Modify: the plant proposes another day (one the slot picker would offer) and/or smaller
 * quantities per line; the customer accepts or declines. A new proposal replaces an earlier one.
 */
export function modifyRequest(ctx: Ctx, id: string, input: ModifyRequestInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.modify-request', input: { id, ...input }, idempotencyKey }, async (cmd): Promise<PoRequestDecision> => {
    const req = await lockRequest(cmd, id);
    requireStatus(req, ['pending', 'modified'], 'modified');
    const before = await getRequest(cmd, id);
    if (input.proposedDay) {
      const { siteId } = await ensureSetup(cmd);
      await requireOpenDay(cmd, siteId, input.proposedDay, 'proposedDay', localDay(cmd.now));
    }
    const requested = new Map(before.lines.map((l) => [l.lineNo, new Decimal(l.qty)]));
    const proposed = new Map<number, Decimal>();
    for (const [i, l] of input.lines.entries()) {
      const qty = requested.get(l.lineNo);
      if (!qty) throw invalid(`lines.${i}.lineNo`, 'no such line on the request');
      if (proposed.has(l.lineNo)) throw invalid(`lines.${i}.lineNo`, 'this line is listed twice');
      if (new Decimal(l.proposedQty).gt(qty)) throw invalid(`lines.${i}.proposedQty`, `at most the requested ${qty.toString()}`);
      proposed.set(l.lineNo, new Decimal(l.proposedQty));
    }
    const after = [...requested].map(([n, qty]) => proposed.get(n) ?? qty);
    if (after.every((q) => q.isZero())) throw invalid('lines', 'a proposal must leave something to produce; reject the request instead');
    const sameDay = !input.proposedDay || input.proposedDay === req.requested_day;
    if (sameDay && [...proposed].every(([n, q]) => q.eq(requested.get(n)!))) {
      throw new DomainError('request.invalid', 'The proposal changes nothing; approve the request instead.', { errors: [{ field: 'proposedDay', message: 'propose another day or a smaller quantity' }] });
    }

    await cmd.query('update po_request_line set proposed_qty = null where request_id = $1', [id]);
    await cmd.query(
      `update po_request_line l set proposed_qty = p.q from unnest($2::int[], $3::numeric[]) as p(n, q) where l.request_id = $1 and l.line_no = p.n`,
      [id, [...proposed.keys()], [...proposed.values()].map((q) => q.toString())],
    );
    await cmd.query(`update po_request set status = 'modified', proposed_day = $2, updated_at = $3 where id = $1`, [id, sameDay ? null : input.proposedDay, cmd.now]);
    const request = await getRequest(cmd, id);
    cmd.audit({
      entityType: 'po_request', entityId: id,
      before: { status: before.status, proposedDay: before.proposedDay },
      after: { status: request.status, proposedDay: request.proposedDay, lines: request.lines.filter((l) => l.proposedQty !== null).map((l) => ({ line: l.lineNo, qty: l.qty, proposed: l.proposedQty })) },
    });
    emitRequestEvent(cmd, 'stamping.request-modified', `${cmd.actor.label} proposed changes to ${request.number}${request.proposedDay ? ` (production on ${request.proposedDay})` : ''}`, request);
    return { request, po: null, warnings: [] };
  });
}
