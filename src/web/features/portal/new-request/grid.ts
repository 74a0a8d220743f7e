import Decimal from '../../../../contracts/exact-decimal';
import { isZero } from '../../inventory/decimal';
import { WHOLE_INPUT } from '../../stamping/units';

/** One typed cell of the request grid, by variant (row) and region (column). */
export const cellKey = (variantId: string, regionCode: string): string => `${variantId}|${regionCode}`;
export type Cells = Record<string, string>;

/** A typed quantity as an exact decimal: blank is nothing; null while it is not a valid quantity. */
export function cellQty(s: string | undefined): Decimal | null {
  const t = (s ?? '').trim();
  if (t === '') return new Decimal(0);
  return WHOLE_INPUT.test(t) ? new Decimal(t) : null;
}

/** What a variant's row still leaves of its availability: it shrinks as the row fills; negative means over. */
export function remaining(available: string, variantId: string, regionCodes: string[], cells: Cells): Decimal {
  return regionCodes.reduce((left, r) => left.minus(cellQty(cells[cellKey(variantId, r)]) ?? 0), new Decimal(available));
}

/**
 * The request's lines in grid order (variant rows, region columns), positive cells only: zero and
 * blank cells are not sent. `cells[i]` is the grid cell of `lines[i]`, to put the server's
 * `lines.i.qty` next to the right input.
 */
export function toRequestLines(variantIds: string[], regionCodes: string[], cells: Cells) {
  const lines: Array<{ variantId: string; regionCode: string; qty: string }> = [];
  const keys: string[] = [];
  for (const variantId of variantIds) {
    for (const regionCode of regionCodes) {
      const typed = (cells[cellKey(variantId, regionCode)] ?? '').trim();
      if (typed === '' || isZero(typed) || !WHOLE_INPUT.test(typed)) continue;
      lines.push({ variantId, regionCode, qty: typed });
      keys.push(cellKey(variantId, regionCode));
    }
  }
  return { lines, cells: keys };
}

/** Cells the server cannot take as typed (not a quantity), by key. */
export const badCells = (cells: Cells): string[] => Object.entries(cells).filter(([, v]) => cellQty(v) === null).map(([k]) => k);

/** Units the request asks for in all: what the chosen production day must make room for. */
export const requestTotal = (cells: Cells): Decimal =>
  Object.values(cells).reduce((sum, v) => sum.plus(cellQty(v) ?? 0), new Decimal(0));
