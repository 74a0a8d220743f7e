import Decimal from '../../../contracts/exact-decimal';
import type { SlotDto } from '../../../contracts/stamping-run';
import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';
import { addDays, siteDays, type Day } from '../../planning';

/** The slot picker's default reach: the next four weeks. */
export const SLOT_WEEKS = 4;

/**
 * Days a customer may ask production for: working days of the stamping line, from today on, that
 * still have free capacity. The same rule checks a submitted day, so the picker and the server agree.
 */
export async function openSlots(q: Queryable, siteId: string, from: Day, to: Day, today: Day): Promise<SlotDto[]> {
  const start = from < today ? today : from;
  if (to < start) return [];
  const days = await siteDays(q, siteId, start, to);
  return days.filter((d) => d.working && new Decimal(d.free).gt(0)).map((d) => ({ day: d.day, free: d.free }));
}

export const defaultSlotRange = (today: Day): { from: Day; to: Day } => ({ from: today, to: addDays(today, SLOT_WEEKS * 7 - 1) });

/**
 * Refuses a day the picker would not offer, naming the field (`requestedDay`, `proposedDay`).
 * `until` is the last day the picker reaches (a customer's request: the default window), so a
 * request cannot ask for a day the customer was never offered.
 */
export async function requireOpenDay(q: Queryable, siteId: string, day: Day, field: string, today: Day, until?: Day): Promise<void> {
  if (day < today) {
    throw new DomainError('stamping.day_unavailable', `${day} is in the past.`, { errors: [{ field, message: 'in the past' }] });
  }
  if (until && day > until) {
    throw new DomainError('stamping.day_unavailable', `${day} is beyond the production days offered (the next ${SLOT_WEEKS} weeks, up to ${until}).`, {
      errors: [{ field, message: `after ${until}: the slot picker offers the next ${SLOT_WEEKS} weeks` }],
    });
  }
  const [d] = await siteDays(q, siteId, day, day);
  if (!d?.working) {
    throw new DomainError('planning.not_a_working_day', `${day} is not a production day.`, { errors: [{ field, message: 'not a working day' }] });
  }
  if (!new Decimal(d.free).gt(0)) {
    throw new DomainError('stamping.day_unavailable', `${day} has no production capacity left.`, { errors: [{ field, message: 'no capacity left on that day' }] });
  }
}
