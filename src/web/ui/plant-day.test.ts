import { afterEach, describe, expect, it } from 'vitest';
import { plantDay, plantInstant, setPlantTimeZone } from './plant-day';

describe('the plant day', () => {
  afterEach(() => setPlantTimeZone(undefined));

  it('is counted in the plant\'s zone, not the browser\'s', () => {
    const at = new Date('2026-12-03T17:45:00Z');
    setPlantTimeZone('Asia/Tokyo');
    expect(plantDay(at)).toBe('2026-12-04');
    setPlantTimeZone('America/Toronto');
    expect(plantDay(at)).toBe('2026-12-03');
    setPlantTimeZone('Pacific/Honolulu');
    expect(plantDay(new Date('2026-12-04T05:00:00Z'))).toBe('2026-12-03');
  });
});

describe('a plant wall-clock reading', () => {
  afterEach(() => setPlantTimeZone(undefined));

  it('names the instant in the plant\'s zone, midnight for a day alone', () => {
    setPlantTimeZone('America/Toronto');
    expect(plantInstant('2026-12-03')?.toISOString()).toBe('2026-12-03T05:00:00.000Z');
    expect(plantInstant('2026-07-01T08:30')?.toISOString()).toBe('2026-07-01T12:30:00.000Z');
    setPlantTimeZone('Asia/Kolkata');
    expect(plantInstant('2026-12-03T00:00:15')?.toISOString()).toBe('2026-12-02T18:30:15.000Z');
  });

  it('across clock changes: a skipped reading lands after the gap, days around them stay whole', () => {
    setPlantTimeZone('America/Toronto');
    expect(plantInstant('2026-03-08T02:30')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(plantInstant('2026-03-09')?.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(plantInstant('2026-11-01T01:30')?.toISOString()).toMatch(/^2026-11-01T0[56]:30:00\.000Z$/);
    setPlantTimeZone('Europe/Berlin');
    expect(plantInstant('2026-03-29T02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(plantInstant('2026-03-29T03:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('is nothing for text that is not a reading', () => {
    expect(plantInstant('')).toBeUndefined();
    expect(plantInstant('2026-12-03 08:00')).toBeUndefined();
    expect(plantInstant('yesterday')).toBeUndefined();
  });
});
