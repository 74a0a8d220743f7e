import type { CreateItem, ItemDto } from '../../../contracts/catalog';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { DomainError, invalid } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';
import { getItem } from '../queries/get-item';
import { itemInputProblems } from '../item-rules';

/** The global attribute of that code, created on first use, with the values added to its list. */
export async function ensureAttribute(tx: Queryable, code: string, values: string[]): Promise<string> {
  await tx.query(`insert into attribute (id, code, name) values ($1, $2, $2) on conflict do nothing`, [newId(), code]);
  const [a] = await tx.query<{ id: string }>('select id from attribute where lower(code) = lower($1)', [code]);
  await addLibraryValues(tx, a!.id, values);
  return a!.id;
}

/** Values the library's attribute lacks (letter case aside), after the ones it has. */
export async function addLibraryValues(tx: Queryable, attributeId: string, values: string[]): Promise<void> {
  await tx.query(
    `insert into attribute_value (attribute_id, value, position)
     select $1, v, (select coalesce(max(position), 0) from attribute_value where attribute_id = $1) + o::int
     from unnest($2::text[]) with ordinality as t(v, o)
     where not exists (select 1 from attribute_value x where x.attribute_id = $1 and lower(x.value) = lower(t.v))
     on conflict do nothing`,
    [attributeId, values],
  );
}

/**
 * Creates an item (a template) with its own copy of its attributes and allowed values, and for a
 * staged item the attributes that apply at each stage.
 */
export function createItem(ctx: Ctx, input: CreateItem, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'catalog.create-item', input, idempotencyKey, status: 201 }, async (cmd) => {
    const after = await insertItem(cmd, input);
    cmd.emit({ topic: 'item.created', summary: `${cmd.actor.label} created item ${input.code}`, payload: { id: after.id }, permission: 'inventory.read' });
    return after;
  });
}

/** Inside a command: one item with its attribute copy and stage mapping, audited. */
export async function insertItem(cmd: CommandTx, input: CreateItem): Promise<ItemDto> {
  const uom = await cmd.query('select 1 from uom where code = $1', [input.uom]);
  if (!uom.length) throw new DomainError('catalog.uom_unknown', `No unit ${input.uom}.`, { errors: [{ field: 'uom', message: 'unknown unit' }] });
  const [problem] = itemInputProblems(input);
  if (problem) throw invalid(problem.field, problem.message);
  const stageCode = input.stageAttribute?.toLowerCase() ?? null;
  const id = newId();
  const attrIds = new Map<string, string>();
  for (const a of input.attributes) attrIds.set(a.attribute.toLowerCase(), await ensureAttribute(cmd, a.attribute, a.values));
  await mapConstraints(
    () =>
      cmd.query(
        `insert into item (id, code, name, kind, uom, category, low_stock_threshold, stage_attribute_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, input.code, input.name, input.kind, input.uom, input.category || null, input.lowStockThreshold ?? null, stageCode ? attrIds.get(stageCode) : null],
      ),
    { item_code: () => new DomainError('catalog.item_code_taken', `Item code ${input.code} is taken.`, { errors: [{ field: 'code', message: 'already taken' }] }) },
  );
  for (const [i, a] of input.attributes.entries()) {
    await cmd.query('insert into item_attribute (item_id, attribute_id, position, allowed_values) values ($1, $2, $3, $4)', [
      id, attrIds.get(a.attribute.toLowerCase()), i, [...new Set(a.values)],
    ]);
  }
  if (input.primaryAttribute) await cmd.query('update item set primary_attribute_id = $2 where id = $1', [id, attrIds.get(input.primaryAttribute.toLowerCase())]);
  if (stageCode) await insertStageMapping(cmd, id, input, stageCode, attrIds);
  const after = await getItem(cmd, id);
  cmd.audit({ entityType: 'item', entityId: id, after });
  return after;
}

/** The stage rules, already checked by `itemInputProblems`. */
async function insertStageMapping(tx: Queryable, itemId: string, input: CreateItem, stageCode: string, attrIds: Map<string, string>) {
  const stages = input.attributes.find((a) => a.attribute.toLowerCase() === stageCode)!.values;
  for (const [stage, attrs] of Object.entries(input.stageAttributes ?? {})) {
    const spelled = stages.find((s) => s.toLowerCase() === stage.toLowerCase())!;
    for (const code of attrs) {
      const attrId = attrIds.get(code.toLowerCase())!;
      await tx.query('insert into item_stage_attribute (item_id, stage, attribute_id) values ($1, $2, $3) on conflict do nothing', [itemId, spelled, attrId]);
    }
  }
}
