import { CreateItem, type ItemDto, type UpdateItem } from '../../../contracts/catalog';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { csvRecords } from '../../kernel/csv';
import { newId } from '../../kernel/ids';
import { insertItem } from './create-item';
import { getOrCreateVariant } from './get-or-create-variant';
import { getItemRow, itemShape, ITEM_SELECT, toItemDto, type ItemRow } from '../queries/get-item';
import { updateItemInTx } from './update-item';
import { itemRowUpdate } from './item-row-update';
import { canonicalVariant, type ItemShape } from '../variant-key';
import { itemInputProblems } from '../item-rules';

export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** `size=S|M|L; colour=Blue|Red` → [{attribute, values}] */
export function parseAttributeList(text: string): Array<{ attribute: string; values: string[] }> {
  if (!text.trim()) return [];
  return text.split(';').map((part) => {
    const [attribute = '', values = ''] = part.split('=');
    return { attribute: attribute.trim(), values: values.split('|').map((v) => v.trim()).filter(Boolean) };
  });
}

/** `size=M; colour=Blue` → {size: 'M', colour: 'Blue'}, or why it is not one combination. */
function parseCombination(text: string): { attributes: Record<string, string>; problem?: string } {
  const attributes: Record<string, string> = {};
  for (const a of parseAttributeList(text)) {
    const code = a.attribute.toLowerCase();
    if (a.values.length > 1) return { attributes, problem: `${a.attribute}: one value, not ${a.values.join('|')}` };
    if (Object.keys(attributes).some((k) => k.toLowerCase() === code)) return { attributes, problem: `${a.attribute}: given twice` };
    attributes[a.attribute] = a.values[0] ?? '';
  }
  return { attributes };
}

/** Rows with fields past the header's columns: those fields would be dropped unseen. */
const overlongRows = (overlong: number[], columns: number): RowError[] =>
  overlong.map((i) => ({ row: i + 2, field: '(row)', message: `more fields than the ${columns} columns the header names` }));

/** The file's columns: one it does not know is refused (a misspelt column would be dropped unseen). */
function unknownColumns(header: string[], known: readonly string[]): RowError[] {
  return header.filter((h) => h && !known.includes(h)).map((h) => ({
    row: 1, field: h, message: h.includes(';') || h.includes('\t') ? 'not a column: separate the columns with commas' : `not a column (the columns are ${known.join(', ')})`,
  }));
}

const ITEM_COLUMNS = ['code', 'name', 'kind', 'uom', 'category', 'low_stock_threshold', 'attributes', 'primary_attribute', 'stage_attribute', 'stage_attributes'] as const;

/** The file's column behind a field of an item (`lowStockThreshold` → `low_stock_threshold`, `attributes.0.values` → `attributes`). */
function itemColumn(field: string): string {
  const head = field.split('.')[0] ?? '';
  const column = head.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return (ITEM_COLUMNS as readonly string[]).includes(column) ? column : field || '(row)';
}
const VARIANT_COLUMNS = ['item_code', 'variant_code', 'name', 'attributes'] as const;

function fail(errors: RowError[]): never {
  throw new DomainError('catalog.import_invalid', `${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors.slice(0, 5).map((e) => `row ${e.row} ${e.field}: ${e.message}`).join('; ')}`, {
    errors: errors.map((e) => ({ field: `rows.${e.row}.${e.field}`, message: e.message })),
    rows: errors,
  });
}

/**
 * Imports items from CSV (code, name, kind, uom, category, low_stock_threshold, attributes,
 * primary_attribute, stage_attribute, stage_attributes): a new code creates the item, a known one
 * edits it (name, category, low-stock level, primary attribute, values added: `itemRowUpdate`). Every row is checked first; any bad
 * row refuses the whole file with each row's problems. Otherwise everything is written in one
 * transaction: never half an import.
 */
