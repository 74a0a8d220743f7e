import type { Queryable } from '../../kernel/db/types';
import { DomainError, invalid } from '../../kernel/errors';

/**
 * Checks that every listed variant is a stamping product variant and that none is listed twice;
 * a bad one is named by its field (`lines.2.variantId`), so the operator sees which row is wrong.
 */
export async function requireProductVariants(q: Queryable, variantIds: string[], field: (i: number) => string): Promise<void> {
  const seen = new Set<string>();
  variantIds.forEach((id, i) => {
    if (seen.has(id)) throw invalid(field(i), 'this product is listed twice');
    seen.add(id);
  });
  if (variantIds.length === 0) return;
  const rows = await q.query<{ id: string }>('select variant_id as id from stamping_variant where variant_id = any($1::uuid[])', [variantIds]);
  const known = new Set(rows.map((r) => r.id));
  const bad = variantIds.findIndex((id) => !known.has(id));
  if (bad >= 0) {
    throw new DomainError('stamping.not_a_product', 'That is not a stamping product variant.', { errors: [{ field: field(bad), message: 'not a stamping product variant' }] });
  }
}
