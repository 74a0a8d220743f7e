import Decimal from '../../../../contracts/exact-decimal';
import type { PoResult } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { getPo } from '../queries/get-po';
import { lockPo } from '../po-row';
import { schedulePoInTx, splitPoInTx, type ScheduleChoice } from './schedule';

/** Schedule, reschedule (drag to a day and a place in its queue) or unschedule a PO. */
export function schedulePo(ctx: Ctx, id: string, choice: ScheduleChoice, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.schedule-po', input: { id, ...choice }, idempotencyKey }, async (cmd): Promise<PoResult> => {
    const po = await lockPo(cmd, id);
    const before = await getPo(cmd, id);
    const warnings = await schedulePoInTx(cmd, po, choice);
    const after = await getPo(cmd, id);
    cmd.audit({ entityType: 'production_order', entityId: id, before: { day: before.day, sequence: before.sequence }, after: { day: after.day, sequence: after.sequence, segments: after.segments.map((s) => `${s.number} ${s.day} ${s.qty}`) } });
    cmd.emit({ topic: 'stamping.po-scheduled', summary: `${cmd.actor.label} ${after.day ? `scheduled ${after.number} on ${after.day}` : after.segments.length ? `split ${after.number} over ${after.segments.length} days` : `unscheduled ${after.number}`}`, payload: { id, day: after.day }, permission: 'stamping.read', customerId: after.customerId });
    return { po: after, warnings };
  });
}

/** Moves parts of a PO to other days: it becomes a parent with one segment per part. */
export function splitPo(ctx: Ctx, id: string, parts: Array<{ day: string; qty: string }>, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.split-po', input: { id, parts }, idempotencyKey }, async (cmd): Promise<PoResult> => {
    const po = await lockPo(cmd, id);
    const warnings = await splitPoInTx(cmd, po, parts.map((p) => ({ day: p.day, qty: new Decimal(p.qty) })));
    const after = await getPo(cmd, id);
    cmd.emit({ topic: 'stamping.po-split', summary: `${cmd.actor.label} split ${after.number} into ${after.segments.length} segments`, payload: { id }, permission: 'stamping.read', customerId: after.customerId });
    return { po: after, warnings };
  });
}
