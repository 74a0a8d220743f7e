/**
 * Calendar days as ISO strings (`2026-11-23`): a plant plans in its own days, so no time zone
 * ever shifts a booking. Weekdays are ISO (1 = Monday … 7 = Sunday).
 */
export type Day = string;

const toUtc = (day: Day) => new Date(`${day}T00:00:00Z`);

export const addDays = (day: Day, n: number): Day => new Date(toUtc(day).getTime() + n * 86_400_000).toISOString().slice(0, 10);

export const isoWeekday = (day: Day): number => {
  const d = toUtc(day).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The Monday of the week holding `day`. */
export const mondayOf = (day: Day): Day => addDays(day, 1 - isoWeekday(day));

/** The plant's today: the server's local calendar date. */
export function localDay(at: Date): Day {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The instants a plant day starts and ends at, in the server's time zone (as `localDay`). */
export function localDayBounds(day: Day): { start: Date; end: Date } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { start: new Date(y, m - 1, d), end: new Date(y, m - 1, d + 1) };
}

export interface WorkingCalendar {
  workingDays: number[];
  closed: ReadonlySet<Day>;
}

export const isWorkingDay = (cal: WorkingCalendar, day: Day): boolean => cal.workingDays.includes(isoWeekday(day)) && !cal.closed.has(day);

/** Days from `from` to `to`, both included. */
export function daysBetween(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
