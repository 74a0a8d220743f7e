import type { Queryable } from '../../kernel/db/types';
import { toCsv } from '../../kernel/csv';

/** Items as the import reads them back, stage rules included (`cut=size|colour; sew=size`). */
export async function exportItems(db: Queryable): Promise<string> {
  const rows = await db.query<{ code: string; name: string; kind: string; uom: string; category: string | null; low_stock_threshold: string | null; attributes: string | null; primary_attribute: string | null; stage_attribute: string | null; stage_attributes: string | null }>(
    `select i.code, i.name, i.kind, i.uom, i.category, i.low_stock_threshold::text,
       (select string_agg(a.code || '=' || array_to_string(ia.allowed_values, '|'), '; ' order by ia.position)
          from item_attribute ia join attribute a on a.id = ia.attribute_id where ia.item_id = i.id) as attributes,
       (select a.code from attribute a where a.id = i.primary_attribute_id) as primary_attribute,
       (select a.code from attribute a where a.id = i.stage_attribute_id) as stage_attribute,
       (select string_agg(s.stage || '=' || s.attrs, '; ' order by s.stage)
          from (select isa.stage, string_agg(a.code, '|' order by a.code) as attrs from item_stage_attribute isa
                join attribute a on a.id = isa.attribute_id where isa.item_id = i.id group by isa.stage) s) as stage_attributes
     from item i order by lower(i.code)`,
  );
  return toCsv([
    ['code', 'name', 'kind', 'uom', 'category', 'low_stock_threshold', 'attributes', 'primary_attribute', 'stage_attribute', 'stage_attributes'],
    ...rows.map((r) => [r.code, r.name, r.kind, r.uom, r.category, r.low_stock_threshold, r.attributes, r.primary_attribute, r.stage_attribute, r.stage_attributes]),
  ]);
}

export async function exportVariants(db: Queryable): Promise<string> {
  const rows = await db.query<{ item_code: string; code: string; name: string; attributes: Record<string, string> }>(
    'select i.code as item_code, v.code, v.name, v.attributes from variant v join item i on i.id = v.item_id order by lower(i.code), v.key',
  );
  return toCsv([
    ['item_code', 'variant_code', 'name', 'attributes'],
    ...rows.map((r) => [r.item_code, r.code, r.name, Object.entries(r.attributes).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('; ')]),
  ]);
}
