import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import type { Ctx } from '../kernel/context';
import { systemActor } from '../kernel/actor';
import { createItem } from '../catalog/commands/create-item';
import { createAttribute } from '../catalog/commands/attribute-library';
import { requestVariant } from '../catalog/commands/get-or-create-variant';
import { createLocation, createLot, postDocument, postReturn } from '../inventory';
import { recordSerialEvent, registerSerials } from '../inventory/serials/commands';
import { localDay } from '../planning/days';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
/** The plant day n days ago (a lot's dates are plant days). */
const dayAgo = (n: number) => localDay(new Date(Date.now() - n * 86_400_000));

/** A warehouse with zones and slots, materials in several lots, finished goods and movements. */
export async function seedStock(db: Db, log: Logger): Promise<void> {
  const ctx: Ctx = { db, actor: systemActor('seed'), requestId: null, log };
  const loc = async (code: string, name: string, kind: Parameters<typeof createLocation>[1]['kind'], parentId?: string) =>
    (await createLocation(ctx, { code, name, kind, parentId })).body.id;
  const main = await loc('MAIN', 'Main warehouse', 'warehouse');
  const zoneA = await loc('MAIN-A', 'Zone A', 'zone', main);
  const slotA1 = await loc('MAIN-A-01', 'Slot A-01', 'slot', zoneA);
  await loc('MAIN-B', 'Zone B', 'zone', main);
  const floor = await loc('FLOOR', 'Production floor', 'production');
  await loc('TRANSIT', 'In transit', 'transit');
  await loc('SCRAP', 'Scrap', 'scrap');
  await loc('SUP-ACME', 'Acme Supplies', 'supplier');

  // the attribute library new items start from
  await createAttribute(ctx, { code: 'size', name: 'Size', values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] });
  await createAttribute(ctx, { code: 'colour', name: 'Colour', values: ['Black', 'White', 'Blue', 'Red', 'Green'] });
  const flour = (await createItem(ctx, { code: 'FLOUR', name: 'Flour', kind: 'material', uom: 'kg', category: 'Bakery', lowStockThreshold: '50', attributes: [] })).body;
  const flourV = await requestVariant(ctx, flour.id, {});
  const resin = (await createItem(ctx, { code: 'RESIN', name: 'Epoxy resin', kind: 'material', uom: 'kg', category: 'Coatings', lowStockThreshold: '10', attributes: [] })).body;
  const resinV = await requestVariant(ctx, resin.id, {});
  const shirt = (await createItem(ctx, {
    code: 'TSHIRT', name: 'T-Shirt', kind: 'product', uom: 'ea', category: 'Apparel', lowStockThreshold: '10',
    attributes: [{ attribute: 'size', values: ['S', 'M', 'L'] }, { attribute: 'colour', values: ['Blue', 'Red'] }], primaryAttribute: 'size',
  })).body;

  const lot = async (code: string, variantId: string, expiryDate: string | null, supplier: string) =>
    (await createLot(ctx, { code, variantId, expiryDate, supplier, receivedDate: dayAgo(20) })).body.id;
  const f1 = await lot('FL-2611-A', flourV.id, dayAgo(-40), 'Acme Supplies');
  const f2 = await lot('FL-2611-B', flourV.id, dayAgo(-15), 'Acme Supplies');
  const r1 = await lot('RS-0042', resinV.id, dayAgo(-200), 'Polychem');

  await postDocument(ctx, { type: 'receipt', postedAt: daysAgo(20), note: 'Opening stock', lines: [
    { variantId: flourV.id, locationId: slotA1, lotId: f1, grade: 'good', qty: '250', unitCost: '0.82' },
    { variantId: flourV.id, locationId: slotA1, lotId: f2, grade: 'good', qty: '120', unitCost: '0.85' },
    { variantId: resinV.id, locationId: zoneA, lotId: r1, grade: 'good', qty: '40', unitCost: '12.5' },
    { variantId: resinV.id, locationId: zoneA, lotId: r1, grade: 'damaged', qty: '2', unitCost: '12.5' },
  ] });
  const sizes = ['S', 'M', 'L'];
  const shirtLines = [];
  for (const size of sizes) {
    for (const colour of ['Blue', 'Red']) {
      const v = await requestVariant(ctx, shirt.id, { size, colour });
      shirtLines.push({ variantId: v.id, locationId: main, lotId: null, grade: 'good', qty: String(12 + sizes.indexOf(size) * 6), unitCost: '3.4' });
    }
  }
  await postDocument(ctx, { type: 'receipt', postedAt: daysAgo(10), note: 'Finished goods from lot L-1007', lines: shirtLines });
  await postDocument(ctx, { type: 'transfer', postedAt: daysAgo(5), lines: [{ variantId: flourV.id, fromLocationId: slotA1, toLocationId: floor, lotId: f2, grade: 'good', qty: '80' }] });
  const customer = await loc('CUST-NORWOOD', 'Norwood Distribution (delivered)', 'customer');
  await seedBakeAndDeliveries(ctx, { flour: flourV.id, flourLot: f2, floor, store: main, customer });
  await postDocument(ctx, { type: 'adjustment', postedAt: daysAgo(2), reason: 'damaged', note: 'Torn sack found at count', lines: [{ variantId: flourV.id, locationId: slotA1, lotId: f1, grade: 'good', qty: '-5' }] });
  await seedSerials(ctx, main, customer);
  log.info('demo stock seeded');
}

