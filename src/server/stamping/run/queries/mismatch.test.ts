import { describe, expect, it } from 'vitest';
import { mismatchText } from './scan';

describe('the variant mismatch explanation', () => {
  const box = { item_id: 'grape', flavour: 'Grape Ice', volume_ml: '30', strength_mg: '10' };
  it('names every variant the PO has of the flavour, and nothing when the PO lacks the flavour', () => {
    expect(mismatchText(box, [{ item_id: 'grape', volume_ml: '30', strength_mg: '20' }, { item_id: 'mint', volume_ml: '30', strength_mg: '10' }, { item_id: 'grape', volume_ml: '60', strength_mg: '20' }]))
      .toBe("PO has Grape Ice but in a different variant — 30mL · 20mg or 60mL · 20mg. This box is 30mL · 10mg, which the customer didn't request.");
    expect(mismatchText(box, [{ item_id: 'mint', volume_ml: '30', strength_mg: '10' }])).toBeNull();
  });
});
