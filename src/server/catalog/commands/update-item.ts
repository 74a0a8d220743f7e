import type { ItemDto, UpdateItem } from '../../../contracts/catalog';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { invalid } from '../../kernel/errors';
import { getItem } from '../queries/get-item';
import { ensureAttribute } from './create-item';
import { variantName } from '../variant-key';
import { primaryProblem, SERVICE_NOT_STOCKED } from '../item-rules';

/**
 * Renames an item, sets its category, low-stock threshold or primary attribute, adds values to its attributes, sets
 * the attributes at stages no variant is at yet, and archives or restores it. A new name is
 * carried into its variants' names, which spell it.
 */
export function updateItem(ctx: Ctx, id: string, input: UpdateItem) {
  return runCommand(ctx, { name: 'catalog.update-item', input: { id, ...input } }, (cmd) => updateItemInTx(cmd, id, input));
}

/** The edit inside a running command (a CSV import updates the items its rows name). */
export async function updateItemInTx(cmd: CommandTx, id: string, input: UpdateItem): Promise<ItemDto> {
  // locked before it is read: two edits adding values must see each other's
  await cmd.query('select 1 from item where id = $1 for update', [id]);
  const before = await getItem(cmd, id);
  if (before.kind === 'service' && input.lowStockThreshold != null) throw invalid('lowStockThreshold', SERVICE_NOT_STOCKED);
  const name = input.name ?? before.name;
  await cmd.query(`update item set name = $2, category = nullif($3, ''), low_stock_threshold = $4, active = $5 where id = $1`, [
    id, name,
    input.category !== undefined ? input.category : before.category,
    input.lowStockThreshold !== undefined ? input.lowStockThreshold : before.lowStockThreshold,
    input.active ?? before.active,
  ]);
  if (input.primaryAttribute !== undefined) await setPrimary(cmd, before, input.primaryAttribute);
  const known = new Map(before.attributes.map((a) => [a.attribute, new Set(a.values.map((v) => v.toLowerCase()))]));
  for (const [i, add] of (input.addValues ?? []).entries()) await addValues(cmd, before, known, i, add);
  for (const [stage, attrs] of Object.entries(input.stageRules ?? {})) await setStageRule(cmd, before, stage, attrs);
  if (name !== before.name) await renameVariants(cmd, id, name);
  const after = await getItem(cmd, id);
  cmd.audit({ entityType: 'item', entityId: id, before, after });
  cmd.emit({ topic: 'item.updated', summary: `${cmd.actor.label} updated item ${before.code}`, payload: { id }, permission: 'inventory.read' });
  return after;
}

/** Adds values to one attribute; `known` holds each attribute's values (lower case) so far, this request's included. */
async function addValues(tx: Queryable, item: ItemDto, known: Map<string, Set<string>>, i: number, add: { attribute: string; values: string[] }) {
  const code = add.attribute.toLowerCase();
  const values = known.get(code);
  if (!values) throw invalid(`addValues.${i}.attribute`, `${item.code} has no attribute ${add.attribute}`);
  const repeated = add.values.find((v) => values.has(v.toLowerCase()));
  if (repeated) throw invalid(`addValues.${i}.values`, `${repeated} is already a value of ${code}`);
  for (const v of add.values) values.add(v.toLowerCase());
  const attributeId = await ensureAttribute(tx, code, add.values);
  await tx.query('update item_attribute set allowed_values = allowed_values || $3::text[] where item_id = $1 and attribute_id = $2', [item.id, attributeId, add.values]);
}

/** The main axis of variation: one of the item's attributes other than its stage one, or none. */
async function setPrimary(tx: Queryable, item: ItemDto, code: string | null) {
  const problem = code && primaryProblem(code, item.attributes.map((a) => a.attribute), item.stageAttribute);
  if (problem) throw invalid('primaryAttribute', problem);
  await tx.query(
    `update item set primary_attribute_id = (select ia.attribute_id from item_attribute ia join attribute a on a.id = ia.attribute_id
       where ia.item_id = $1 and lower(a.code) = lower($2)) where id = $1`,
    [item.id, code],
  );
}

async function renameVariants(tx: Queryable, itemId: string, itemName: string) {
  const variants = await tx.query<{ id: string; attributes: Record<string, string> }>('select id, attributes from variant where item_id = $1', [itemId]);
  if (!variants.length) return;
  await tx.query('update variant v set name = n.name from unnest($1::uuid[], $2::text[]) as n(id, name) where v.id = n.id', [
    variants.map((v) => v.id),
    variants.map((v) => variantName(itemName, v.attributes)),
  ]);
}

/**
 * Sets which attributes apply at one stage (none: every attribute), after values were added the
 * item now takes. Refused once a variant is at that stage: its combination was made by the rule.
 */
async function setStageRule(tx: Queryable, item: ItemDto, stage: string, attrs: string[]) {
  const field = `stageRules.${stage}`;
  if (!item.stageAttribute) throw invalid(field, `${item.code} has no stage attribute`);
  const [row] = await tx.query<{ stages: string[]; attributes: Array<{ code: string; id: string }> }>(
    `select ia.allowed_values as stages,
       (select json_agg(json_build_object('code', lower(a2.code), 'id', a2.id)) from item_attribute ia2 join attribute a2 on a2.id = ia2.attribute_id where ia2.item_id = $1) as attributes
     from item_attribute ia join attribute a on a.id = ia.attribute_id where ia.item_id = $1 and lower(a.code) = $2`,
    [item.id, item.stageAttribute],
  );
  const spelled = row!.stages.find((s) => s.toLowerCase() === stage.toLowerCase());
  if (!spelled) throw invalid(field, `not a value of ${item.stageAttribute}`);
  const ids = attrs.map((code) => {
    const found = row!.attributes.find((a) => a.code === code.toLowerCase() && a.code !== item.stageAttribute);
    if (!found) throw invalid(field, `${code} is not another attribute of the item`);
    return found.id;
  });
  if ((await tx.query('select 1 from variant where item_id = $1 and lower(stage) = lower($2) limit 1', [item.id, spelled])).length) {
    throw invalid(field, `variants are at ${spelled} already: the attributes there stay as they are`);
  }
  await tx.query('delete from item_stage_attribute where item_id = $1 and stage = $2', [item.id, spelled]);
  await tx.query('insert into item_stage_attribute (item_id, stage, attribute_id) select $1, $2, unnest($3::uuid[]) on conflict do nothing', [item.id, spelled, ids]);
}
