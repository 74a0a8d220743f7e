import { describe, expect, it } from 'vitest';
import { PoLineInput, SplitPo } from './stamping';

describe('stamping contracts', () => {
  it('a split puts each part on its own day, naming the part that repeats one', () => {
    const r = SplitPo.safeParse({ parts: [{ day: '2030-01-07', qty: '5' }, { day: '2030-01-08', qty: '5' }, { day: '2030-01-07', qty: '1' }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['parts.2.day']);
    expect(SplitPo.safeParse({ parts: [{ day: '2030-01-07', qty: '5' }, { day: '2030-01-08', qty: '5' }] }).success).toBe(true);
  });

  it('counts units in whole numbers', () => {
    const line = (qty: string) => PoLineInput.safeParse({ variantId: '01a23cf3-60c0-7716-aafc-3e07505d09c0', regionCode: 'ontario', qty }).success;
    expect([line('12'), line('0'), line('1.5'), line('-3'), line('1e3')]).toEqual([true, false, false, false, false]);
  });
});
