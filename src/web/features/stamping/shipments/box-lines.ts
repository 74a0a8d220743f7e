import Decimal from '../../../../contracts/exact-decimal';
import { WHOLE_INPUT, isWholePositive } from '../units';
import { rowKey } from './row-key';

/** One content line of a box as the operator types it. */
export interface LineDraft {
  key: string;
  variantId: string | null;
  raw: string;
  damaged: string;
  missing: string;
  damageNote: string;
}

export const blankLine = (variantId: string | null = null, raw = ''): LineDraft =>
  ({ key: rowKey(), variantId, raw, damaged: '', missing: '', damageNote: '' });

const quantity = (s: string): Decimal | null => {
  const t = s.trim();
  if (t === '') return new Decimal(0);
  return WHOLE_INPUT.test(t) ? new Decimal(t) : null;
};

/** good = raw − damaged − missing, exactly; null while a figure is not a number yet. */
export function goodOf(l: LineDraft): Decimal | null {
  const [raw, damaged, missing] = [quantity(l.raw), quantity(l.damaged), quantity(l.missing)];
  if (!raw || !damaged || !missing) return null;
  return raw.minus(damaged).minus(missing);
}

/** Field errors keyed like the API's (`lines.0.damagedQty`), so both land on the same inputs. */
export function checkLines(lines: LineDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  lines.forEach((l, i) => {
    if (!l.variantId) errors[`lines.${i}.variantId`] = 'Choose the product';
    if (!isWholePositive(l.raw)) errors[`lines.${i}.rawQty`] = 'Count the units in the box';
    if (l.damaged.trim() && !quantity(l.damaged)) errors[`lines.${i}.damagedQty`] = 'Enter a number, such as 3';
    if (l.missing.trim() && !quantity(l.missing)) errors[`lines.${i}.missingQty`] = 'Enter a number, such as 3';
    const good = goodOf(l);
    if (good?.isNegative()) errors[`lines.${i}.${quantity(l.damaged)?.gt(0) ? 'damagedQty' : 'missingQty'}`] = 'Damaged and missing exceed the raw count';
  });
  return errors;
}

export const toInput = (l: LineDraft) => ({
  variantId: l.variantId!,
  rawQty: l.raw.trim(),
  damagedQty: l.damaged.trim() || '0',
  missingQty: l.missing.trim() || '0',
  damageNote: l.damageNote.trim() || null,
});
