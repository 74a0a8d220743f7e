import type { PoRequestDto } from '../../../contracts/stamping-run';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { requestNotFound } from './queries/get-request';

export interface LockedRequest {
  id: string;
  number: string;
  customer_id: string;
  shipment_id: string;
  status: PoRequestDto['status'];
  requested_day: string;
  proposed_day: string | null;
  delivery_date: string | null;
  delivery_details: string | null;
}

/**
 * Holds a request row for the command. A customer's command passes its customer: another
 * customer's request is not found (and not locked). Requests lock before their shipment.
 */
export async function lockRequest(cmd: CommandTx, id: string, customerId?: string): Promise<LockedRequest> {
  const [row] = await cmd.query<LockedRequest>(
    `select id, number, customer_id, shipment_id, status, requested_day::text as requested_day, proposed_day::text as proposed_day,
       delivery_date::text as delivery_date, delivery_details
     from po_request where id = $1 and ($2::uuid is null or customer_id = $2) for no key update`,
    [id, customerId ?? null],
  );
  if (!row) throw requestNotFound();
  return row;
}

/** Refuses a decision the request's state does not allow (409 with the current status). */
export function requireStatus(r: LockedRequest, allowed: ReadonlyArray<PoRequestDto['status']>, action: string): void {
  if (!allowed.includes(r.status)) {
    throw new DomainError('state.illegal_transition', `${r.number} is ${r.status}; it cannot be ${action}.`, { currentStatus: r.status });
  }
}
