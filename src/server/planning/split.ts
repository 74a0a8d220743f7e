import Decimal from '../../contracts/exact-decimal';
import { addDays, isWorkingDay, type Day, type WorkingCalendar } from './days';

/** How far ahead an auto-split may reach before it gives up. */
export const SPLIT_REACH_DAYS = 120;

export interface SplitPart {
  day: Day;
  qty: Decimal;
}

/**
 * Spreads `qty` over consecutive working days from `start`, giving each day what it still has
 * free (its cap minus what is already booked there); days that are full are skipped. So 30,000
 * at 12,000 a day on an empty calendar is 12,000, 12,000 and 6,000, and capacity other runs have
 * already booked is never overbooked by a split. Returns null when `reach` days are not enough.
 */
export function splitAcrossDays(qty: Decimal, start: Day, cal: WorkingCalendar, cap: Decimal, booked: (day: Day) => Decimal, reach = SPLIT_REACH_DAYS): SplitPart[] | null {
  const parts: SplitPart[] = [];
  let left = qty;
  for (let i = 0, day = start; i < reach && left.gt(0); i++, day = addDays(day, 1)) {
    if (!isWorkingDay(cal, day)) continue;
    const free = cap.minus(booked(day));
    if (free.lte(0)) continue;
    const take = Decimal.min(free, left);
    parts.push({ day, qty: take });
    left = left.minus(take);
  }
  return left.gt(0) ? null : parts;
}

/**
 * Cuts ordered lines into consecutive parts of the given sizes, line by line, so each part keeps
 * whole runs of one product and region together as far as the sizes allow.
 */
export function cutLines<L extends { qty: Decimal }>(lines: L[], sizes: Decimal[]): Array<Array<L & { part: Decimal }>> {
  const out: Array<Array<L & { part: Decimal }>> = sizes.map(() => []);
  let li = 0;
  let lineLeft = lines[0]?.qty ?? new Decimal(0);
  for (const [pi, size] of sizes.entries()) {
    let need = size;
    while (need.gt(0) && li < lines.length) {
      const take = Decimal.min(need, lineLeft);
      out[pi]!.push({ ...lines[li]!, part: take });
      need = need.minus(take);
      lineLeft = lineLeft.minus(take);
      if (lineLeft.isZero()) lineLeft = lines[++li]?.qty ?? new Decimal(0);
    }
  }
  return out;
}
