import { afterEach, describe, expect, it } from 'vitest';
import { setPlantTimeZone } from '../../../ui/plant-day';
import { toEntryFilter, validateLedgerSearch } from './search';

describe('the ledger filter', () => {
  afterEach(() => setPlantTimeZone(undefined));

  it('reads its days as the plant\'s, the last one whole, across a clock change', () => {
    setPlantTimeZone('America/Toronto');
    expect(toEntryFilter({ from: '2026-03-07', to: '2026-03-08' })).toMatchObject({ from: '2026-03-07T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
    setPlantTimeZone('Asia/Tokyo');
    expect(toEntryFilter({ from: '2026-12-31', to: '2026-12-31' })).toMatchObject({ from: '2026-12-30T15:00:00.000Z', to: '2026-12-31T15:00:00.000Z' });
  });

  it('asks for a picked location with the places beneath it, and for whole days', () => {
    const f = toEntryFilter({ locationId: '01a23cf3-60c0-7716-aafc-3e07505d09c2', from: '2026-12-01', to: '2026-12-01' });
    expect(f.underLocationId).toBe('01a23cf3-60c0-7716-aafc-3e07505d09c2');
    expect(f.locationId).toBeUndefined();
    expect(new Date(f.to!).getTime() - new Date(f.from!).getTime()).toBe(86_400_000);
  });

  it('takes an action the ledger knows from the address, and drops one it does not', () => {
    expect(toEntryFilter(validateLedgerSearch({ action: 'return' })).documentType).toBe('return');
    expect(validateLedgerSearch({ action: 'refund' }).action).toBeUndefined();
  });
});
