import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import type { Ctx } from '../kernel/context';
import type { ProductVariantDto } from '../../contracts/stamping';
import { systemActor } from '../kernel/actor';
import { listCustomers } from '../people/queries/list-org';
import { addDays, localDay } from '../planning';
import { createBrand, createConsignee, createProduct, createRegion, createStampOrder } from '../stamping';

const REGIONS = [
  { code: 'federal', name: 'Federal', colour: 'red' },
  { code: 'ontario', name: 'Ontario', colour: 'blue' },
  { code: 'quebec', name: 'Quebec', colour: 'grape' },
  { code: 'alberta', name: 'Alberta', colour: 'orange' },
  { code: 'manitoba', name: 'Manitoba', colour: 'teal' },
];

const PRODUCTS: Array<{ brand: 'ORBITO' | 'LINVO'; flavour: string; volumesMl: string[] }> = [
  { brand: 'ORBITO', flavour: 'Blueberry Raspberry', volumesMl: ['30', '60'] },
  { brand: 'ORBITO', flavour: 'Grape Ice', volumesMl: ['30'] },
  { brand: 'ORBITO', flavour: 'Mango Peach', volumesMl: ['30'] },
  { brand: 'LINVO', flavour: 'Grape Ice', volumesMl: ['30'] },
  { brand: 'LINVO', flavour: 'Cool Mint', volumesMl: ['30'] },
];

/** Stamps received per region (the seed's ledger), in deliveries: [qty, days ago]. */
const RECEIVED: Array<[region: string, deliveries: Array<[string, number]>]> = [
  ['federal', [['20000', 40], ['10000', 12]]],
  ['ontario', [['12000', 35], ['8000', 9]]],
  ['quebec', [['10000', 30]]],
  ['alberta', [['7000', 25]]],
  ['manitoba', [['5000', 20]]],
];

export interface StampingDemo {
  regions: string[];
  brands: Record<'ORBITO' | 'LINVO', string>;
  /** every product variant, by its operator label ("Grape Ice — Linvo · 30mL · 10mg") */
  variants: Map<string, ProductVariantDto>;
  consignees: Record<'NORWOOD' | 'LAKESHORE', { customerId: string; locationId: string }>;
}

/**
 * Stamping master data and stamp stock, through the stamping commands: five tax regions with
 * their stamps, two brands sharing flavours, products in mL × mg, the seeded customers as
 * consignees, and stamp orders (received ones make the stamp ledger; one is still on order).
 * Needs seedPeople first (the customers).
 */
export async function seedStampingMasterAndStamps(db: Db, log: Logger): Promise<StampingDemo> {
  const ctx: Ctx = { db, actor: systemActor('seed'), requestId: null, log };
  for (const r of REGIONS) await createRegion(ctx, r);

  const brands = {
    ORBITO: (await createBrand(ctx, { code: 'ORBITO', name: 'Orbito' })).body.id,
    LINVO: (await createBrand(ctx, { code: 'LINVO', name: 'Linvo' })).body.id,
  };
  const variants = new Map<string, ProductVariantDto>();
  for (const p of PRODUCTS) {
    const made = await createProduct(ctx, { brandId: brands[p.brand], flavour: p.flavour, volumesMl: p.volumesMl, strengthsMg: ['10', '20'] });
    for (const v of made.body.variants) variants.set(v.label, v);
  }

  const consignee = async (code: string) => {
    const customer = (await listCustomers(db, { q: code }, { limit: 10 })).items.find((c) => c.code === code);
    if (!customer) throw new Error(`seed: customer ${code} is missing (run seedPeople first)`);
    const c = (await createConsignee(ctx, customer.id)).body;
    return { customerId: c.customerId, locationId: c.locationId };
  };
  const consignees = { NORWOOD: await consignee('NORWOOD'), LAKESHORE: await consignee('LAKESHORE') };

  const today = localDay(new Date());
  for (const [regionCode, deliveries] of RECEIVED) {
    for (const [qty, daysAgo] of deliveries) {
      await createStampOrder(ctx, { regionCode, qty, supplier: 'Canada Revenue Agency', orderedOn: addDays(today, -daysAgo), received: true });
    }
  }
  await createStampOrder(ctx, { regionCode: 'ontario', qty: '10000', supplier: 'Canada Revenue Agency', orderedOn: addDays(today, -2), note: 'Re-order: Ontario POs booked for next week' });

  log.info('demo stamping master data and stamp stock seeded');
  return { regions: REGIONS.map((r) => r.code), brands, variants, consignees };
}
