import Decimal from './exact-decimal';

/** A PO line a box line can be stamped for, as far as the region choice cares. */
export interface RegionLine {
  regionCode: string;
  qty: string;
  stampedQty: string;
}

/**
 * The region pre-selected for a box line of `units` among the PO lines it can be stamped for. A box
 * is stamped whole, and one taken past its line's estimate blocks verification until the line is
 * increased, so the choice is, in order: the sticky region (the last used on the PO: lines run one
 * region at a time) if its line takes the whole box; another line that takes it whole; the sticky
 * line if it has any room; the line with the most room; the sticky region (every line is full: the
 * box goes past an estimate either way). The operator still overrides per box. The scan's stamp
 * counts and the workstation share it.
 */
export function suggestedRegion(lines: readonly RegionLine[], sticky: string | null, units: string): string | null {
  const room = (l: RegionLine) => new Decimal(l.qty).minus(l.stampedQty);
  const takesWhole = (l: RegionLine) => room(l).gte(units) && room(l).gt(0);
  const stuck = lines.find((l) => l.regionCode === sticky);
  const roomiest = lines.filter((l) => room(l).gt(0)).sort((a, b) => room(b).comparedTo(room(a)))[0];
  const pick = (stuck && takesWhole(stuck) ? stuck : lines.find(takesWhole))
    ?? (stuck && room(stuck).gt(0) ? stuck : roomiest) ?? stuck ?? lines[0];
  return pick?.regionCode ?? null;
}
