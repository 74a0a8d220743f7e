import type { ShipmentDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import { SHIPMENT_SELECT, toShipmentDtos, type ShipmentRow } from './shipment-row';

export async function getShipment(q: Queryable, id: string): Promise<ShipmentDto | undefined> {
  const rows = await q.query<ShipmentRow>(`${SHIPMENT_SELECT} where s.id = $1`, [id]);
  return (await toShipmentDtos(q, rows))[0];
}
