import type { CreateItem } from '../../contracts/catalog';

export interface ItemProblem {
  field: string;
  message: string;
}

/** A service is bought or sold, never held: it has no stock, so no low-stock level either. */
export const SERVICE_NOT_STOCKED = 'a service is not stocked: it has no low-stock level';

/**
 * Every problem with a new item at once, with fields named as the API names them: a service given
 * a low-stock level, an attribute listed twice, a stage attribute the item lacks, stage rules
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
