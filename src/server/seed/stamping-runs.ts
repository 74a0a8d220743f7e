import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import type { Ctx } from '../kernel/context';
import { systemActor } from '../kernel/actor';
import { userCtx } from './user-ctx';
import { createLocation } from '../inventory';
import { completeSkid, confirmBox, finishRun, startRun, verifyPo } from '../stamping';
import type { SeededOrders } from './stamping-orders';


/**
 * The stamping line mid-week, done by the demo users: a run in progress on the operator's station
 * with a completed skid and a box staged, an order waiting for verification, and an order the
 * verifier completed (short of its estimate), filed on Lakeshore's outbound.
 */
export async function seedStampingRuns(db: Db, log: Logger, orders: SeededOrders): Promise<void> {
  const system: Ctx = { db, actor: systemActor('seed'), requestId: null, log };
  const operator = await userCtx(db, log, 'operator');
  const verifier = await userCtx(db, log, 'verifier');
  const [wh] = (await db.query<{ id: string }>(`select id from location where code = 'STAMP-WH'`)) as [{ id: string }];
  const bay = (await createLocation(system, { code: 'SKID-BAY', name: 'Skid bay', kind: 'zone', parentId: wh.id })).body.id;
  for (const n of ['01', '02', '03', '04']) await createLocation(system, { code: `SKID-BAY-${n}`, name: `Skid bay slot ${n}`, kind: 'slot', parentId: bay });
  const [slot] = (await db.query<{ id: string }>(`select id from location where code = 'SKID-BAY-01'`)) as [{ id: string }];

  const boxLine = async (shipmentId: string, brand: string, boxNo: number, variantLabel?: string) => {
    const [row] = (await db.query<{ box_id: string; line_id: string }>(
      `select b.id as box_id, bl.id as line_id from shipment_box b join brand br on br.id = b.brand_id join shipment_box_line bl on bl.box_id = b.id
       join stamping_variant sv on sv.variant_id = bl.variant_id
       where b.shipment_id = $1 and br.code = $2 and b.box_no = $3 and ($4::text is null or sv.flavour = $4) order by bl.line_no limit 1`,
      [shipmentId, brand, boxNo, variantLabel ?? null],
    )) as [{ box_id: string; line_id: string }];
    return row;
  };
  const confirm = async (ctx: Ctx, poId: string, shipmentId: string, brand: string, boxNo: number, regionCode: string, flavour?: string) => {
    const b = await boxLine(shipmentId, brand, boxNo, flavour);
    await confirmBox(ctx, poId, { boxId: b.box_id, lines: [{ boxLineId: b.line_id, regionCode, damagedQty: '0', missingQty: '0' }] });
  };

  // a run in progress: two Linvo cartons on a skid, a third staged
  await startRun(operator, orders.grape);
  await confirm(operator, orders.grape, orders.norwoodShipmentId, 'LINVO', 1, 'federal');
  await confirm(operator, orders.grape, orders.norwoodShipmentId, 'LINVO', 2, 'federal');
  await completeSkid(operator, orders.grape, { locationId: slot.id });
  await confirm(operator, orders.grape, orders.norwoodShipmentId, 'LINVO', 3, 'federal');

  // waiting for a second user: every box stamped and on a skid, so the verifier can complete it
  await startRun(operator, orders.mango);
  await confirm(operator, orders.mango, orders.norwoodShipmentId, 'ORBITO', 21, 'alberta', 'Mango Peach');
  await completeSkid(operator, orders.mango, { locationId: slot.id });

  // completed short of its estimate (a damaged carton), verified by another user
  await startRun(operator, orders.urgent);
  await confirm(operator, orders.urgent, orders.lakeshoreShipmentId, 'ORBITO', 1, 'federal');
  await confirm(operator, orders.urgent, orders.lakeshoreShipmentId, 'ORBITO', 2, 'federal');
  await completeSkid(operator, orders.urgent, { locationId: slot.id });
  await finishRun(operator, orders.urgent);
  await verifyPo(verifier, orders.urgent, { note: 'One carton arrived damaged; customer informed.' });
  log.info('demo stamping runs seeded');
}
