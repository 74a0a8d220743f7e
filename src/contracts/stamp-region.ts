import Decimal from './exact-decimal';

/** A PO line a box line can be stamped for, as far as the region choice cares. */
export interface RegionLine {
  regionCode: string;
  qty: string;
  stampedQty: string;
}

/**
 * The region pre-selected for a box line among the PO lines it can be stamped for. Lines run one
 * region at a time, so the sticky region (the last used on the PO) comes first while its line has
 * room; once that line is full the next line with room saves the operator a wrong stamp; only when
 * every line is full does the sticky region stay (the box then goes past an estimate either way).
 * The operator still overrides per box. The scan's stamp counts and the workstation share it.
 */
export function suggestedRegion(lines: readonly RegionLine[], sticky: string | null): string | null {
  const hasRoom = (l: RegionLine) => new Decimal(l.stampedQty).lt(l.qty);
  const stuck = lines.find((l) => l.regionCode === sticky);
  const pick = stuck && hasRoom(stuck) ? stuck : lines.find(hasRoom) ?? stuck ?? lines[0];
  return pick?.regionCode ?? null;
}
