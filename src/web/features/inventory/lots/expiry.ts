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

/** Expired (before today), expiring within the window, fine, or no expiry date at all. */
export function expiryState(expiryDate: string | null, today = new Date()): ExpiryState {
  if (!expiryDate) return 'none';
  if (expiryDate < isoDay(today)) return 'expired';
  if (expiryDate <= isoDay(addDays(today, EXPIRY_WARNING_DAYS))) return 'soon';
  return 'ok';
}
