import { plantDay } from '../../../ui/plant-day';

/**
 * Calendar days as ISO strings (`2026-11-23`), as the planning API has them: arithmetic is done
 * in UTC so no time zone ever shifts a day. Weekdays are ISO (1 = Monday … 7 = Sunday).
 */
export type Day = string;

const utc = (day: Day) => new Date(`${day}T00:00:00Z`);

export const addDays = (day: Day, n: number): Day => new Date(utc(day).getTime() + n * 86_400_000).toISOString().slice(0, 10);

export const isoWeekday = (day: Day): number => utc(day).getUTCDay() || 7;

/** Today in the plant's calendar, as the server counts it (the browser may be elsewhere). */
export const today = (): Day => plantDay();

export const mondayOf = (day: Day): Day => addDays(day, 1 - isoWeekday(day));

/** The days a view shows: a week Monday–Sunday, or the whole weeks that cover a month. */
export function viewRange(view: 'week' | 'month', anchor: Day): { from: Day; to: Day } {
  if (view === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 6) };
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const last = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
  return { from: mondayOf(first), to: addDays(mondayOf(last), 6) };
}

/** The anchor one view earlier or later. */
export function shiftView(view: 'week' | 'month', anchor: Day, step: -1 | 1): Day {
  if (view === 'week') return addDays(anchor, 7 * step);
  const first = `${anchor.slice(0, 7)}-01`;
  return step === 1 ? `${addDays(first, 31).slice(0, 7)}-01` : `${addDays(first, -1).slice(0, 7)}-01`;
}

const weekdayShort = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const weekdayName = (day: Day): string => weekdayShort.format(utc(day));
export const shortDay = (day: Day): string => dayMonth.format(utc(day));
export const longDay = (day: Day): string => long.format(utc(day));
export const monthName = (day: Day): string => monthYear.format(utc(day));
