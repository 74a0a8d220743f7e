import type { CreateItem } from '../../contracts/catalog';

export interface ItemProblem {
  field: string;
  message: string;
}

/** A service is bought or sold, never held: it has no stock, so no low-stock level either. */
export const SERVICE_NOT_STOCKED = 'a service is not stocked: it has no low-stock level';

/** Why `code` cannot be the primary attribute of an item with these attributes and stage attribute, or null. */
export function primaryProblem(code: string, attributes: string[], stageAttribute: string | null): string | null {
  const c = code.toLowerCase();
  if (!attributes.some((a) => a.toLowerCase() === c)) return 'must be one of the item’s attributes';
  if (c === stageAttribute?.toLowerCase()) return 'the stage attribute changes as goods move: it cannot be the main axis';
  return null;
}

/**
 * Every problem with a new item at once, with fields named as the API names them: a service given
 * a low-stock level, an attribute listed twice, a primary attribute the item lacks or that is its
 * stage attribute, a stage attribute the item lacks, stage rules
 * without a stage attribute, a rule for a stage that is not a value, twice, or naming an attribute
 * the item lacks. The import checks every row with it before writing anything.
 */

export function itemInputProblems(input: CreateItem): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (input.kind === 'service' && input.lowStockThreshold != null) problems.push({ field: 'lowStockThreshold', message: SERVICE_NOT_STOCKED });
  const codes = input.attributes.map((a) => a.attribute.toLowerCase());
  codes.forEach((c, i) => {
    if (codes.indexOf(c) !== i) problems.push({ field: `attributes.${i}.attribute`, message: `${c} is listed twice` });
  });
  const stageCode = input.stageAttribute?.toLowerCase() ?? null;
  const primary = input.primaryAttribute ? primaryProblem(input.primaryAttribute, codes, stageCode) : null;
  if (primary) problems.push({ field: 'primaryAttribute', message: primary });
  const rules = Object.entries(input.stageAttributes ?? {});
  if (!stageCode) {
    if (rules.length) problems.push({ field: 'stageAttributes', message: 'stage rules need a stage attribute' });
    return problems;
  }
  const stages = input.attributes.find((a) => a.attribute.toLowerCase() === stageCode)?.values;
  if (!stages) return [...problems, { field: 'stageAttribute', message: 'must be one of the item’s attributes' }];
  const ruled = new Set<string>();
  for (const [stage, attrs] of rules) {
    const field = `stageAttributes.${stage}`;
    const spelled = stages.find((s) => s.toLowerCase() === stage.toLowerCase());
    if (!spelled) {
      problems.push({ field, message: `not a value of ${stageCode}` });
      continue;
    }
    if (ruled.has(spelled)) problems.push({ field, message: `${spelled} has a rule already` });
    ruled.add(spelled);
    for (const code of attrs) {
      if (!codes.includes(code.toLowerCase()) || code.toLowerCase() === stageCode) problems.push({ field, message: `${code} is not another attribute of the item` });
    }
  }
  return problems;
}
