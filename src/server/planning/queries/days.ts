import Decimal from '../../../contracts/exact-decimal';
import type { DayDto } from '../../../contracts/planning';
import type { Queryable } from '../../kernel/db/types';
import { invalid } from '../../kernel/errors';
import { addDays, daysBetween, isWorkingDay, type Day } from '../days';
import { loadSite } from '../site';
import { bookedByDay } from '../bookings';

/** The longest range one calendar request may cover (a month view with its edges fits). */
const MAX_RANGE_DAYS = 62;

/** A site's days between two dates: working or not, cap, booked, free and how far over. */
export async function siteDays(q: Queryable, siteId: string, from: Day, to: Day): Promise<DayDto[]> {
  // the range is checked before it is walked: a far `to` must be refused, not enumerated
  if (to < from) throw invalid('to', 'must not be before from');
  if (to > addDays(from, MAX_RANGE_DAYS - 1)) throw invalid('to', `at most ${MAX_RANGE_DAYS} days per request`);
  const days = daysBetween(from, to);
  const site = await loadSite(q, siteId, { from, to });
  const booked = await bookedByDay(q, siteId, from, to);
  const reasons = new Map((await q.query<{ day: string; reason: string | null }>(
    'select day::text as day, reason from planning_closed_day where site_id = $1 and day between $2 and $3', [siteId, from, to],
  )).map((r) => [r.day, r.reason]));
  return days.map((day) => {
    const b = booked.get(day) ?? new Decimal(0);
    const working = isWorkingDay(site.calendar, day);
    const cap = working ? site.cap : new Decimal(0);
    return {
      day, working, closedReason: reasons.has(day) ? reasons.get(day) ?? 'Closed' : null,
      cap: cap.toString(), booked: b.toString(), free: Decimal.max(cap.minus(b), 0).toString(), exceededBy: Decimal.max(b.minus(cap), 0).toString(),
    };
  });
}
