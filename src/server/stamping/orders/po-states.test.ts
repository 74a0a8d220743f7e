import { describe, expect, it } from 'vitest';
import { assertTransition, rollUp } from './po-states';

describe('production order states', () => {
  it('a parent is completed only when every live segment is', () => {
    expect(rollUp(['completed', 'completed', 'open'])).toBe('in_production');
    expect(rollUp(['completed', 'completed', 'completed'])).toBe('completed');
    expect(rollUp(['completed', 'cancelled', 'completed'])).toBe('completed');
    expect(rollUp(['open', 'open'])).toBe('open');
    expect(rollUp(['pending_verification', 'completed'])).toBe('pending_verification');
    expect(rollUp(['cancelled', 'cancelled'])).toBe('cancelled');
  });

  it('refuses what the table does not allow, and anything once completed', () => {
    expect(() => assertTransition('PO-1', 'open', 'completed')).toThrow(/open/);
    expect(() => assertTransition('PO-1', 'completed', 'cancelled')).toThrow(expect.objectContaining({ code: 'stamping.po_frozen' }));
    expect(() => assertTransition('PO-1', 'cancelled', 'open')).toThrow(expect.objectContaining({ code: 'state.illegal_transition' }));
    expect(() => assertTransition('PO-1', 'in_production', 'cancelled')).not.toThrow();
  });
});
