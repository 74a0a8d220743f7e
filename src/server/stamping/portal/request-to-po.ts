import Decimal from '../../../contracts/exact-decimal';
import type { PoResult } from '../../../contracts/stamping';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError, invalid } from '../../kernel/errors';
import { localDay } from '../../planning';
import { createPoInTx } from '../orders/commands/create-po';
import type { LockedRequest } from './lock-request';

/**
 * Turns a locked request into a production order through createPo's own rules (shipment lock,
 * availability, booking on the day), and links it. With the plant's proposal applied (the
 * customer accepted it), the proposed day and quantities stand; a line proposed at 0 is dropped.
 */
export async function requestToPo(cmd: CommandTx, req: LockedRequest, opts: { proposal: boolean; autoSplit: boolean }): Promise<PoResult> {
  const lines = await cmd.query<{ variant_id: string; region_code: string; qty: string; proposed_qty: string | null }>(
    'select variant_id, region_code, trim_scale(qty)::text as qty, trim_scale(proposed_qty)::text as proposed_qty from po_request_line where request_id = $1 order by line_no',
    [req.id],
  );
  const wanted = lines
    .map((l) => ({ variantId: l.variant_id, regionCode: l.region_code, qty: opts.proposal && l.proposed_qty !== null ? l.proposed_qty : l.qty }))
    .filter((l) => new Decimal(l.qty).gt(0));
  if (!wanted.length) throw invalid('lines', 'nothing left to produce');
  const day = opts.proposal && req.proposed_day ? req.proposed_day : req.requested_day;
  // production cannot be planned into the past: the plant proposes another day instead
  if (day < localDay(cmd.now)) {
    const field = opts.proposal && req.proposed_day ? 'proposedDay' : 'requestedDay';
    throw new DomainError('stamping.day_unavailable', `${req.number}: ${day} has passed; propose another day.`, { errors: [{ field, message: 'in the past' }] });
  }
  const result = await createPoInTx(cmd, {
    shipmentId: req.shipment_id, urgent: false, notes: requestNotes(req), lines: wanted, day, autoSplit: opts.autoSplit,
  });
  await cmd.query(
    `update po_request set status = 'approved', po_id = $2, decided_by = $3, decided_at = $4, updated_at = $4 where id = $1`,
    [req.id, result.po.id, cmd.actor.userId, cmd.now],
  );
  return result;
}

/** The PO's notes name the request and carry the customer's delivery wishes to planners and the line. */
export function requestNotes(req: Pick<LockedRequest, 'number' | 'delivery_date' | 'delivery_details'>): string {
  const delivery = [req.delivery_date ? `deliver by ${req.delivery_date}` : null, req.delivery_details].filter(Boolean).join(' — ');
  return delivery ? `Customer request ${req.number}. Delivery: ${delivery}` : `Customer request ${req.number}`;
}
