import { z } from 'zod';
import { Code, Name } from './common';
import { DecimalString, PositiveDecimal } from './catalog';

/** A calendar day, YYYY-MM-DD, within years a plant plans in (dates past 9999 do not sort as text). */
export const IsoDay = z.iso.date().refine((d) => d >= '1970-01-01' && d <= '2999-12-31', 'a day between 1970 and 2999');
export const Weekday = z.number().int().min(1).max(7);

export const SiteDto = z.object({
  id: z.uuid(), code: z.string(), name: z.string(), locationId: z.uuid().nullable(),
  dailyCap: z.string(), workingDays: z.array(Weekday),
});
export type SiteDto = z.infer<typeof SiteDto>;

export const CreateSite = z.strictObject({
  code: Code, name: Name, locationId: z.uuid().nullable().optional(),
  dailyCap: PositiveDecimal.default('12000'),
  workingDays: z.array(Weekday).min(1).max(7).default([1, 2, 3, 4, 5]),
});
export const UpdateSite = z.strictObject({
  name: Name.optional(),
  dailyCap: PositiveDecimal.optional(),
  workingDays: z.array(Weekday).min(1).max(7).optional(),
});

export const ClosedDayDto = z.object({ day: IsoDay, reason: z.string().nullable() });
export const CloseDay = z.strictObject({ day: IsoDay, reason: z.string().trim().max(200).nullable().optional() });

/** A run booked onto a day, as the calendar shows it. */
export const BookingDto = z.object({
  runType: z.string(), runId: z.uuid(), day: IsoDay, qty: z.string(), urgent: z.boolean(), sequence: z.number().int(),
  bookedAt: z.string(),
});
export type BookingDto = z.infer<typeof BookingDto>;

/** One day of a site's calendar: capacity, what is booked, and whether it is over. */
export const DayDto = z.object({
  day: IsoDay,
  working: z.boolean(),
  closedReason: z.string().nullable(),
  cap: z.string(),
  booked: z.string(),
  free: z.string(),
  /** booked − cap when over, else "0" */
  exceededBy: z.string(),
});
export type DayDto = z.infer<typeof DayDto>;

/** The warning a schedule answers with when a day goes over its cap (the booking stands). */
export const CapacityWarning = z.object({
  code: z.literal('capacity.exceeded'), day: IsoDay, exceededBy: DecimalString, message: z.string(),
});
export type CapacityWarning = z.infer<typeof CapacityWarning>;
