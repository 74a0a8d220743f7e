import { DomainError } from '../kernel/errors';

export interface ItemShape {
  code: string;
  name: string;
  /** attribute code (lower case) → allowed values */
  attributes: Map<string, string[]>;
  stageAttribute: string | null;
  /** stage value → attribute codes that apply at that stage */
  stageAttributes: Map<string, string[]>;
}

export interface CanonicalVariant {
  key: string;
  attributes: Record<string, string>;
  stage: string | null;
  code: string;
  name: string;
}

const bad = (field: string, message: string) =>
  new DomainError('catalog.invalid_attributes', `${field}: ${message}`, { errors: [{ field: `attributes.${field}`, message }] });

/**
 * Checks a requested attribute combination against the item's own mapping (and, for staged
 * items, the attributes that apply at the stage) and returns its canonical form: attribute codes
 * lower-cased and sorted, values in the item's spelling. Equal combinations give equal keys.
 */
export function canonicalVariant(item: ItemShape, requested: Record<string, string>): CanonicalVariant {
  const given = new Map<string, string>();
  for (const [k, v] of Object.entries(requested)) {
    // `size` and `SIZE` name one attribute: two values for it is a contradiction, not a choice
    if (given.has(k.toLowerCase())) throw bad(k.toLowerCase(), 'given twice');
    given.set(k.toLowerCase(), v.trim());
  }
  let applicable = [...item.attributes.keys()];
  let stage: string | null = null;
  if (item.stageAttribute) {
    const raw = given.get(item.stageAttribute);
    if (!raw) throw bad(item.stageAttribute, 'the stage is required');
    stage = spell(item, item.stageAttribute, raw);
    const atStage = item.stageAttributes.get(stage);
    applicable = [item.stageAttribute, ...(atStage ?? applicable.filter((a) => a !== item.stageAttribute))];
  }
  for (const attr of given.keys()) {
    if (!item.attributes.has(attr)) throw bad(attr, `the item ${item.code} has no such attribute`);
    if (!applicable.includes(attr)) throw bad(attr, `does not apply at stage ${stage}`);
  }
  const attributes: Record<string, string> = {};
  for (const attr of [...applicable].sort()) {
    const raw = given.get(attr);
    if (!raw) throw bad(attr, 'a value is required');
    attributes[attr] = spell(item, attr, raw);
  }
  const parts = Object.entries(attributes);
  const values = parts.map(([, v]) => v);
  return {
    key: parts.map(([k, v]) => `${k}=${v.toLowerCase()}`).join(';'),
    attributes,
    stage,
    code: [item.code, ...values].join('-').replace(/\s+/g, ''),
    name: variantName(item.name, attributes),
  };
}

/** A variant's name: the item's, then its values in attribute-code order (`Shirt — Blue · M`). */
export function variantName(itemName: string, attributes: Record<string, string>): string {
  const values = Object.keys(attributes).sort().map((k) => attributes[k]!);
  return values.length ? `${itemName} — ${values.join(' · ')}` : itemName;
}

function spell(item: ItemShape, attr: string, raw: string): string {
  const allowed = item.attributes.get(attr)!;
  const found = allowed.find((v) => v.toLowerCase() === raw.toLowerCase());
  if (!found) throw bad(attr, `${raw} is not one of ${allowed.join(', ')}`);
  return found;
}
