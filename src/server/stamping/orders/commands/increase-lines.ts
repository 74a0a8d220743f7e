import Decimal from '../../../../contracts/exact-decimal';
import type { PoResult } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { lockPo } from '../po-row';
import { getPo } from '../queries/get-po';
import { sumUpParentLines } from '../rollup';
import { replaceLines } from './update-po';

export interface IncreaseLinesInput {
  lines: Array<{ variantId: string; regionCode: string; qty: string }>;
}

/**
 * The verifier's own edit (seed: "the verifier must edit the PO to increase the line"): while a PO
 * waits for verification, lines it already has may go up — within the shipment's availability, as
 * any edit — and nothing else changes. The increase asks for verification again, as a planner's does.
 */
export function increaseLines(ctx: Ctx, id: string, input: IncreaseLinesInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.increase-lines', input: { id, ...input }, idempotencyKey }, async (cmd): Promise<PoResult> => {
    const po = await lockPo(cmd, id);
    if (po.status !== 'pending_verification') {
      throw new DomainError('state.illegal_transition', `${po.number} is not waiting for verification: a planner edits its lines.`, { currentStatus: po.status });
    }
    const before = await getPo(cmd, id);
    const raised = new Map<string, string>();
    input.lines.forEach((l, i) => {
      const line = before.lines.find((c) => c.variantId === l.variantId && c.regionCode === l.regionCode);
      if (!line) throw invalid(`lines.${i}`, 'not a line of this order: a planner adds lines');
      if (!new Decimal(l.qty).gt(line.qty)) throw invalid(`lines.${i}.qty`, `more than the ${line.qty} ordered: a verifier only increases a line`);
      raised.set(line.id, l.qty);
    });
    const warning = await replaceLines(cmd, po, before.lines.map((l) => ({ variantId: l.variantId, regionCode: l.regionCode, qty: raised.get(l.id) ?? l.qty })));
    if (po.parent_id) await sumUpParentLines(cmd, po.parent_id);
    const after = await getPo(cmd, id);
    cmd.audit({
      entityType: 'production_order', entityId: id,
      before: { lines: before.lines.filter((l) => raised.has(l.id)).map((l) => `${l.label} ${l.regionCode} ${l.qty}`) },
      after: { lines: after.lines.filter((l) => raised.has(l.id)).map((l) => `${l.label} ${l.regionCode} ${l.qty}`), reverificationRequired: after.reverificationRequired },
    });
    cmd.emit({ topic: 'stamping.po-updated', summary: `${cmd.actor.label} increased lines of ${after.number}`, payload: { id }, permission: 'stamping.read', customerId: after.customerId });
    return { po: after, warnings: warning ? [warning] : [] };
  });
}
