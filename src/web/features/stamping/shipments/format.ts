const isoDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2031-05-04" as a date, without a time-zone shift to the day before. */
export const formatIsoDay = (day: string | null): string => (day ? isoDay.format(new Date(`${day}T00:00:00Z`)) : '—');
