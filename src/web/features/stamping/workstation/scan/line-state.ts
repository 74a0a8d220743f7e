import Decimal from '../../../../../contracts/exact-decimal';
import { suggestedRegion } from '../../../../../contracts/stamp-region';
import type { ScanBoxDto, ScanLine } from '../api';
import type { ConfirmInput } from '../mutations';
import { WHOLE_INPUT } from '../../units';
import { formatDecimal } from '../../../inventory/decimal';

/** What the operator chose for one line of the scanned box. */
export interface LineChoice {
  include: boolean;
  regionCode: string | null;
  damaged: string;
  missing: string;
}
export type Choices = Record<string, LineChoice>;

/** A quantity as typed: empty (zero) or a whole number of units within the API's limits. */
const qty = (s: string): Decimal | null => (s.trim() === '' ? new Decimal(0) : WHOLE_INPUT.test(s.trim()) ? new Decimal(s.trim()) : null);

/** A line can be stamped for this PO when it is not stamped yet and the PO has its variant. */
export const stampable = (l: ScanLine): boolean => !l.stamped && l.poLines.length > 0;

/** The sticky region while its PO line takes the box, else a line that does (`suggestedRegion`). */
export function defaultRegion(l: ScanLine, sticky: string | null): string | null {
  return suggestedRegion(l.poLines, sticky, l.goodQty);
}

export function initialChoices(box: ScanBoxDto, sticky: string | null): Choices {
  return Object.fromEntries(box.lines.map((l) => [l.boxLineId, { include: stampable(l), regionCode: defaultRegion(l, sticky), damaged: '', missing: '' }]));
}

/** Why a line's damaged / missing figures cannot be sent, or null. */
export function lineError(l: ScanLine, c: LineChoice): string | null {
  const damaged = qty(c.damaged);
  const missing = qty(c.missing);
  if (!damaged || !missing) return 'Damaged and missing are whole numbers of units.';
  if (damaged.plus(missing).gt(l.goodQty)) return `Damaged and missing exceed the ${l.goodQty} good units.`;
  return null;
}

const included = (box: ScanBoxDto, choices: Choices) => box.lines.filter((l) => stampable(l) && choices[l.boxLineId]?.include && choices[l.boxLineId]?.regionCode);

/** Units a line stamps with its choice: good − damaged − missing (the server's figure). */
const stampedUnits = (l: ScanLine, c: LineChoice) => Decimal.max(new Decimal(l.goodQty).minus(qty(c.damaged) ?? 0).minus(qty(c.missing) ?? 0), 0);

/** Stamps the box takes per region with the current choices (good − damaged − missing). */
export function stampsByRegion(box: ScanBoxDto, choices: Choices): Array<[region: string, stamps: string]> {
  const sums = new Map<string, Decimal>();
  for (const l of included(box, choices)) {
    const c = choices[l.boxLineId]!;
    sums.set(c.regionCode!, (sums.get(c.regionCode!) ?? new Decimal(0)).plus(stampedUnits(l, c)));
  }
  return [...sums].map(([r, d]) => [r, d.toString()]);
}

/** A PO line this box would take past its estimate: stamped after the box against ordered. */
export interface OverLine { poLineId: string; label: string; regionCode: string; after: string; qty: string }

/**
 * The PO lines the box takes past their estimate with the current choices. Confirming is still
 * allowed (a box is stamped whole), but verification then refuses until the line is increased.
 */
export function overEstimates(box: ScanBoxDto, choices: Choices): OverLine[] {
  const after = new Map<string, OverLine>();
  for (const l of included(box, choices)) {
    const c = choices[l.boxLineId]!;
    const p = l.poLines.find((x) => x.regionCode === c.regionCode);
    if (!p) continue;
    const seen = after.get(p.poLineId) ?? { poLineId: p.poLineId, label: l.label, regionCode: p.regionCode, after: p.stampedQty, qty: p.qty };
    after.set(p.poLineId, { ...seen, after: new Decimal(seen.after).plus(stampedUnits(l, c)).toString() });
  }
  const before = (o: OverLine) => box.lines.flatMap((l) => l.poLines).find((p) => p.poLineId === o.poLineId)!.stampedQty;
  return [...after.values()].filter((o) => new Decimal(o.after).gt(o.qty) && new Decimal(o.after).gt(before(o)));
}

/** The warning shown before Confirm, as the operator reads it. */
export const overEstimateText = (o: OverLine, regionName: string) =>
  `This box takes ${o.label} (${regionName}) to ${formatDecimal(o.after)} of ${formatDecimal(o.qty)} authorised — the verifier will have to increase the line.`;

/** The confirm body, or null while nothing is picked or a figure is wrong. */
export function confirmPayload(box: ScanBoxDto, choices: Choices): ConfirmInput | null {
  const lines = included(box, choices);
  if (lines.length === 0 || lines.some((l) => lineError(l, choices[l.boxLineId]!))) return null;
  return {
    boxId: box.boxId,
    lines: lines.map((l) => {
      const c = choices[l.boxLineId]!;
      return { boxLineId: l.boxLineId, regionCode: c.regionCode!, damagedQty: c.damaged.trim() || '0', missingQty: c.missing.trim() || '0' };
    }),
  };
}
