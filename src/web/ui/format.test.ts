import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatFeedTime, formatTime } from './format';
import { setPlantTimeZone } from './plant-day';

const inZone = (zone: string, options: Intl.DateTimeFormatOptions, iso: string) => new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone }).format(new Date(iso));

describe('times on screen', () => {
  afterEach(() => setPlantTimeZone(undefined));

  it('are the plant\'s clock wherever the browser is, and follow the zone once it is known', () => {
    const iso = '2026-12-03T23:30:00Z';
    setPlantTimeZone('Asia/Tokyo');
    expect(formatDay(iso)).toBe(inZone('Asia/Tokyo', { dateStyle: 'medium' }, iso));
    expect(formatTime(iso)).toBe(inZone('Asia/Tokyo', { timeStyle: 'short' }, iso));
    setPlantTimeZone('America/Toronto');
    expect(formatDay(iso)).toBe(inZone('America/Toronto', { dateStyle: 'medium' }, iso));
    expect(formatDay(iso)).not.toBe(inZone('Asia/Tokyo', { dateStyle: 'medium' }, iso));
    expect(formatDateTime(iso)).toBe(inZone('America/Toronto', { dateStyle: 'medium', timeStyle: 'short' }, iso));
  });

  it('a feed shows the time alone for the plant\'s today, the day too before it', () => {
    setPlantTimeZone('Pacific/Kiritimati');
    const now = new Date().toISOString();
    expect(formatFeedTime(now)).toBe(inZone('Pacific/Kiritimati', { hour: '2-digit', minute: '2-digit', second: '2-digit' }, now));
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    expect(formatFeedTime(twoDaysAgo)).toBe(inZone('Pacific/Kiritimati', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }, twoDaysAgo));
  });
});
