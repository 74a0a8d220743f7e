export { groupThousands } from '../kernel/quantity-text';

/**
 * "2025-03-07 14:05 UTC": a printed document must not depend on the server's locale; the time
 * zone is explicit (an IANA name) and shown, since paper outlives the context it was printed in.
 */
export function formatDateTime(date: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
