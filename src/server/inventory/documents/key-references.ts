import type { ErrorCode, FieldError } from '../../../contracts/errors';
import { DomainError } from '../../kernel/errors';
import { violatedConstraint } from '../../kernel/pg-errors';

/** The stock key's references, and the input fields that can carry each. */
const REFERENCES: Record<string, { code: ErrorCode; what: string; fields: string[] }> = {
  stock_key_variant_id_fkey: { code: 'catalog.variant_not_found', what: 'variant', fields: ['variantId'] },
  stock_key_location_id_fkey: { code: 'inventory.location_not_found', what: 'location', fields: ['locationId', 'fromLocationId', 'toLocationId'] },
  stock_key_lot_id_fkey: { code: 'inventory.lot_not_found', what: 'lot', fields: ['lotId'] },
  stock_key_grade_fkey: { code: 'inventory.grade_unknown', what: 'grade', fields: ['grade', 'toGrade'] },
};

/**
 * Runs a posting, turning an unknown variant, location, lot or grade — which surfaces when its
 * stock key is first created — into a 4xx naming the input fields holding the value. Costs
 * nothing on the way through: no lookup before posting.
 */
export async function withKeyReferences<T>(input: unknown, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const ref = REFERENCES[violatedConstraint(err) ?? ''];
    if (!ref) throw err;
    // both drivers pass PostgreSQL's detail: Key (grade)=(shiny) is not present in table "grade".
    const value = /\)=\((.*)\) is not present/.exec((err as { detail?: string }).detail ?? '')?.[1];
    const paths = value ? pathsHolding(input, ref.fields, value) : [];
    const errors: FieldError[] = (paths.length ? paths : [ref.fields[0]!]).map((field) => ({ field, message: `no such ${ref.what}` }));
    throw new DomainError(ref.code, `Unknown ${ref.what}${value ? ` ${value}` : ''}.`, { errors });
  }
}

/** Dotted paths (`lines.2.grade`) of the named fields whose value is `value`. */
function pathsHolding(input: unknown, names: string[], value: string, path = ''): string[] {
  if (Array.isArray(input)) return input.flatMap((x, i) => pathsHolding(x, names, value, `${path}${i}.`));
  if (input === null || typeof input !== 'object') return [];
  return Object.entries(input).flatMap(([k, v]) =>
    names.includes(k) && v === value ? [`${path}${k}`] : typeof v === 'object' ? pathsHolding(v, names, value, `${path}${k}.`) : [],
  );
}
