import Decimal from '../../../contracts/exact-decimal';
import type { PoStatus } from '../../../contracts/stamping';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { frozen } from './po-states';

export interface PoRowLocked {
  id: string;
  number: string;
  customer_id: string;
  shipment_id: string;
  site_id: string;
  status: PoStatus;
  urgent: boolean;
  notes: string | null;
  parent_id: string | null;
  segment_no: number | null;
  has_segments: boolean;
}

/** The columns of a locked PO row, for statements that lock it while reading more. */
export const PO_ROW_COLUMNS = 'id, number, customer_id, shipment_id, site_id, status, urgent, notes, parent_id, segment_no, has_segments';

export const poNotFound = () => new DomainError('stamping.po_not_found', 'No such production order.');

/** Holds a PO row for the transaction (status checks and writes see the same state). */
export async function lockPo(cmd: CommandTx, id: string): Promise<PoRowLocked> {
  const [po] = await cmd.query<PoRowLocked>(
    `select ${PO_ROW_COLUMNS} from production_order where id = $1 for no key update`,
    [id],
  );
  if (!po) throw poNotFound();
  return po;
}

/**
 * Units the lines still have to stamp: what a booking takes from its day. A line stamped past its
 * quantity has nothing left to stamp; its surplus does not stamp another line's rest.
 */
export async function unstampedQty(cmd: CommandTx, poId: string): Promise<Decimal> {
  const [r] = (await cmd.query<{ q: string }>('select coalesce(sum(greatest(qty - stamped_qty, 0)), 0)::text as q from production_order_line where po_id = $1', [poId])) as [{ q: string }];
  return new Decimal(r.q);
}

export const hasSegmentsError = (number: string) =>
  new DomainError('stamping.po_has_segments', `${number} is split into segments; change a segment instead.`);

/**
 * A PO the run's commands (confirm, skip, finish, skids, verify) may act on: not completed, not
 * cancelled, and not a split parent, whose segments are what is run.
 */
export function assertRunPo(po: PoRowLocked): void {
  if (po.status === 'completed') throw frozen(po.number);
  if (po.has_segments) throw hasSegmentsError(po.number);
  if (po.status === 'cancelled') throw new DomainError('state.illegal_transition', `${po.number} is cancelled; its run can no longer change.`, { currentStatus: po.status });
}

/** `lockPo` for the run's commands: the PO locked, refused unless its run may change. */
export async function lockRunPo(cmd: CommandTx, id: string): Promise<PoRowLocked> {
  const po = await lockPo(cmd, id);
  assertRunPo(po);
  return po;
}
