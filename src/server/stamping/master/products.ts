import type { ProductVariantDto } from '../../../contracts/stamping';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { insertItem } from '../../catalog/commands/create-item';
import { getOrCreateVariant } from '../../catalog/commands/get-or-create-variant';

export interface ProductInput {
  brandId: string;
  flavour: string;
  code?: string;
  volumesMl: string[];
  strengthsMg: string[];
}

const productTaken = (brand: string, flavour: string) =>
  new DomainError('stamping.product_taken', `${brand} already has ${flavour}.`, { errors: [{ field: 'flavour', message: 'already exists for this brand' }] });

const slug = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30);

/**
 * A flavour of a brand becomes a catalog item whose variants are volume × strength; every
 * combination is created at once, so 10 mg and 20 mg are distinct stock from the start.
 */
export function createProduct(ctx: Ctx, input: ProductInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.create-product', input, idempotencyKey, status: 201 }, async (cmd) => {
    const [brand] = await cmd.query<{ code: string; name: string }>('select code, name from brand where id = $1', [input.brandId]);
    if (!brand) throw new DomainError('stamping.brand_not_found', 'No such brand.', { errors: [{ field: 'brandId', message: 'no such brand' }] });
    const taken = await cmd.query('select 1 from stamping_product where brand_id = $1 and lower(flavour) = lower($2)', [input.brandId, input.flavour]);
    if (taken.length) throw productTaken(brand.name, input.flavour);
    const item = await insertItem(cmd, {
      code: input.code ?? `${slug(brand.code)}-${slug(input.flavour)}`, name: `${brand.name} ${input.flavour}`, kind: 'product', uom: 'ea',
      category: 'Stamping', attributes: [{ attribute: 'volume_ml', values: input.volumesMl }, { attribute: 'strength_mg', values: input.strengthsMg }],
    });
    await mapConstraints(
      () => cmd.query('insert into stamping_product (item_id, brand_id, flavour) values ($1, $2, $3)', [item.id, input.brandId, input.flavour]),
      { stamping_product_flavour: () => productTaken(brand.name, input.flavour) },
    );
    for (const volume of input.volumesMl) {
      for (const strength of input.strengthsMg) await getOrCreateVariant(cmd, item.id, { volume_ml: volume, strength_mg: strength });
    }
    const variants = await listProductVariants(cmd, { itemId: item.id });
    cmd.audit({ entityType: 'stamping_product', entityId: item.id, after: { brand: brand.name, flavour: input.flavour, variants: variants.map((v) => v.label) } });
    cmd.emit({ topic: 'stamping.product-created', summary: `${cmd.actor.label} added ${brand.name} ${input.flavour}`, payload: { itemId: item.id }, permission: 'stamping.read' });
    return { itemId: item.id, variants };
  });
}

export async function listProductVariants(q: Queryable, f: { itemId?: string; brandId?: string; variantIds?: string[] } = {}): Promise<ProductVariantDto[]> {
  return q.query<ProductVariantDto>(
    `select variant_id as "variantId", item_id as "itemId", code, brand_id as "brandId", brand, flavour,
       volume_ml as "volumeMl", strength_mg as "strengthMg", label
     from stamping_variant
     where ($1::uuid is null or item_id = $1) and ($2::uuid is null or brand_id = $2) and ($3::uuid[] is null or variant_id = any($3))
     order by brand, flavour, volume_ml::numeric, strength_mg::numeric`,
    [f.itemId ?? null, f.brandId ?? null, f.variantIds ?? null],
  );
}
