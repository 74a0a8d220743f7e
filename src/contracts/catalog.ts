import { z } from 'zod';
import { Code, Name, OptionalText } from './common';

/** An exact decimal as a string: quantities and money never travel as JSON numbers. */
export const DecimalString = z
  .string()
  .trim()
  .regex(/^-?\d{1,14}(\.\d{1,6})?$/, 'a decimal number with at most 6 decimals, as a string');
export const PositiveDecimal = DecimalString.refine((v) => !v.startsWith('-') && /[1-9]/.test(v), 'must be greater than zero');
export const NonNegativeDecimal = DecimalString.refine((v) => !v.startsWith('-'), 'must not be negative');

export const ITEM_KINDS = ['material', 'product', 'consumable', 'service'] as const;
export const ItemKind = z.enum(ITEM_KINDS);

/** `|`, `;` and `=` separate values and attributes in the CSV formats: a value cannot hold them. */
const AttributeValue = z.string().trim().min(1).max(60).regex(/^[^|;=]*$/, 'must not contain | ; or =');

// values are matched without regard to case: two spellings of one value could never both be chosen
const distinctValues = (vs: string[]) => new Set(vs.map((v) => v.toLowerCase())).size === vs.length;
const TWICE = 'a value is listed twice (letter case aside)';

export const ItemAttributeInput = z.strictObject({
  attribute: Code,
  values: z.array(AttributeValue).min(1).max(500).refine(distinctValues, TWICE),
});

export const CreateItem = z.strictObject({
  code: Code,
  name: Name,
  kind: ItemKind,
  uom: z.string().max(10).default('ea'),
  category: OptionalText(80),
  lowStockThreshold: NonNegativeDecimal.nullable().optional(),
  attributes: z.array(ItemAttributeInput).max(20).default([]),
  /** Code of one of `attributes` whose values are production stages. */
  stageAttribute: Code.nullable().optional(),
  /** Code of one of `attributes` (not the stage one): the main axis of variation, typically size. */
  primaryAttribute: Code.nullable().optional(),
  /** Per stage value: which attribute codes apply at that stage. */
  stageAttributes: z.record(z.string(), z.array(Code)).optional(),
});
export type CreateItem = z.infer<typeof CreateItem>;

/**
 * What may change on an item. Its code, kind and unit stay: variant codes spell the code, and
 * every quantity already posted is in the unit. Attribute values are only ever added, since
 * variants in stock may carry any of the existing ones.
 */
export const UpdateItem = z
  .strictObject({
    name: Name.optional(),
    category: OptionalText(80),
    lowStockThreshold: NonNegativeDecimal.nullable().optional(),
    /** The main axis of variation (null: none); variants are unchanged by it. */
    primaryAttribute: Code.nullable().optional(),
    addValues: z.array(ItemAttributeInput).max(20).optional(),
    /**
     * Per stage value: the attribute codes that apply there from now on (none: every attribute).
     * Only for stages no variant is at yet; a staged item's other stages keep their rules.
     */
    stageRules: z.record(z.string(), z.array(Code)).optional(),
    /** false archives the item: no longer offered for new stock, its stock still moves and counts. */
    active: z.boolean().optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'nothing to change');
export type UpdateItem = z.infer<typeof UpdateItem>;

export const VariantRequest = z.strictObject({
  itemId: z.uuid(),
  /** attribute code → value */
  attributes: z.record(z.string(), z.string().trim().min(1).max(60)).default({}),
});
export type VariantRequest = z.infer<typeof VariantRequest>;

export const ItemDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: ItemKind,
  uom: z.string(),
  category: z.string().nullable(),
  lowStockThreshold: z.string().nullable(),
  stageAttribute: z.string().nullable(),
  primaryAttribute: z.string().nullable(),
  /** Per stage value: the attribute codes that apply at that stage. */
  stageAttributes: z.record(z.string(), z.array(z.string())),
  attributes: z.array(z.object({ attribute: z.string(), values: z.array(z.string()) })),
  active: z.boolean(),
});
export type ItemDto = z.infer<typeof ItemDto>;

export const VariantDto = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  key: z.string(),
  attributes: z.record(z.string(), z.string()),
  stage: z.string().nullable(),
});
export type VariantDto = z.infer<typeof VariantDto>;

/**
 * A unit of measure. `decimals` 0 counts it whole (the ledger refuses 2.5 `ea`); more is how finely
 * screens show it. Neither changes once made: stock is posted in it.
 */
export const UnitDto = z.object({ code: z.string(), name: z.string(), decimals: z.number().int() });
export type UnitDto = z.infer<typeof UnitDto>;

export const CreateUnit = z.strictObject({
  code: z.string().trim().min(1).max(10).regex(/^[a-z][a-z0-9]*$/, 'lowercase letters and digits, such as pcs or m2'),
  name: z.string().trim().min(1).max(40),
  decimals: z.number().int().min(0).max(6),
});
export type CreateUnit = z.infer<typeof CreateUnit>;

/**
 * An attribute of the plant's library (the global mapping): its values, in order, are what a new
 * item starts from; each item then keeps its own copy. `items` counts the items using it.
 */
export const AttributeDto = z.object({ code: z.string(), name: z.string(), values: z.array(z.string()), items: z.number().int() });
export type AttributeDto = z.infer<typeof AttributeDto>;

export const CreateAttribute = z.strictObject({
  code: Code,
  name: Name.optional(),
  values: z.array(AttributeValue).min(1).max(500).refine(distinctValues, TWICE),
});
export type CreateAttribute = z.infer<typeof CreateAttribute>;

/** Values are only added to the library, as to an item: items and variants may carry any of them. */
export const UpdateAttribute = z
  .strictObject({ name: Name.optional(), addValues: z.array(AttributeValue).min(1).max(500).refine(distinctValues, TWICE).optional() })
  .refine((u) => u.name !== undefined || u.addValues !== undefined, 'nothing to change');
export type UpdateAttribute = z.infer<typeof UpdateAttribute>;
