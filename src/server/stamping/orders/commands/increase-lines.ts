import Decimal from '../../../../contracts/exact-decimal';
import type { PoResult } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import type { LineInput } from '../lines';
import { hasSegmentsError, lockPo } from '../po-row';
import { frozen } from '../po-states';
import { getPo } from '../queries/get-po';
import { sumUpParentLines } from '../rollup';
import { replaceLines } from './update-po';

export interface IncreaseLinesInput {
  lines: LineInput[];
}

/**
 * The verifier's own edit (seed: "the verifier must edit the PO to increase the line"): while a PO
 * waits for verification, lines it already has may go up — within the shipment's availability, as
 * any edit (what the PO stamped counts as its own) — and nothing else changes. The increase asks
 * for verification again, as a planner's does.
 */
export function increaseLines(ctx: Ctx, id: string, input: IncreaseLinesInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.increase-lines', input: { id, ...input }, idempotencyKey }, async (cmd): Promise<PoResult> => {
    const po = await lockPo(cmd, id);
    if (po.status === 'completed') throw frozen(po.number);
    if (po.status !== 'pending_verification') {
      throw new DomainError('state.illegal_transition', `${po.number} is not waiting for verification: a planner edits its lines.`, { currentStatus: po.status });
    }
    // a split parent's lines are what its segments add up to
    if (po.has_segments) throw hasSegmentsError(po.number);
    const before = await getPo(cmd, id);
    const raised = new Map<string, string>();
    input.lines.forEach((l, i) => {
      const line = before.lines.find((c) => c.variantId === l.variantId && c.regionCode === l.regionCode);
      if (!line) throw invalid(`lines.${i}`, 'not a line of this order: a planner adds lines');
      if (raised.has(line.id)) throw invalid(`lines.${i}`, 'this product and region are already on another line');
      if (new Decimal(l.qty).eq(line.qty)) throw invalid(`lines.${i}.qty`, `the ${line.qty} already ordered: a verifier only increases a line`);
      if (new Decimal(l.qty).lt(line.qty)) throw invalid(`lines.${i}.qty`, `lower than the ${line.qty} ordered: a verifier only increases a line (a planner lowers it)`);
      raised.set(line.id, l.qty);
    });
    const rows = before.lines.map((l) => ({ variantId: l.variantId, regionCode: l.regionCode, qty: raised.get(l.id) ?? l.qty }));
    const warning = await replaceLines(cmd, po, rows).catch((err: unknown) => { throw bySubmittedRow(err, rows, input.lines); });
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

/**
 * `replaceLines` names rows of the whole PO it is given (`lines.N` in the PO's line order); the
 * verifier submitted only some, in their own order. A field names the submitted row of the same
 * line, else of the same product (availability is per product), else the lines as a whole.
 */
function bySubmittedRow(err: unknown, rows: LineInput[], submitted: LineInput[]): unknown {
  if (!(err instanceof DomainError) || !err.extra.errors) return err;
  const rowOf = (i: number) => {
    const row = rows[i];
    if (!row) return -1;
    const same = submitted.findIndex((l) => l.variantId === row.variantId && l.regionCode === row.regionCode);
    return same >= 0 ? same : submitted.findIndex((l) => l.variantId === row.variantId);
  };
  const errors = err.extra.errors.map((e) => {
    const m = /^lines\.(\d+)(\..*)?$/.exec(e.field);
    if (!m) return e;
    const n = rowOf(Number(m[1]));
    return { ...e, field: n >= 0 ? `lines.${n}${m[2] ?? ''}` : 'lines' };
  });
  return new DomainError(err.code, err.message, { ...err.extra, errors });
}
