import type { z } from 'zod';
import type { ShipmentStatus } from '../../../contracts/stamping';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';

export interface LockedShipment {
  id: string;
  number: string;
  customerId: string;
  status: z.infer<typeof ShipmentStatus>;
  lotId: string;
}

/**
 * Locks the shipment row for the rest of the command. Every command that changes what a shipment
 * holds or what is allocated against it takes this lock first, so receiving and PO allocation
 * never interleave.
 */
export async function lockShipment(cmd: CommandTx, id: string): Promise<LockedShipment> {
  const [row] = await cmd.query<LockedShipment>(
    `select id, number, customer_id as "customerId", status, lot_id as "lotId" from shipment where id = $1 for no key update`,
    [id],
  );
  if (!row) throw new DomainError('stamping.shipment_not_found', 'No such shipment.');
  return row;
}
