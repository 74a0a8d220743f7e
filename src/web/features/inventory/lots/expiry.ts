import { plantDay } from '../../../ui/plant-day';

export type ExpiryState = 'expired' | 'soon' | 'ok' | 'none';

/** The soon-to-expire window, in days. */
export const EXPIRY_WARNING_DAYS = 30;

/** A local calendar day as YYYY-MM-DD, so it compares with the API's dates as plain strings. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function addDays(d: Date, days: number): Date {
  const out = new Date(d);
  out.setDate(out.getDate() + days);
  return out;
}

/**
 * Expired (before today), expiring within the window, fine, or no expiry date at all. A lot's
 * expiry is a plant calendar day, so "today" is the plant's, wherever the browser is.
 */
export function expiryState(expiryDate: string | null, now = new Date()): ExpiryState {
  if (!expiryDate) return 'none';
  const today = plantDay(now);
  if (expiryDate < today) return 'expired';
  if (expiryDate <= plantDay(new Date(now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000))) return 'soon';
  return 'ok';
}
