import Decimal from '../../../../contracts/exact-decimal';
import type { CapacityWarning } from '../../../../contracts/planning';
import type { PoResult } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { book, bookingOf, isWorkingDay, loadSite, rebook } from '../../../planning';
import { checkLines, type LineInput } from '../lines';
import { lockShipment } from '../../shipments/lock-shipment';
import { getPo, RUN_TYPE } from '../queries/get-po';
import { sumUpParentLines } from '../rollup';
import { frozen } from '../po-states';
import { hasSegmentsError, lockPo, unstampedQty, type PoRowLocked } from '../po-row';
import { schedulePoInTx } from './schedule';

export interface UpdatePoInput {
  urgent?: boolean;
  notes?: string | null;
  lines?: LineInput[];
}

/**
 * Edits a PO's lines, urgency or notes. Lines stay within the shipment's availability and never
 * below what is already stamped; increasing a line once production has started requires the
 * verification to be done (again). A completed PO refuses every change.
 */
export function updatePo(ctx: Ctx, id: string, input: UpdatePoInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.update-po', input: { id, ...input }, idempotencyKey }, async (cmd): Promise<PoResult> => {
    const po = await lockPo(cmd, id);
    if (po.status === 'completed') throw frozen(po.number);
    if (po.status === 'cancelled') throw new DomainError('state.illegal_transition', `${po.number} is cancelled.`, { currentStatus: po.status });
    if (po.has_segments && input.lines) throw hasSegmentsError(po.number);
    const before = await getPo(cmd, id);
    const warnings: CapacityWarning[] = [];
    if (input.lines) {
      const w = await replaceLines(cmd, po, input.lines);
      if (w) warnings.push(w);
      if (po.parent_id) await sumUpParentLines(cmd, po.parent_id);
    }
    if (input.notes !== undefined) await cmd.query('update production_order set notes = $2, updated_at = now() where id = $1', [id, input.notes]);
    if (input.urgent !== undefined && input.urgent !== po.urgent) warnings.push(...(await setUrgent(cmd, po, input.urgent)));
    const after = await getPo(cmd, id);
    cmd.audit({ entityType: 'production_order', entityId: id, before: summary(before), after: summary(after) });
    cmd.emit({ topic: 'stamping.po-updated', summary: `${cmd.actor.label} changed ${after.number}`, payload: { id }, permission: 'stamping.read', customerId: after.customerId });
    return { po: after, warnings };
  });
}

const summary = (p: Awaited<ReturnType<typeof getPo>>) => ({
  urgent: p.urgent, notes: p.notes, reverificationRequired: p.reverificationRequired, lines: p.lines.map((l) => `${l.label} ${l.regionCode} ${l.qty}`),
});

/**
 * Replaces a PO's lines (matched by variant and region), within availability; a line is never
 * lowered below what it has stamped. A line already stamped past its quantity and left as it is
 * (or raised, still short of what was stamped) is no such lowering: the verifier raises over lines
 * one at a time, and a planner's edit of another line keeps it.
 */
export async function replaceLines(cmd: CommandTx, po: PoRowLocked, lines: LineInput[]): Promise<CapacityWarning | null> {
  await lockShipment(cmd, po.shipment_id);
  await checkLines(cmd, po.shipment_id, lines, po.id);
  const current = await cmd.query<{ id: string; variant_id: string; region_code: string; qty: string; stamped_qty: string; line_no: number }>(
    'select id, variant_id, region_code, qty::text, stamped_qty::text, line_no from production_order_line where po_id = $1', [po.id],
  );
  const key = (v: string, r: string) => `${v}|${r}`;
  const wanted = new Map(lines.map((l, i) => [key(l.variantId, l.regionCode), { ...l, index: i }]));
  let increased = false;
  const started = po.status === 'in_production' || po.status === 'pending_verification';
  for (const c of current) {
    const w = wanted.get(key(c.variant_id, c.region_code));
    const qty = new Decimal(w?.qty ?? 0);
    if (qty.lt(c.stamped_qty) && qty.lt(c.qty)) {
      throw new DomainError('stamping.below_stamped', `A line cannot go below the ${c.stamped_qty} units already stamped.`, { errors: [{ field: w ? `lines.${w.index}.qty` : 'lines', message: `at least ${c.stamped_qty} (already stamped)` }] });
    }
    if (qty.gt(c.qty)) increased = true;
    if (!w) await cmd.query('delete from production_order_line where id = $1', [c.id]);
    else if (!qty.eq(c.qty)) {
      // once the run has started, the line keeps its original estimate for verification
      const estimate = started ? 'coalesce(estimate_qty, qty)' : 'estimate_qty';
      await cmd.query(`update production_order_line set qty = $2, estimate_qty = ${estimate} where id = $1`, [c.id, w.qty]);
    }
  }
  let next = Math.max(0, ...current.map((c) => c.line_no));
  for (const l of lines) {
    if (current.some((c) => key(c.variant_id, c.region_code) === key(l.variantId, l.regionCode))) continue;
    increased = true;
    // a line added once the run has started was in no original estimate
    await cmd.query('insert into production_order_line (id, po_id, line_no, variant_id, region_code, qty, estimate_qty) values ($1, $2, $3, $4, $5, $6, $7)',
      [newId(), po.id, ++next, l.variantId, l.regionCode, l.qty, started ? '0' : null]);
  }
  if (increased && started) {
    await cmd.query('update production_order set reverification_required = true where id = $1', [po.id]);
  }
  await cmd.query('update production_order set updated_at = now() where id = $1', [po.id]);
  return rebook(cmd, RUN_TYPE, po.id, (await unstampedQty(cmd, po.id)).toString());
}

/**
 * An urgent PO goes to the top of its day, or of the next day with room when it has none or its
 * day has since been closed. A split parent passes urgency on to its segments not yet done.
 */
async function setUrgent(cmd: CommandTx, po: PoRowLocked, urgent: boolean): Promise<CapacityWarning[]> {
  await cmd.query('update production_order set urgent = $2, updated_at = now() where id = $1', [po.id, urgent]);
  await cmd.query('update planning_booking set urgent = $3 where run_type = $1 and run_id = $2', [RUN_TYPE, po.id, urgent]);
  if (po.has_segments) {
    const warnings: CapacityWarning[] = [];
    const segments = await cmd.query<{ id: string }>(`select id from production_order where parent_id = $1 and urgent <> $2 order by segment_no`, [po.id, urgent]);
    for (const s of segments) {
      const segment = await lockPo(cmd, s.id);
      if (segment.status !== 'completed' && segment.status !== 'cancelled') warnings.push(...(await setUrgent(cmd, segment, urgent)));
    }
    return warnings;
  }
  if (!urgent || !['open', 'in_production'].includes(po.status)) return [];
  const booked = await bookingOf(cmd, RUN_TYPE, po.id);
  const site = booked && (await loadSite(cmd, po.site_id, { from: booked.day, to: booked.day }));
  if (!booked || !isWorkingDay(site!.calendar, booked.day)) return schedulePoInTx(cmd, { ...po, urgent: true }, { day: null });
  const w = await book(cmd, { runType: RUN_TYPE, runId: po.id, siteId: po.site_id, day: booked.day, qty: (await unstampedQty(cmd, po.id)).toString(), urgent: true, position: 0 });
  return w ? [w] : [];
}
