/**
 * Quantities and money arrive as exact decimal strings and are shown as they come: these helpers
 * only rearrange characters (thousands separators, the sign), they never turn a figure into a
 * JavaScript number.
 */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** A positive quantity as a person types it: up to 14 digits and 6 decimals (the API's limits). */
export const POSITIVE_INPUT = /^\d{1,14}(\.\d{1,6})?$/;

export const isZero = (s: string): boolean => !/[1-9]/.test(s);
export const isNegative = (s: string): boolean => s.trim().startsWith('-') && !isZero(s);

/** "1234567.50" → "1,234,567.50"; "-5" → "−5" (a true minus sign). Non-decimals pass through. */
export function formatDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const s = value.trim();
  if (!DECIMAL.test(s)) return s;
  const negative = s.startsWith('-') && !isZero(s);
  const body = s.replace(/^[+-]/, '');
  const dot = body.indexOf('.');
  const int = dot === -1 ? body : body.slice(0, dot);
  const frac = dot === -1 ? '' : body.slice(dot);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${frac}`;
}

/** A signed change: "+80", "−75", "0". */
export function formatChange(value: string): string {
  const shown = formatDecimal(value);
  if (isZero(value) || isNegative(value)) return shown;
  return `+${shown}`;
}

/** Whether a typed quantity is a positive decimal the API accepts. */
export const isPositiveInput = (s: string): boolean => POSITIVE_INPUT.test(s.trim()) && !isZero(s);

/**
 * What is wrong with a typed positive quantity, in the words of the mistake, or null. (Whether the
 * item's unit is counted whole the server says, naming the line.)
 */
export function quantityProblem(s: string): string | null {
  const t = s.trim();
  if (t === '') return 'Enter the quantity';
  if (/^\d+\.\d{7,}$/.test(t)) return 'At most 6 decimals';
  if (/^\d{15,}(\.\d*)?$/.test(t)) return 'At most 14 digits before the decimal point';
  if (!POSITIVE_INPUT.test(t)) return 'Enter a number, such as 3';
  if (isZero(t)) return 'Enter a quantity greater than zero';
  return null;
}

/** A positive typed quantity with a sign put in front, for a subtraction. */
export const negate = (s: string): string => `-${s.trim()}`;
