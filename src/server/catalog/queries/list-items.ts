import type { Queryable } from '../../kernel/db/types';
import { likePattern, listPage, type ListArgs } from '../../kernel/pagination';
import { getItemRow, ITEM_SELECT, toItemDto, type ItemRow } from './get-item';
import { toVariantDto } from '../commands/get-or-create-variant';

export async function listItems(db: Queryable, f: { q?: string; kind?: string; active?: boolean }, args: ListArgs) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.q) {
    params.push(likePattern(f.q));
    where.push(`(i.code ilike $${params.length} or i.name ilike $${params.length})`);
  }
  if (f.kind) {
    params.push(f.kind);
    where.push(`i.kind = $${params.length}`);
  }
  if (f.active !== undefined) {
    params.push(f.active);
    where.push(`i.active = $${params.length}`);
  }
  const page = await listPage<ItemRow>(db, {
    select: ITEM_SELECT, where, params,
    sortable: { code: 'lower(i.code)' }, defaultSort: 'code', idColumn: 'i.id',
    cursorOf: (r) => [r.code.toLowerCase(), r.id],
  }, args);
  return { items: page.rows.map(toItemDto), nextCursor: page.nextCursor };
}

/** An item's variants in the order of its primary attribute's values (S, M, L rather than L, M, S), then by code. */
export async function listVariants(db: Queryable, itemId: string) {
  const rows = await db.query<Parameters<typeof toVariantDto>[0]>(
    `select v.* from variant v
       join item i on i.id = v.item_id
       left join attribute pa on pa.id = i.primary_attribute_id
       left join item_attribute ia on ia.item_id = i.id and ia.attribute_id = i.primary_attribute_id
     where v.item_id = $1
     order by array_position(ia.allowed_values, v.attributes ->> lower(pa.code)), v.code`,
    [itemId],
  );
  if (!rows.length) await getItemRow(db, itemId); // no variants, or no such item (404)
  return rows.map(toVariantDto);
}

export async function listUnits(db: Queryable) {
  return db.query<{ code: string; name: string; decimals: number }>('select code, name, decimals::int as decimals from uom order by code');
}
