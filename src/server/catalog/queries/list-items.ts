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

export async function listVariants(db: Queryable, itemId: string) {
  const rows = await db.query<Parameters<typeof toVariantDto>[0]>('select * from variant where item_id = $1 order by code', [itemId]);
  if (!rows.length) await getItemRow(db, itemId); // no variants, or no such item (404)
  return rows.map(toVariantDto);
}

export async function listUnits(db: Queryable) {
  return db.query<{ code: string; name: string; decimals: number }>('select code, name, decimals::int as decimals from uom order by code');
}
