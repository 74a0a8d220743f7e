import Decimal from '../../../../contracts/exact-decimal';
import type { z } from 'zod';
import type { CreatePoRequest, PoRequestDto } from '../../../../contracts/stamping-run';
import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { localDay } from '../../../planning';
import { ensureSetup } from '../../master/setup';
import { lockShipment } from '../../shipments/lock-shipment';
import { checkLines, type LineInput } from '../../orders/lines';
import { getRequest } from '../queries/get-request';
import { portalCustomer } from '../scope';
import { defaultSlotRange, requireOpenDay } from '../slots';

export type CreatePoRequestInput = z.infer<typeof CreatePoRequest>;

/**
 * A customer asks for production from one of their inventoried shipments. Zero rows of the grid
 * are skipped; the rest must fit the shipment's live availability (as a PO's lines must) and the
 * day must be one the slot picker offers (within its four weeks). The request waits, pending, for the plant.
 */
export function createRequest(ctx: Ctx, input: CreatePoRequestInput, idempotencyKey?: string | null) {
  const customerId = portalCustomer(ctx.actor);
  return runCommand(ctx, { name: 'stamping.create-request', input, idempotencyKey, status: 201 }, async (cmd): Promise<PoRequestDto> => {
    // another customer's shipment is not found, and is never locked
    const [own] = await cmd.query('select 1 from shipment where id = $1 and customer_id = $2', [input.shipmentId, customerId]);
    if (!own) throw new DomainError('stamping.shipment_not_found', 'No such shipment.', { errors: [{ field: 'shipmentId', message: 'not found' }] });
    const shipment = await lockShipment(cmd, input.shipmentId);
    if (shipment.status !== 'inventoried') {
      throw new DomainError('stamping.shipment_not_inventoried', `${shipment.number} is ${shipment.status}; requests need an inventoried shipment.`, { errors: [{ field: 'shipmentId', message: 'not inventoried yet' }] });
    }
    const rows = input.lines.map((l, index) => ({ ...l, index })).filter((l) => !new Decimal(l.qty).isZero());
    if (!rows.length) throw invalid('lines', 'give a quantity on at least one line');
    await checkRequestLines(cmd, shipment.id, rows);
    const { siteId } = await ensureSetup(cmd);
    const today = localDay(cmd.now);
    // only the window the picker shows: a day further out was never offered to the customer
    await requireOpenDay(cmd, siteId, input.requestedDay, 'requestedDay', today, defaultSlotRange(today).to);
    if (input.deliveryDate && input.deliveryDate < input.requestedDay) throw invalid('deliveryDate', 'must not be before the production day');

    const id = newId();
    await cmd.query(
      `insert into po_request (id, number, customer_id, shipment_id, status, requested_day, delivery_date, delivery_details, created_by)
       values ($1, 'REQ-' || lpad(nextval('po_request_seq')::text, 6, '0'), $2, $3, 'pending', $4, $5, $6, $7)`,
      [id, customerId, shipment.id, input.requestedDay, input.deliveryDate ?? null, input.deliveryDetails ?? null, cmd.actor.userId],
    );
    await cmd.query(
      `insert into po_request_line (request_id, line_no, variant_id, region_code, qty)
       select $1, n::int, v, r, q from unnest($2::uuid[], $3::text[], $4::numeric[]) with ordinality as t(v, r, q, n)`,
      [id, rows.map((l) => l.variantId), rows.map((l) => l.regionCode), rows.map((l) => l.qty)],
    );
    const request = await getRequest(cmd, id);
    const total = rows.reduce((s, l) => s.plus(l.qty), new Decimal(0)).toString();
    cmd.audit({ entityType: 'po_request', entityId: id, after: { number: request.number, shipment: request.shipmentNumber, requestedDay: request.requestedDay, deliveryDate: request.deliveryDate, deliveryDetails: request.deliveryDetails, lines: request.lines.map((l) => ({ product: l.label, region: l.regionCode, qty: l.qty })) } });
    cmd.emit({ topic: 'stamping.request-created', summary: `${request.customerCode} requested ${total} units from ${request.shipmentNumber} for ${request.requestedDay} (${request.number})`, payload: { id, number: request.number, status: request.status }, permission: 'stamping.read', customerId });
    return request;
  });
}

/**
 * The PO line rules (products, active regions, one line per product and region, availability),
 * with any field named by the row the customer submitted, zero rows included.
 */
async function checkRequestLines(cmd: CommandTx, shipmentId: string, rows: Array<LineInput & { index: number }>): Promise<void> {
  try {
    await checkLines(cmd, shipmentId, rows.map(({ variantId, regionCode, qty }) => ({ variantId, regionCode, qty })), null);
  } catch (err) {
    if (!(err instanceof DomainError) || !err.extra.errors) throw err;
    const renamed = err.extra.errors.map((e) => ({ ...e, field: e.field.replace(/^lines\.(\d+)/, (_, i: string) => `lines.${rows[Number(i)]!.index}`) }));
    throw new DomainError(err.code, err.message.replace(/^lines\.(\d+)/, (_, i: string) => `lines.${rows[Number(i)]!.index}`), { ...err.extra, errors: renamed });
  }
}
