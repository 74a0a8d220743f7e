import { plantDay, plantFormatter } from './plant-day';

// every time on screen is the plant's clock, wherever the browser is (see plant-day.ts)
const time = plantFormatter(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = plantFormatter(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const stamp = plantFormatter(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const dayTime = plantFormatter(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateTime().format(new Date(iso));
}

const day = plantFormatter(undefined, { dateStyle: 'medium' });
const clock = plantFormatter(undefined, { timeStyle: 'short' });

/** The date alone and the time alone: for tables that stack them in one cell. */
export const formatDay = (iso: string): string => day().format(new Date(iso));
export const formatTime = (iso: string): string => clock().format(new Date(iso));

/** Date and time to the second: for the audit log. */
export const formatTimestamp = (iso: string): string => stamp().format(new Date(iso));

/** Time only for today (the plant's), otherwise day and time: for feeds. */
export function formatFeedTime(iso: string): string {
  const d = new Date(iso);
  return plantDay(d) === plantDay() ? time().format(d) : dayTime().format(d);
}

/** Empty input means "not given": the API takes null for cleared optional text. */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
