import Decimal from '../../../../contracts/exact-decimal';
import type { CapacityWarning } from '../../../../contracts/planning';
import type { CommandTx } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { book, cutLines, localDay, nextDayWithRoom, planSplit, unbook, type Day } from '../../../planning';
import { RUN_TYPE } from '../queries/get-po';
import { frozen, SCHEDULABLE } from '../po-states';
import { hasSegmentsError, unstampedQty, type PoRowLocked } from '../po-row';

export interface ScheduleChoice {
  day: Day | null;
  position?: number;
  autoSplit?: boolean;
}

/**
 * Puts a PO on a day (or takes it off the calendar). An urgent PO without a day goes to the top of
 * the next working day with room. With auto-split, a PO the day cannot take whole becomes a parent
 * with a segment per consecutive working day (see planning/split.ts for how booked capacity counts).
 */
export async function schedulePoInTx(cmd: CommandTx, po: PoRowLocked, choice: ScheduleChoice): Promise<CapacityWarning[]> {
  if (po.status === 'completed') throw frozen(po.number);
  if (po.has_segments) throw hasSegmentsError(po.number);
  if (!SCHEDULABLE.includes(po.status)) {
    throw new DomainError('state.illegal_transition', `${po.number} is ${po.status.replace('_', ' ')}; only open or running orders can be scheduled.`, { currentStatus: po.status });
  }
  const day = choice.day ?? (po.urgent ? await nextDayWithRoom(cmd, po.site_id, localDay(cmd.now)) : null);
  if (!day) {
    // a running order stays on a day: off the calendar it would leave the workstation's queue
    if (po.status === 'in_production') {
      throw new DomainError('state.illegal_transition', `${po.number} is in production; move it to another day instead of taking it off the calendar.`, { currentStatus: po.status });
    }
    await unbook(cmd, RUN_TYPE, po.id);
    return [];
  }
  const qty = await unstampedQty(cmd, po.id);
  let target = day;
  if (choice.autoSplit && po.status === 'open' && !po.parent_id) {
    // its own booking is not capacity taken by others
    await unbook(cmd, RUN_TYPE, po.id);
    const parts = await planSplit(cmd, po.site_id, day, qty);
    if (parts.length > 1) return splitPoInTx(cmd, po, parts.map((p) => ({ day: p.day, qty: p.qty })));
    // it fits whole on the first day with room, which is later than asked when that day is full
    target = parts[0]!.day;
  }
  const warning = await book(cmd, { runType: RUN_TYPE, runId: po.id, siteId: po.site_id, day: target, qty: qty.toString(), urgent: po.urgent, position: choice.position });
  return warning ? [warning] : [];
}

/**
 * Cuts an open PO into segments, one per part, each its own PO booked on its day; the lines are
 * cut line by line in order. The parent stops allocating and takes its status from its segments.
 */
export async function splitPoInTx(cmd: CommandTx, po: PoRowLocked, parts: Array<{ day: Day; qty: Decimal }>): Promise<CapacityWarning[]> {
  if (po.status === 'completed') throw frozen(po.number);
  if (po.has_segments) throw hasSegmentsError(po.number);
  if (po.parent_id) throw new DomainError('state.conflict', `${po.number} is already a segment; split its parent's other segments instead.`);
  if (po.status !== 'open') throw new DomainError('state.illegal_transition', `${po.number} is ${po.status.replace('_', ' ')}; only an open order can be split.`, { currentStatus: po.status });
  const lines = (await cmd.query<{ variant_id: string; region_code: string; qty: string }>(
    'select variant_id, region_code, qty::text from production_order_line where po_id = $1 order by line_no', [po.id],
  )).map((l) => ({ ...l, qty: new Decimal(l.qty) }));
  const total = lines.reduce((s, l) => s.plus(l.qty), new Decimal(0));
  const sum = parts.reduce((s, p) => s.plus(p.qty), new Decimal(0));
  if (!sum.eq(total)) throw invalid('parts', `the parts add up to ${sum.toString()}, the order has ${total.toString()}`);
  await unbook(cmd, RUN_TYPE, po.id);
  await cmd.query('update production_order set has_segments = true, updated_at = now() where id = $1', [po.id]);
  const cuts = cutLines(lines, parts.map((p) => p.qty));
  const warnings: CapacityWarning[] = [];
  for (const [k, part] of parts.entries()) {
    const id = newId();
    await cmd.query(
      `insert into production_order (id, number, customer_id, shipment_id, site_id, status, urgent, notes, parent_id, segment_no, created_by)
       values ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10)`,
      [id, `${po.number}-${k + 1}`, po.customer_id, po.shipment_id, po.site_id, po.urgent, po.notes, po.id, k + 1, cmd.actor.userId],
    );
    await cmd.query(
      `insert into production_order_line (id, po_id, line_no, variant_id, region_code, qty)
       select lid, $1, n::int, v, r, q from unnest($5::uuid[], $2::uuid[], $3::text[], $4::numeric[]) with ordinality as t(lid, v, r, q, n)`,
      [id, cuts[k]!.map((l) => l.variant_id), cuts[k]!.map((l) => l.region_code), cuts[k]!.map((l) => l.part.toString()), cuts[k]!.map(() => newId())],
    );
    const w = await book(cmd, { runType: RUN_TYPE, runId: id, siteId: po.site_id, day: part.day, qty: part.qty.toString(), urgent: po.urgent })
      .catch((err: unknown) => {
        // the day is the part's: name it so the planner sees which row to change
        if (err instanceof DomainError && err.extra.errors?.[0]?.field === 'day') {
          throw new DomainError(err.code, err.message, { ...err.extra, errors: [{ field: `parts.${k}.day`, message: err.extra.errors[0].message }] });
        }
        throw err;
      });
    if (w) warnings.push(w);
  }
  cmd.audit({ entityType: 'production_order', entityId: po.id, after: { splitInto: parts.map((p, k) => ({ number: `${po.number}-${k + 1}`, day: p.day, qty: p.qty.toString() })) } });
  return warnings;
}
