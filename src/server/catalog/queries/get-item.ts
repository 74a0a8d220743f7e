import type { ItemDto } from '../../../contracts/catalog';
import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';
import type { ItemShape } from '../variant-key';

export interface ItemRow {
  id: string; code: string; name: string; kind: ItemDto['kind']; uom: string; category: string | null;
  low_stock_threshold: string | null; stage_attribute: string | null; primary_attribute: string | null; active: boolean;
  attributes: Array<{ attribute: string; values: string[] }> | null;
  stages: Array<{ stage: string; attributes: string[] }> | null;
}

/** Every column an ItemDto needs, its attributes and stage rules folded in: one row per item. */
export const ITEM_SELECT = `select i.id, i.code, i.name, i.kind, i.uom, i.category, i.low_stock_threshold, i.active,
  (select lower(a.code) from attribute a where a.id = i.stage_attribute_id) as stage_attribute,
  (select lower(a.code) from attribute a where a.id = i.primary_attribute_id) as primary_attribute,
  (select json_agg(json_build_object('attribute', lower(a.code), 'values', ia.allowed_values) order by ia.position)
     from item_attribute ia join attribute a on a.id = ia.attribute_id where ia.item_id = i.id) as attributes,
  (select json_agg(json_build_object('stage', s.stage, 'attributes', s.attrs))
     from (select isa.stage, array_agg(lower(a.code) order by lower(a.code)) as attrs from item_stage_attribute isa
           join attribute a on a.id = isa.attribute_id where isa.item_id = i.id group by isa.stage) s) as stages
  from item i`;

export async function getItemRow(db: Queryable, id: string): Promise<ItemRow> {
  const [row] = await db.query<ItemRow>(`${ITEM_SELECT} where i.id = $1`, [id]);
  if (!row) throw new DomainError('catalog.item_not_found', `No item ${id}.`);
  return row;
}

export const toItemDto = (r: ItemRow): ItemDto => ({
  id: r.id, code: r.code, name: r.name, kind: r.kind, uom: r.uom, category: r.category,
  lowStockThreshold: r.low_stock_threshold, stageAttribute: r.stage_attribute, primaryAttribute: r.primary_attribute, attributes: r.attributes ?? [], active: r.active,
  stageAttributes: Object.fromEntries((r.stages ?? []).map((s) => [s.stage, s.attributes])),
});

export function itemShape(r: ItemRow): ItemShape {
  return {
    code: r.code,
    name: r.name,
    attributes: new Map((r.attributes ?? []).map((a) => [a.attribute, a.values])),
    stageAttribute: r.stage_attribute,
    stageAttributes: new Map((r.stages ?? []).map((s) => [s.stage, s.attributes])),
  };
}

export async function getItem(db: Queryable, id: string): Promise<ItemDto> {
  return toItemDto(await getItemRow(db, id));
}
