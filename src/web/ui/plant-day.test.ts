import { afterEach, describe, expect, it } from 'vitest';
import { plantDay, setPlantTimeZone } from './plant-day';

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
