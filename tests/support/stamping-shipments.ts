import { createShipment, markInventoried, receiveBox } from '../../src/server/stamping';
import type { StampingWorld } from './stamping';

/**
 * An inventoried shipment for `w`'s consignee: one Orbito box per entry of `contents`, each with
 * that many good units of the variant (and `damaged` found damaged).
 */
export async function inventoriedShipment(w: StampingWorld, contents: Array<{ variantId: string; raw: string; damaged?: string }>) {
  const shipment = (await createShipment(w.ctx, { customerId: w.customer.id })).body;
  for (const [i, c] of contents.entries()) {
    await receiveBox(w.ctx, shipment.id, { brandId: w.brands.orbito.id, boxNo: i + 1, lines: [{ variantId: c.variantId, rawQty: c.raw, damagedQty: c.damaged ?? '0', missingQty: '0' }] });
  }
  await markInventoried(w.ctx, shipment.id);
  return shipment;
}
