import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import { addDays, localDay, mondayOf } from '../planning';
import { approveRequest, createRequest, declineProposal, modifyRequest, rejectRequest } from '../stamping';
import type { StampingDemo } from './stamping';
import type { SeededOrders } from './stamping-orders';
import { userCtx } from './user-ctx';

/**
 * Norwood's portal requests, one in each state: pending (with delivery details), modified (the
 * plant proposed another day and less), approved (now a PO), declined and rejected (with reason).
 */
export async function seedStampingRequests(db: Db, log: Logger, demo: StampingDemo, orders: SeededOrders): Promise<void> {
  const customer = await userCtx(db, log, 'customer');
  const planner = await userCtx(db, log, 'supervisor');
  // the week after the one the demo orders fill (a weekend counts towards the coming week)
  const nextWeek = addDays(mondayOf(addDays(localDay(new Date()), 2)), 7);
  const v = (label: string) => demo.variants.get(label)!.variantId;
  const blueRasp20 = v('Blueberry Raspberry — Orbito · 30mL · 20mg');
  const request = async (lines: Array<[string, string, string]>, day: number, extra: { deliveryDate?: string; deliveryDetails?: string } = {}) =>
    (await createRequest(customer, {
      shipmentId: orders.norwoodShipmentId, requestedDay: addDays(nextWeek, day), deliveryDate: extra.deliveryDate ?? null, deliveryDetails: extra.deliveryDetails ?? null,
      lines: lines.map(([variantId, regionCode, qty]) => ({ variantId, regionCode, qty })),
    })).body;
  await request([[blueRasp20, 'ontario', '2000']], 1, { deliveryDate: addDays(nextWeek, 4), deliveryDetails: 'Deliver to dock B, call on arrival' });
  const modified = await request([[blueRasp20, 'federal', '1500']], 2);
  await modifyRequest(planner, modified.id, { proposedDay: addDays(nextWeek, 3), lines: [{ lineNo: 1, proposedQty: '1200' }] });
  const approved = await request([[v('Grape Ice — Orbito · 30mL · 20mg'), 'quebec', '400']], 0, { deliveryDetails: 'Pickup by our courier on Friday' });
  await approveRequest(planner, approved.id, { autoSplit: false });
  const declined = await request([[blueRasp20, 'manitoba', '500']], 1);
  await modifyRequest(planner, declined.id, { proposedDay: addDays(nextWeek, 4), lines: [] });
  await declineProposal(customer, declined.id);
  const rejected = await request([[v('Grape Ice — Linvo · 30mL · 10mg'), 'alberta', '400']], 2);
  await rejectRequest(planner, rejected.id, 'Alberta stamps are on back-order until next month');
  log.info('demo portal requests seeded');
}
