import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import type { Ctx } from '../kernel/context';
import { systemActor } from '../kernel/actor';
import { addDays, isWorkingDay, localDay, mondayOf, type Day } from '../planning';
import { cancelPo, createPo, createShipment, markInventoried, receiveBox } from '../stamping';
import type { StampingDemo } from './stamping';

const WEEKDAYS = { workingDays: [1, 2, 3, 4, 5], closed: new Set<string>() };

/** The working days of the week that holds the next working day from today. */
function planningWeek(today: Day): Day[] {
  let d = today;
  while (!isWorkingDay(WEEKDAYS, d)) d = addDays(d, 1);
  const monday = mondayOf(d);
  return [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
}

/**
 * A stamping plant's week: mixed-brand shipments received box by box with damage (Orbito and
 * Linvo boxes share numbers), one shipment still expected and one half received, and production
 * orders booked over the week — one of them a 30,000-unit Ontario order auto-split at the daily cap,
 * one urgent, one waiting unscheduled, one cancelled.
 */
export interface SeededOrders {
  norwoodShipmentId: string;
  lakeshoreShipmentId: string;
  /** Monday's Linvo Grape Ice order (federal and quebec) */
  grape: string;
  /** Monday's Mango Peach order from the mixed carton */
  mango: string;
  /** Lakeshore's urgent Blueberry Raspberry order */
  urgent: string;
}

export async function seedStampingOrders(db: Db, log: Logger, demo: StampingDemo): Promise<SeededOrders> {
  const ctx: Ctx = { db, actor: systemActor('seed'), requestId: null, log };
  const v = (label: string) => {
    const found = demo.variants.get(label);
    if (!found) throw new Error(`seed: no product ${label}`);
    return found.variantId;
  };
  const blueRasp20 = v('Blueberry Raspberry — Orbito · 30mL · 20mg');
  const blueRasp10 = v('Blueberry Raspberry — Orbito · 30mL · 10mg');
  const mango = v('Mango Peach — Orbito · 30mL · 10mg');
  const linvoGrape = v('Grape Ice — Linvo · 30mL · 10mg');
  const orbitoGrape = v('Grape Ice — Orbito · 30mL · 20mg');
  const mint = v('Cool Mint — Linvo · 30mL · 20mg');
  const { ORBITO: orbito, LINVO: linvo } = demo.brands;
  const norwood = demo.consignees.NORWOOD.customerId;
  const lakeshore = demo.consignees.LAKESHORE.customerId;

  // Norwood: 20 Orbito cartons of 2,000, 5 Linvo cartons sharing numbers 1–5, one mixed carton
  const nw = (await createShipment(ctx, {
    customerId: norwood, reference: 'BOL-88213', note: 'Mixed Orbito / Linvo load',
    packingList: [{ variantId: blueRasp20, qty: '40000' }, { variantId: linvoGrape, qty: '5000' }, { variantId: mango, qty: '500' }, { variantId: orbitoGrape, qty: '500' }],
    expectedBoxes: [{ brandId: orbito, count: 21 }, { brandId: linvo, count: 5 }],
  })).body;
  for (let n = 1; n <= 20; n++) {
    const damaged = n === 3 ? '100' : n === 11 ? '35' : '0';
    await receiveBox(ctx, nw.id, { brandId: orbito, boxNo: n, lines: [{ variantId: blueRasp20, rawQty: '2000', damagedQty: damaged, missingQty: n === 7 ? '20' : '0', damageNote: damaged !== '0' ? 'Crushed corner on arrival' : null }] });
  }
  for (let n = 1; n <= 5; n++) {
    await receiveBox(ctx, nw.id, { brandId: linvo, boxNo: n, lines: [{ variantId: linvoGrape, rawQty: '1000', damagedQty: n === 2 ? '12' : '0' }] });
  }
  await receiveBox(ctx, nw.id, { brandId: orbito, boxNo: 21, lines: [{ variantId: mango, rawQty: '500' }, { variantId: orbitoGrape, rawQty: '500', damagedQty: '8' }] });
  await markInventoried(ctx, nw.id);

  // Lakeshore: one inventoried, one half received, one still expected (planned from its packing list)
  const ls = (await createShipment(ctx, { customerId: lakeshore, reference: 'LS-4471', packingList: [{ variantId: mint, qty: '9000' }, { variantId: blueRasp10, qty: '6000' }] })).body;
  for (let n = 1; n <= 6; n++) await receiveBox(ctx, ls.id, { brandId: n <= 3 ? linvo : orbito, boxNo: n <= 3 ? n : n - 3, lines: [{ variantId: n <= 3 ? mint : blueRasp10, rawQty: n <= 3 ? '3000' : '2000', damagedQty: n === 5 ? '40' : '0' }] });
  await markInventoried(ctx, ls.id);
  const half = (await createShipment(ctx, { customerId: lakeshore, reference: 'LS-4502', packingList: [{ variantId: mint, qty: '4000' }], expectedBoxes: [{ brandId: linvo, count: 4 }] })).body;
  await receiveBox(ctx, half.id, { brandId: linvo, boxNo: 1, lines: [{ variantId: mint, rawQty: '1000' }] });
  await createShipment(ctx, { customerId: norwood, reference: 'BOL-88290', expectedOn: addDays(localDay(new Date()), 3), packingList: [{ variantId: blueRasp10, qty: '12000' }] });

  const week = planningWeek(localDay(new Date()));
  const po = (shipmentId: string, lines: Array<[string, string, string]>, extra: { day?: Day; urgent?: boolean; autoSplit?: boolean; notes?: string } = {}) =>
    createPo(ctx, { shipmentId, urgent: extra.urgent ?? false, autoSplit: extra.autoSplit ?? false, day: extra.day ?? null, notes: extra.notes ?? null, lines: lines.map(([variantId, regionCode, qty]) => ({ variantId, regionCode, qty })) });
  await po(nw.id, [[blueRasp20, 'ontario', '30000']], { day: week[1], autoSplit: true, notes: 'Large Ontario order: split over three days at the daily cap' });
  const grape = await po(nw.id, [[linvoGrape, 'federal', '3000'], [linvoGrape, 'quebec', '1500']], { day: week[0] });
  const mangoPo = await po(nw.id, [[mango, 'alberta', '500']], { day: week[0], notes: 'Mixed carton #21 — check the Mango Peach line' });
  await po(ls.id, [[mint, 'ontario', '5000'], [mint, 'manitoba', '2000']], { day: week[4] });
  const urgent = await po(ls.id, [[blueRasp10, 'federal', '4000']], { urgent: true, notes: 'Customer truck booked — stamp first' });
  await po(ls.id, [[blueRasp10, 'quebec', '1500']]);
  const dropped = await po(nw.id, [[orbitoGrape, 'manitoba', '400']], { day: week[4] });
  await cancelPo(ctx, dropped.body.po.id, 'Consignee withdrew the Manitoba allocation');
  log.info('demo stamping shipments and production orders seeded');
  return { norwoodShipmentId: nw.id, lakeshoreShipmentId: ls.id, grape: grape.body.po.id, mango: mangoPo.body.po.id, urgent: urgent.body.po.id };
}
