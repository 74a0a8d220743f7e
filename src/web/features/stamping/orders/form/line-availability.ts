import Decimal from '../../../../../contracts/exact-decimal';
import { isWholePositive } from '../../units';

/** One row of a PO's lines as the form holds it. */
export interface LineRow {
  key: string;
  variantId: string | null;
  regionCode: string | null;
  qty: string;
}

export const newLineRow = (p: Partial<LineRow> = {}): LineRow => ({ key: crypto.randomUUID(), variantId: null, regionCode: null, qty: '', ...p });

/** A typed quantity as an exact decimal, or null while it is not a valid positive one. */
export const typedQty = (s: string): Decimal | null => (isWholePositive(s) ? new Decimal(s.trim()) : null);

/**
 * Quantities per product, summed exactly (what a PO being edited already holds). A line stamped
 * past its quantity holds what it stamped, as the server's availability counts it.
 */
export function sumByVariant(lines: Array<{ variantId: string; qty: string; stampedQty?: string }>): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const l of lines) out.set(l.variantId, (out.get(l.variantId) ?? new Decimal(0)).plus(Decimal.max(l.qty, l.stampedQty ?? 0)));
  return out;
}

/**
 * What a row may still take of its product: the shipment's available quantity, plus what the PO
 * being edited already holds of it (that counts as available to it), minus what the form's other
 * rows of the same product take. Null until the row has a product or the figures are known.
 */
export function rowAvailable(rows: LineRow[], index: number, available: ReadonlyMap<string, string>, held: ReadonlyMap<string, Decimal> = new Map()): Decimal | null {
  const row = rows[index];
  if (!row?.variantId || !available.has(row.variantId)) return null;
  let free = new Decimal(available.get(row.variantId)!).plus(held.get(row.variantId) ?? 0);
  for (const [j, other] of rows.entries()) {
    if (j === index || other.variantId !== row.variantId) continue;
    const q = typedQty(other.qty);
    if (q) free = free.minus(q);
  }
  return free;
}

/** Whether a row asks for more than it may take. */
export function rowExceeds(row: LineRow, free: Decimal | null): boolean {
  const q = typedQty(row.qty);
  return free !== null && q !== null && q.gt(free);
}

/** Rows with anything typed in; blank rows are dropped before sending, so errors line up by index. */
export const filledRows = (rows: LineRow[]): LineRow[] => rows.filter((r) => r.variantId || r.regionCode || r.qty.trim());

/** The form's own checks, keyed as the API keys them (`lines.0.qty`). */
export function lineErrors(rows: LineRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (rows.length === 0) errors.lines = 'Add at least one line';
  rows.forEach((r, i) => {
    if (!r.variantId) errors[`lines.${i}.variantId`] = 'Choose the product';
    if (!r.regionCode) errors[`lines.${i}.regionCode`] = 'Choose the region';
    if (!isWholePositive(r.qty)) errors[`lines.${i}.qty`] = 'A quantity greater than zero';
  });
  return errors;
}

export const toLines = (rows: LineRow[]) => rows.map((r) => ({ variantId: r.variantId!, regionCode: r.regionCode!, qty: r.qty.trim() }));
