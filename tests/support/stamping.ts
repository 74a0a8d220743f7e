import type { Db } from '../../src/server/kernel/db/types';
import { createCustomer } from '../../src/server/people/commands/customers';
import { createBrand, createConsignee, createProduct, createRegion, ensureSetup, listRegions, readSetup } from '../../src/server/stamping';
import { runCommand } from '../../src/server/kernel/run-command';
import { systemCtx } from './app';

const REGIONS = [
  { code: 'federal', name: 'Federal', colour: 'red' },
  { code: 'ontario', name: 'Ontario', colour: 'blue' },
  { code: 'quebec', name: 'Quebec', colour: 'grape' },
];

/**
 * A small stamping world: a consignee, two brands that share box numbers, a product per brand
 * in 10 mg and 20 mg, and tax regions (created once per database). `tag` keeps worlds apart.
 */
export async function stampingWorld(db: Db, tag: string) {
  const ctx = systemCtx(db);
  const existing = await listRegions(db);
  for (const r of REGIONS) if (!existing.some((e) => e.code === r.code)) await createRegion(ctx, r);
  if (!(await readSetup(db))) await runCommand(ctx, { name: 'test.setup', input: {} }, (cmd) => ensureSetup(cmd));
  const customer = (await createCustomer(ctx, { code: `${tag}-CUS`, name: `${tag} Consignee` })).body;
  const consignee = (await createConsignee(ctx, customer.id)).body;
  const orbito = (await createBrand(ctx, { code: `${tag}-ORB`, name: `${tag} Orbito` })).body;
  const linvo = (await createBrand(ctx, { code: `${tag}-LIN`, name: `${tag} Linvo` })).body;
  const bluerasp = (await createProduct(ctx, { brandId: orbito.id, flavour: 'Blueberry Raspberry', volumesMl: ['30'], strengthsMg: ['10', '20'] })).body;
  const grape = (await createProduct(ctx, { brandId: linvo.id, flavour: 'Grape Ice', volumesMl: ['30'], strengthsMg: ['10', '20'] })).body;
  const v = (p: typeof bluerasp, mg: string) => p.variants.find((x) => x.strengthMg === mg)!;
  return {
    ctx, customer, consignee, brands: { orbito, linvo },
    products: { bluerasp10: v(bluerasp, '10'), bluerasp20: v(bluerasp, '20'), grape10: v(grape, '10'), grape20: v(grape, '20') },
    setup: (await readSetup(db))!,
  };
}

export type StampingWorld = Awaited<ReturnType<typeof stampingWorld>>;
