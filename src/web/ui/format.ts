import { plantDay, plantTimeZone } from './plant-day';

/**
 * A formatter in the plant's zone, so a browser elsewhere shows the times the plant's people
 * see (and the days the server counts); made again only when the zone changes (at sign-in).
 */
function inPlantZone(options: Intl.DateTimeFormatOptions): (at: Date) => string {
  let made: { zone: string | undefined; format: Intl.DateTimeFormat } | undefined;
  return (at) => {
    const zone = plantTimeZone();
    if (!made || made.zone !== zone) made = { zone, format: new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone }) };
    return made.format.format(at);
  };
}

const time = inPlantZone({ hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = inPlantZone({ dateStyle: 'medium', timeStyle: 'short' });
const stamp = inPlantZone({ dateStyle: 'medium', timeStyle: 'medium' });
const dayTime = inPlantZone({ month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateTime(new Date(iso));
}

const day = inPlantZone({ dateStyle: 'medium' });
const clock = inPlantZone({ timeStyle: 'short' });

/** The date alone and the time alone: for tables that stack them in one cell. */
export const formatDay = (iso: string): string => day(new Date(iso));
export const formatTime = (iso: string): string => clock(new Date(iso));

/** Date and time to the second: for the audit log. */
export const formatTimestamp = (iso: string): string => stamp(new Date(iso));

/** Time only for today (the plant's), otherwise day and time: for feeds. */
export function formatFeedTime(iso: string): string {
  const d = new Date(iso);
  return plantDay(d) === plantDay() ? time(d) : dayTime(d);
}

/** Empty input means "not given": the API takes null for cleared optional text. */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