/**
 * A bake from flour lot FL-2611-B into bread lot BR-2611-01, sold and shipped, with a return:
 * a lot trace from either end shows the whole chain down to the receipt and out to the customer.
 */
async function seedBakeAndDeliveries(ctx: Ctx, at: { flour: string; flourLot: string; floor: string; store: string; customer: string }): Promise<void> {
  const bread = (await createItem(ctx, { code: 'BREAD', name: 'Bread loaf', kind: 'product', uom: 'ea', category: 'Bakery', lowStockThreshold: '20', attributes: [] })).body;
  const breadV = await requestVariant(ctx, bread.id, {});
  const breadLot = (await createLot(ctx, { code: 'BR-2611-01', variantId: breadV.id, expiryDate: dayAgo(-3), receivedDate: dayAgo(4), note: 'Baked from FL-2611-B' })).body.id;
  const loaves = { variantId: breadV.id, lotId: breadLot, grade: 'good' };
  await postDocument(ctx, {
    type: 'production', postedAt: daysAgo(4), note: 'Morning bake',
    consume: [{ variantId: at.flour, locationId: at.floor, lotId: at.flourLot, grade: 'good', qty: '75' }],
    output: [{ ...loaves, locationId: at.store, qty: '150', extraUnitCost: '0.12' }],
  });
  const sold = (await postDocument(ctx, { type: 'issue', postedAt: daysAgo(3), reason: 'sold: market stall', lines: [{ ...loaves, locationId: at.store, qty: '40' }] })).body;
  await postDocument(ctx, { type: 'transfer', postedAt: daysAgo(3), note: 'Delivery 3318', lines: [{ ...loaves, fromLocationId: at.store, toLocationId: at.customer, qty: '30' }] });
  await postReturn(ctx, sold.id, { postedAt: daysAgo(2), reason: 'crushed in the crate', lines: [{ line: 1, qty: '2', grade: 'damaged' }] });
}

/** Controller boards with serials in every state, one of them reworked twice. */
async function seedSerials(ctx: Ctx, store: string, customer: string): Promise<void> {
  const board = (await createItem(ctx, { code: 'CTRL-BOARD', name: 'Controller board', kind: 'product', uom: 'ea', category: 'PCB', lowStockThreshold: '10', attributes: [{ attribute: 'revision', values: ['R2', 'R3'] }] })).body;
  const variant = await requestVariant(ctx, board.id, { revision: 'R3' });
  const serialNos = Array.from({ length: 12 }, (_, i) => `CB-R3-${String(i + 1).padStart(4, '0')}`);
  const { ids } = (await registerSerials(ctx, { variantId: variant.id, serialNos, stage: 'Assembly', orderRef: 'WO-1001' })).body;
  const ev = (i: number, e: Parameters<typeof recordSerialEvent>[2]) => recordSerialEvent(ctx, ids[i]!, e);
  for (let i = 0; i < 8; i++) {
    for (const stage of ['1st Testing', '2nd Testing', 'Coating', 'Final Testing', 'QA']) await ev(i, { event: 'stage', stage });
    await ev(i, { event: 'qa_pass', locationId: store });
  }
  for (const i of [6, 7]) await ev(i, { event: 'deliver', locationId: customer });
  await ev(8, { event: 'stage', stage: '1st Testing' });
  await ev(8, { event: 'defect', outcome: 'rework', reworkStage: 'Assembly', note: 'Cold solder joint on U3' });
  await ev(8, { event: 'stage', stage: '1st Testing' });
  await ev(8, { event: 'defect', outcome: 'rework', reworkStage: 'Assembly', note: 'U3 again: replaced the part' });
  await ev(9, { event: 'defect', outcome: 'scrap', note: 'Cracked substrate' });
}
