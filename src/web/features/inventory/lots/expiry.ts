import { plantDay } from '../../../ui/plant-day';

export type ExpiryState = 'expired' | 'soon' | 'ok' | 'none';

/** The soon-to-expire window, in days. */
export const EXPIRY_WARNING_DAYS = 30;

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