export async function importItems(ctx: Ctx, csv: string) {
  const { header, records, overlong } = csvRecords(csv);
  const errors: RowError[] = [...unknownColumns(header, ITEM_COLUMNS), ...overlongRows(overlong, header.length)];
  const units = new Set((await ctx.db.query<{ code: string }>('select code from uom')).map((u) => u.code));
  const inputs: CreateItem[] = [];
  const inputRows: number[] = [];
  const seen = new Map<string, number>();
  for (const [i, r] of records.entries()) {
    const row = i + 2; // the header is row 1
    const parsed = CreateItem.safeParse({
      code: r.code, name: r.name, kind: r.kind, uom: r.uom || 'ea', category: r.category || null,
      lowStockThreshold: r.low_stock_threshold || null, attributes: parseAttributeList(r.attributes ?? ''),
      stageAttribute: r.stage_attribute || null,
      // a file without the column leaves an existing item's primary attribute as it is
      ...(r.primary_attribute !== undefined ? { primaryAttribute: r.primary_attribute || null } : {}),
      ...(r.stage_attributes?.trim() ? { stageAttributes: Object.fromEntries(parseAttributeList(r.stage_attributes).map((s) => [s.attribute, s.values])) } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, field: itemColumn(issue.path.join('.')), message: issue.message });
      continue;
    }
    if (!units.has(parsed.data.uom)) errors.push({ row, field: 'uom', message: 'unknown unit' });
    for (const p of itemInputProblems(parsed.data)) errors.push({ row, field: itemColumn(p.field), message: p.message });
    const key = parsed.data.code.toLowerCase();
    if (seen.has(key)) errors.push({ row, field: 'code', message: `same code as row ${seen.get(key)}` });
    seen.set(key, row);
    inputs.push(parsed.data);
    inputRows.push(row);
  }
  if (!records.length) errors.push({ row: 1, field: '(file)', message: 'no rows under the header' });
  // a row naming an item that exists edits it (a re-imported export changes only what was edited)
  const existing = await existingItems(ctx.db, [...seen.keys()]);
  const updates = new Map<number, { id: string; update: UpdateItem | null }>();
  for (const [i, input] of inputs.entries()) {
    const item = existing.get(input.code.toLowerCase());
    if (!item) continue;
    const plan = itemRowUpdate(item, input);
    for (const p of plan.problems) errors.push({ row: inputRows[i]!, field: itemColumn(p.field), message: p.message });
    updates.set(i, { id: item.id, update: plan.update });
  }
  if (errors.length) fail(errors.sort((a, b) => a.row - b.row));
  return runCommand(ctx, { name: 'catalog.import-items', input: { rows: inputs.length } }, async (cmd) => {
    let created = 0;
    let updated = 0;
    for (const [i, input] of inputs.entries()) {
      try {
        const edit = updates.get(i);
        if (!edit) {
          await insertItem(cmd, input);
          created++;
        } else if (edit.update) {
          await updateItemInTx(cmd, edit.id, edit.update);
          updated++;
        }
      } catch (err) {
        // what only the database can tell (an unknown unit, a stage attribute not on the row) still names its row
        if (!(err instanceof DomainError)) throw err;
        const field = itemColumn(err.extra.errors?.[0]?.field ?? '');
        fail([{ row: inputRows[i]!, field, message: err.extra.errors?.[0]?.message ?? err.message }]);
      }
    }
    // the import itself is recorded, also when every row matched the catalog already
    cmd.audit({ entityType: 'item_import', entityId: newId(), after: { rows: inputs.length, created, updated } });
    if (created) cmd.emit({ topic: 'item.created', summary: `${cmd.actor.label} imported ${created} items`, payload: { count: created }, permission: 'inventory.read' });
    return { imported: inputs.length, created, updated };
  });
}

async function existingItems(db: Queryable, codes: string[]): Promise<Map<string, ItemDto>> {
  const rows = await db.query<ItemRow>(`${ITEM_SELECT} where lower(i.code) = any ($1)`, [codes]);
  return new Map(rows.map((r) => [r.code.toLowerCase(), toItemDto(r)]));
}

/** Imports variants from CSV (item_code, attributes): get-or-create each combination, all or nothing. */
export async function importVariants(ctx: Ctx, csv: string) {
  const { header, records, overlong } = csvRecords(csv);
  const items = new Map((await ctx.db.query<{ code: string; id: string }>('select lower(code) as code, id from item')).map((r) => [r.code, r.id]));
  const errors: RowError[] = [...unknownColumns(header, VARIANT_COLUMNS), ...overlongRows(overlong, header.length)];
  const wanted = records.map((r, i) => ({ row: i + 2, itemId: items.get((r.item_code ?? '').toLowerCase()), ...parseCombination(r.attributes ?? '') }));
  const shapes = new Map<string, ItemShape>();
  for (const w of wanted) {
    if (!w.itemId) errors.push({ row: w.row, field: 'item_code', message: 'no such item' });
    if (w.problem) errors.push({ row: w.row, field: 'attributes', message: w.problem });
    if (!w.itemId || w.problem) continue;
    // every row's combination is checked against its item before anything is written
    if (!shapes.has(w.itemId)) shapes.set(w.itemId, itemShape(await getItemRow(ctx.db, w.itemId)));
    try {
      canonicalVariant(shapes.get(w.itemId)!, w.attributes);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      errors.push({ row: w.row, field: 'attributes', message: err.message });
    }
  }
  if (!records.length) errors.push({ row: 1, field: '(file)', message: 'no rows under the header' });
  if (errors.length) fail(errors.sort((a, b) => a.row - b.row));
  return runCommand(ctx, { name: 'catalog.import-variants', input: { rows: wanted.length } }, async (cmd) => {
    let created = 0;
    const rowErrors: RowError[] = [];
    for (const w of wanted) {
      try {
        if ((await getOrCreateVariant(cmd, w.itemId!, w.attributes)).created) created++;
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        rowErrors.push({ row: w.row, field: 'attributes', message: err.message });
      }
    }
    if (rowErrors.length) fail(rowErrors); // rolls the whole import back
    cmd.audit({ entityType: 'variant_import', entityId: String(wanted.length), after: { rows: wanted.length, created } });
    if (created) cmd.emit({ topic: 'variant.created', summary: `${cmd.actor.label} imported ${created} variants`, payload: { count: created }, permission: 'inventory.read' });
    return { rows: wanted.length, created };
  });
}
