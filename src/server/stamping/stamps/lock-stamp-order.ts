import type { StampOrderDto } from '../../../contracts/stamping';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';

export interface LockedStampOrder {
  id: string; number: string; region_code: string; region_name: string; stamp_variant_id: string;
  qty: string; supplier: string | null; status: StampOrderDto['status'];
}

/** Locks the order row, so two receives (or a receive and a cancel) meet here and one loses. */
export async function lockStampOrder(cmd: CommandTx, id: string): Promise<LockedStampOrder> {
  const [row] = await cmd.query<LockedStampOrder>(
    `select so.id, so.number, so.region_code, r.name as region_name, r.stamp_variant_id, so.qty, so.supplier, so.status
     from stamp_order so join tax_region r on r.code = so.region_code where so.id = $1 for update of so`,
    [id],
  );
  if (!row) throw new DomainError('stamping.stamp_order_not_found', 'No such stamp order.');
  return row;
}

/** Only an ordered stamp order moves on (to received or cancelled); anything else is a 409. */
export function refuseUnlessOrdered(order: LockedStampOrder, to: 'received' | 'cancelled'): void {
  if (order.status === 'ordered') return;
  throw new DomainError('state.illegal_transition', `${order.number} is ${order.status}; only an ordered stamp order can be ${to}.`, { state: order.status });
}
