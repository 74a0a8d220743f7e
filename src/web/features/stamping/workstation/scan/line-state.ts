import Decimal from '../../../../../contracts/exact-decimal';
import type { ScanBoxDto, ScanLine } from '../api';
import type { ConfirmInput } from '../mutations';
import { WHOLE_INPUT } from '../../units';

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

/** The sticky region when the PO stamps this variant for it, else the PO line's region. */
export function defaultRegion(l: ScanLine, sticky: string | null): string | null {
  return l.poLines.find((p) => p.regionCode === sticky)?.regionCode ?? l.poLines[0]?.regionCode ?? null;
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

/** Stamps the box takes per region with the current choices (good − damaged − missing). */
export function stampsByRegion(box: ScanBoxDto, choices: Choices): Array<[region: string, stamps: string]> {
  const sums = new Map<string, Decimal>();
  for (const l of included(box, choices)) {
    const c = choices[l.boxLineId]!;
    const units = new Decimal(l.goodQty).minus(qty(c.damaged) ?? 0).minus(qty(c.missing) ?? 0);
    sums.set(c.regionCode!, (sums.get(c.regionCode!) ?? new Decimal(0)).plus(Decimal.max(units, 0)));
  }
  return [...sums].map(([r, d]) => [r, d.toString()]);
}

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
