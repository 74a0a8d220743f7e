import Decimal from '../../../contracts/exact-decimal';
import type { CreateItem, ItemDto, UpdateItem } from '../../../contracts/catalog';

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const sameRules = (a: Record<string, string[]>, b: Record<string, string[]>) => {
  const norm = (r: Record<string, string[]>) => JSON.stringify(Object.entries(r).map(([s, attrs]) => [s.toLowerCase(), attrs.map((x) => x.toLowerCase()).sort()]).sort());
  return norm(a) === norm(b);
};

/**
 * A CSV row naming an item that exists: the edit it asks for (name, category, low-stock level,
 * primary attribute, attribute values added) or, field by field, why it cannot be one. What an item's stock and
 * variants were made by — kind, unit, attributes, stage attribute and rules — never changes here,
 * and values are only added, so a re-imported export changes nothing it should not.
 */
export function itemRowUpdate(item: ItemDto, row: CreateItem): { update: UpdateItem | null; problems: Array<{ field: string; message: string }> } {
  const problems: Array<{ field: string; message: string }> = [];
  const never = (field: string, what: string) => problems.push({ field, message: `${item.code} is ${what}: it never changes (make a new item instead)` });
  if (row.kind !== item.kind) never('kind', `a ${item.kind}`);
  if (!same(row.uom, item.uom)) never('uom', `counted in ${item.uom}`);
  if (!same(row.stageAttribute, item.stageAttribute)) never('stageAttribute', item.stageAttribute ? `staged by ${item.stageAttribute}` : 'not staged');
  if (row.stageAttributes && !sameRules(row.stageAttributes, item.stageAttributes)) {
    problems.push({ field: 'stageAttributes', message: 'stage rules change in the item\'s edit, where variants at a stage are checked' });
  }
  const addValues: NonNullable<UpdateItem['addValues']> = [];
  const given = new Map(row.attributes.map((a) => [a.attribute.toLowerCase(), a.values]));
  for (const a of item.attributes) {
    const values = given.get(a.attribute);
    if (!values) { problems.push({ field: 'attributes', message: `${a.attribute} is missing: an item's attributes stay` }); continue; }
    const removed = a.values.find((v) => !values.some((x) => same(x, v)));
    if (removed) problems.push({ field: 'attributes', message: `${a.attribute} leaves out ${removed}: values are only added` });
    const added = values.filter((x) => !a.values.some((v) => same(x, v)));
    if (added.length) addValues.push({ attribute: a.attribute, values: added });
  }
  for (const code of given.keys()) if (!item.attributes.some((a) => a.attribute === code)) problems.push({ field: 'attributes', message: `${code} is not an attribute of ${item.code}: attributes are set when an item is made` });
  const update: UpdateItem = {};
  if (row.name !== item.name) update.name = row.name;
  if ((row.category ?? null) !== item.category) update.category = row.category ?? null;
  const threshold = row.lowStockThreshold ?? null;
  if (threshold === null ? item.lowStockThreshold !== null : item.lowStockThreshold === null || !new Decimal(threshold).eq(item.lowStockThreshold)) update.lowStockThreshold = threshold;
  if (row.primaryAttribute !== undefined && !same(row.primaryAttribute, item.primaryAttribute)) update.primaryAttribute = row.primaryAttribute;
  if (addValues.length) update.addValues = addValues;
  return { update: Object.keys(update).length ? update : null, problems };
}
