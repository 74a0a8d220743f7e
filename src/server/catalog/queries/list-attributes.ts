import type { AttributeDto } from '../../../contracts/catalog';
import type { Queryable } from '../../kernel/db/types';

const ATTRIBUTE_SELECT = `select lower(a.code) as code, a.name,
    coalesce((select array_agg(v.value order by v.position, v.value) from attribute_value v where v.attribute_id = a.id), '{}') as values,
    (select count(*)::int from item_attribute ia where ia.attribute_id = a.id) as items
  from attribute a`;

/** The plant's attribute library: every attribute with the values items have used or the plant added, in order. */
export async function listAttributes(db: Queryable): Promise<AttributeDto[]> {
  return db.query<AttributeDto>(`${ATTRIBUTE_SELECT} order by lower(a.code)`);
}

export async function findAttribute(db: Queryable, code: string): Promise<AttributeDto | undefined> {
  const [a] = await db.query<AttributeDto>(`${ATTRIBUTE_SELECT} where lower(a.code) = lower($1)`, [code]);
  return a;
}
