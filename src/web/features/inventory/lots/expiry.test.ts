import { afterEach, describe, expect, it } from 'vitest';
import { setPlantTimeZone } from '../../../ui/plant-day';
import { expiryState } from './expiry';

describe('a lot\'s expiry state', () => {
  afterEach(() => setPlantTimeZone(undefined));

  it('counts days on the plant\'s calendar, whatever the browser\'s zone', () => {
    // 23:30 on Dec 5 in Toronto is already Dec 6 in UTC
    const now = new Date('2026-12-06T04:30:00Z');
    setPlantTimeZone('America/Toronto');
    expect(expiryState('2026-12-05', now)).toBe('soon');
    expect(expiryState('2026-12-04', now)).toBe('expired');
    setPlantTimeZone('UTC');
    expect(expiryState('2026-12-05', now)).toBe('expired');
    // the window: 30 days on
    expect(expiryState('2027-01-05', now)).toBe('soon');
    expect(expiryState('2027-01-06', now)).toBe('ok');
    expect(expiryState(null, now)).toBe('none');
  });
});
