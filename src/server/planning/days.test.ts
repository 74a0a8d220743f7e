import { afterEach, describe, expect, it } from 'vitest';
import { localDay, localDayBounds } from './days';

describe('plant days', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('start and end at the server\'s local midnights, whatever the database session\'s zone', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(localDayBounds('2026-12-04')).toEqual({ start: new Date('2026-12-03T15:00:00Z'), end: new Date('2026-12-04T15:00:00Z') });
    expect(localDay(new Date('2026-12-03T17:45:00Z'))).toBe('2026-12-04');
    process.env.TZ = 'America/Toronto';
    expect(localDayBounds('2026-12-03')).toEqual({ start: new Date('2026-12-03T05:00:00Z'), end: new Date('2026-12-04T05:00:00Z') });
    // the night the clocks go back is 25 hours long
    const fallBack = localDayBounds('2026-11-01');
    expect(fallBack.end.getTime() - fallBack.start.getTime()).toBe(25 * 3_600_000);
  });
});
