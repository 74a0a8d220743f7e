import type { PoResult } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { mapConstraints } from '../../../kernel/pg-errors';
import { newId } from '../../../kernel/ids';
import { ensureSetup } from '../../master/setup';
import { checkLines, insertLines, type LineInput } from '../lines';
import { lockShipment } from '../../shipments/lock-shipment';
import { getPo } from '../queries/get-po';
import { lockPo } from '../po-row';
import { schedulePoInTx } from './schedule';

export interface CreatePoInput {
  shipmentId: string;
  number?: string;
  urgent: boolean;
  notes?: string | null;
  lines: LineInput[];
  day?: string | null;
  autoSplit: boolean;
}

export const numberTaken = (number: string) =>
  new DomainError('stamping.po_number_taken', `${number} is already used for this consignee.`, { errors: [{ field: 'number', message: 'already used for this consignee' }] });

/**
 * A production order against an inventoried shipment, never allocating more than the shipment
 * has available; scheduled at once when a day is given or the order is urgent.
 */
export function createPo(ctx: Ctx, input: CreatePoInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.create-po', input, idempotencyKey, status: 201 }, (cmd) => createPoInTx(cmd, input));
}

/** createPo's work inside a caller's command: approving a customer request makes its PO through the same rules. */
export async function createPoInTx(cmd: CommandTx, input: CreatePoInput): Promise<PoResult> {
  const shipment = await lockShipment(cmd, input.shipmentId);
  if (shipment.status !== 'inventoried') {
    throw new DomainError('stamping.shipment_not_inventoried', `${shipment.number} is ${shipment.status}; production orders need an inventoried shipment.`, { errors: [{ field: 'shipmentId', message: 'not inventoried yet' }] });
  }
  const { siteId } = await ensureSetup(cmd);
  await checkLines(cmd, shipment.id, input.lines, null);
  const id = newId();
  await mapConstraints(
    () => cmd.query(
      `insert into production_order (id, number, customer_id, shipment_id, site_id, status, urgent, notes, created_by)
       values ($1, coalesce($2, 'PO-' || lpad(nextval('production_order_seq')::text, 6, '0')), $3, $4, $5, 'open', $6, $7, $8)`,
      [id, input.number ?? null, shipment.customerId, shipment.id, siteId, input.urgent, input.notes ?? null, cmd.actor.userId],
    ),
    { production_order_number: () => numberTaken(input.number ?? '') },
  );
  await insertLines(cmd, id, input.lines);
  const warnings = input.day || input.urgent ? await schedulePoInTx(cmd, await lockPo(cmd, id), { day: input.day ?? null, autoSplit: input.autoSplit }) : [];
  const po = await getPo(cmd, id);
  cmd.audit({ entityType: 'production_order', entityId: id, after: { number: po.number, shipment: po.shipmentNumber, urgent: po.urgent, day: po.day, lines: po.lines.map((l) => ({ product: l.label, region: l.regionCode, qty: l.qty })), segments: po.segments.map((s) => s.number) } });
  cmd.emit({ topic: 'stamping.po-created', summary: `${cmd.actor.label} created ${po.number} for ${po.customerCode} (${po.totalQty} units)`, payload: { id, number: po.number }, permission: 'stamping.read', customerId: po.customerId });
  return { po, warnings };
}
