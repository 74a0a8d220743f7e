import type { StockDocumentInput } from '../../../contracts/inventory';
import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';

interface Unit {
  uom: string;
  decimals: number;
  /** a service's variant: never stocked */
  service: boolean;
}

// variant → its item's unit and whether it is a service. An item's unit and kind never change, nor
// a unit's precision, so what was read once holds for the life of the process (bounded, in case of
// a very large catalog)
const units = new Map<string, Unit>();
const MAX_CACHED = 50_000;

/** The quantities a document names, each with its field and variant. */
function quantities(input: StockDocumentInput): Array<{ field: string; variantId: string; qty: string }> {
  if (input.type === 'production') {
    return [
      ...input.consume.map((l, i) => ({ field: `consume.${i}.qty`, variantId: l.variantId, qty: l.qty })),
      ...input.output.map((l, i) => ({ field: `output.${i}.qty`, variantId: l.variantId, qty: l.qty })),
    ];
  }
  if (input.type === 'count') return input.lines.map((l, i) => ({ field: `lines.${i}.countedQty`, variantId: l.variantId, qty: l.countedQty }));
  return (input.lines as Array<{ variantId: string; qty: string }>).map((l, i) => ({ field: `lines.${i}.qty`, variantId: l.variantId, qty: l.qty }));
}

/** Decimal places a quantity uses (`2.500` uses 1). */
export function decimalsUsed(qty: string): number {
  const fraction = qty.split('.')[1]?.replace(/0+$/, '') ?? '';
  return fraction.length;
}

/**
 * Refuses stock of a service (it is never held), and a fraction of a unit counted whole (2.5 `ea`
 * or `box`: a unit of 0 decimals), every line's problem at once, by field. Units with decimals (kg, l) take what the ledger holds, six
 * decimals: their `decimals` is how finely screens show them, and a scale may weigh finer.
 * One query for variants not yet seen.
 */
export function requireUnitPrecision(q: Queryable, input: StockDocumentInput): Promise<void> {
  return requireWholeUnits(q, quantities(input));
}

/** The same rule for any quantities, each named by its field (a reservation's `qty`). */
export async function requireWholeUnits(q: Queryable, named: Array<{ field: string; variantId: string; qty: string }>): Promise<void> {
  const unseen = [...new Set(named.map((n) => n.variantId))].filter((v) => !units.has(v));
  if (unseen.length) {
    const rows = await q.query<{ id: string; uom: string; decimals: number; service: boolean }>(
      `select v.id, u.code as uom, u.decimals::int as decimals, i.kind = 'service' as service
       from variant v join item i on i.id = v.item_id join uom u on u.code = i.uom where v.id = any($1::uuid[])`,
      [unseen],
    );
    if (units.size + rows.length > MAX_CACHED) units.clear();
    for (const r of rows) units.set(r.id, { uom: r.uom, decimals: r.decimals, service: r.service });
  }
  const errors = named.flatMap((n) => {
    const unit = units.get(n.variantId);
    // an unknown variant is refused where it is resolved
    if (!unit) return [];
    if (unit.service) return [{ field: n.field.replace(/\.[A-Za-z]+$/, '.variantId').replace(/^qty$/, 'variantId'), message: 'a service is not stocked' }];
    if (unit.decimals > 0 || decimalsUsed(n.qty) === 0) return [];
    return [{ field: n.field, message: `whole ${unit.uom} only` }];
  });
  if (errors.length) throw new DomainError('request.invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}
