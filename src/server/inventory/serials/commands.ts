import type { SerialDto, SerialEventInput } from '../../../contracts/serials';
import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';
import { getSerial } from './queries';
import { transitionFor } from './transitions';
import { postUnitMove, unitDestination, unitLocationNotFound } from './stock-moves';
import { lotsNotOfTheirItems } from '../documents/lot-items';

export interface RegisterSerialsInput {
  variantId: string;
  serialNos: string[];
  stage?: string | null;
  locationId?: string | null;
  lotId?: string | null;
  orderRef?: string | null;
}

/** Creates serial units, in production, each with its first history event. */
export function registerSerials(ctx: Ctx, input: RegisterSerialsInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.register-serials', input, idempotencyKey, status: 201 }, async (cmd) => {
    const unique = [...new Set(input.serialNos)];
    // row-level errors (`serialNos.3`), so a form can point at the offending lines
    const rows = (pick: (s: string, i: number) => boolean, message: string) =>
      input.serialNos.flatMap((s, i) => (pick(s, i) ? [{ field: `serialNos.${i}`, message }] : []));
    // SN-1 and sn-1 are one number to a scanner or a reader (migration 0023)
    const folded = input.serialNos.map((s) => s.toLowerCase());
    const repeated = (i: number) => folded.indexOf(folded[i]!) !== i;
    if (folded.some((_, i) => repeated(i))) {
      const duplicates = [...new Set(input.serialNos.filter((_, i) => repeated(i)))];
      throw new DomainError('inventory.serial_taken', `Listed twice: ${duplicates.slice(0, 10).join(', ')}.`, {
        errors: rows((_, i) => repeated(i), 'listed twice'), duplicates,
      });
    }
    // a unit's lot says what it was made from: it must be a lot of this item (or of no item)
    if (input.lotId && (await lotsNotOfTheirItems(cmd, [{ variantId: input.variantId, lotId: input.lotId }], null)).length > 0) {
      throw new DomainError('request.invalid', 'The lot is a lot of another item or variant.', { errors: [{ field: 'lotId', message: 'a lot of another item or variant' }] });
    }
    const ids = unique.map(() => newId());
    const inserted = await mapConstraints(
      () => cmd.query<{ id: string; serial_no: string }>(
        `insert into serial_unit (id, variant_id, serial_no, status, stage, location_id, lot_id, order_ref)
         select id, $2, serial_no, 'in_production', $3, $4, $5, $6 from unnest($1::uuid[], $7::text[]) as t(id, serial_no)
         on conflict (variant_id, lower(serial_no)) do nothing returning id, serial_no`,
        [ids, input.variantId, input.stage ?? null, input.locationId ?? null, input.lotId ?? null, input.orderRef ?? null, unique],
      ),
      {
        serial_unit_variant_id_fkey: () => new DomainError('catalog.variant_not_found', 'No such variant.', { errors: [{ field: 'variantId', message: 'no such variant' }] }),
        serial_unit_location_id_fkey: unitLocationNotFound,
        serial_unit_lot_id_fkey: () => new DomainError('inventory.lot_not_found', 'No such lot.', { errors: [{ field: 'lotId', message: 'no such lot' }] }),
      },
    );
    if (inserted.length !== unique.length) {
      const taken = unique.filter((s) => !inserted.some((i) => i.serial_no === s));
      throw new DomainError('inventory.serial_taken', `Serial numbers already exist: ${taken.slice(0, 10).join(', ')}.`, { errors: rows((s) => taken.includes(s), 'already exists'), taken });
    }
    await cmd.query(
      `insert into serial_event (serial_id, at, event, to_status, stage, location_id, iteration, actor_id, note)
       select id, $2, 'created', 'in_production', $3, $4, 0, $5, $6 from unnest($1::uuid[]) as t(id)`,
      [ids, cmd.now, input.stage ?? null, input.locationId ?? null, cmd.actor.userId, input.orderRef ? `order ${input.orderRef}` : null],
    );
    cmd.audit({ entityType: 'serial_batch', entityId: input.variantId, after: { serialNos: unique, stage: input.stage ?? null, orderRef: input.orderRef ?? null } });
    cmd.emit({ topic: 'serial.created', summary: `${cmd.actor.label} registered ${unique.length} serial${unique.length === 1 ? '' : 's'}`, payload: { variantId: input.variantId, count: unique.length }, permission: 'inventory.read' });
    return { created: unique.length, ids };
  });
}

/** Records what happened to one unit: a stage passed, a move, a defect (scrap or rework), QA, delivery. */
export function recordSerialEvent(ctx: Ctx, serialId: string, e: SerialEventInput, idempotencyKey?: string | null) {
  // scrapping or reworking a unit takes it out of stock as an adjustment does, so it needs the same right
  if (e.event === 'defect' && ctx.actor.kind !== 'system' && !ctx.actor.permissions.has('inventory.adjust')) {
    throw new DomainError('auth.forbidden', 'Marking a defect needs the permission inventory.adjust.', { permission: 'inventory.adjust' });
  }
  return runCommand(ctx, { name: `inventory.serial-${e.event}`, input: { serialId, ...e }, idempotencyKey }, async (cmd) => {
    const [unit] = await cmd.query<{ serial_no: string; variant_id: string; lot_id: string | null; status: SerialDto['status']; stage: string | null; location_id: string | null; iteration: number }>(
      'select serial_no, variant_id, lot_id, status, stage, location_id, iteration from serial_unit where id = $1 for update',
      [serialId],
    );
    if (!unit) throw new DomainError('inventory.serial_not_found', `No serial unit ${serialId}.`);
    const rule = transitionFor(e);
    if (!rule.from.includes(unit.status)) {
      throw new DomainError('state.illegal_transition', `A unit that is ${unit.status.replace('_', ' ')} cannot take “${e.event === 'defect' ? `defect: ${e.outcome}` : e.event}”.`, { state: unit.status, allowed: rule.from });
    }
    const status = rule.to ?? unit.status;
    const iteration = e.event === 'defect' && e.outcome === 'rework' ? unit.iteration + 1 : unit.iteration;
    const stage = e.event === 'stage' ? e.stage : e.event === 'defect' && e.outcome === 'rework' && e.reworkStage ? e.reworkStage : unit.stage;
    const location = unitDestination(unit.location_id, e);
    await mapConstraints(
      () => cmd.query(
        'update serial_unit set status = $2, stage = $3, location_id = $4, iteration = $5, updated_at = $6 where id = $1',
        [serialId, status, stage, location, iteration, cmd.now],
      ),
      { serial_unit_location_id_fkey: unitLocationNotFound },
    );
    await postUnitMove(cmd, { id: serialId, serialNo: unit.serial_no, variantId: unit.variant_id, lotId: unit.lot_id, status: unit.status, locationId: unit.location_id }, e);
    const event = e.event === 'defect' ? `defect:${e.outcome}` : e.event;
    await cmd.query(
      `insert into serial_event (serial_id, at, event, from_status, to_status, stage, location_id, iteration, actor_id, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [serialId, cmd.now, event, unit.status, status, stage, location, iteration, cmd.actor.userId, e.note ?? null],
    );
    cmd.audit({ entityType: 'serial_unit', entityId: serialId, before: { status: unit.status, stage: unit.stage, iteration: unit.iteration }, after: { status, stage, iteration, event } });
    cmd.emit({ topic: `serial.${e.event}`, summary: `${cmd.actor.label}: serial ${event}`, payload: { serialId }, permission: 'inventory.read' });
    return getSerial(cmd, serialId);
  });
}
