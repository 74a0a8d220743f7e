import { fieldErrorsOf } from '../../../api/problem';

/** The most serial numbers one registration takes (the API's limit). */
export const MAX_SERIALS = 1000;

/** Serial numbers pasted one per line; blank lines are skipped. */
export const parseSerialList = (text: string): string[] => text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

/**
 * `count` numbers from `start` after a prefix, zero-padded to `digits`: ("CB-", 13, 3, 4) →
 * CB-0013, CB-0014, CB-0015. These are counters, not quantities: plain integers are right here.
 */
export function serialRange(prefix: string, start: string, count: string, digits: string): string[] | string {
  const [s, c, d] = [start, count, digits].map((v) => (/^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : NaN));
  if (Number.isNaN(s)) return 'Enter the first number, such as 1';
  if (Number.isNaN(c) || c! < 1 || c! > MAX_SERIALS) return `Enter how many, from 1 to ${MAX_SERIALS}`;
  if (Number.isNaN(d) || d! > 12) return 'Enter the number of digits, up to 12 (0 for no padding)';
  return Array.from({ length: c! }, (_, i) => `${prefix.trim()}${String(s! + i).padStart(d!, '0')}`);
}

/** The API names rows as `serialNos.3`: pair each with the serial number it points at. */
export function rowErrors(err: unknown, serials: string[]): Array<{ row: number; serial: string; message: string }> {
  return Object.entries(fieldErrorsOf(err)).flatMap(([field, message]) => {
    const m = /^serialNos\.(\d+)$/.exec(field);
    if (!m) return [];
    const row = Number(m[1]);
    return [{ row: row + 1, serial: serials[row] ?? '', message }];
  });
}
