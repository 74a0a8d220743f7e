import { describe, expect, it } from 'vitest';
import { toEntryFilter, validateLedgerSearch } from './search';

describe('the ledger filter', () => {
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
