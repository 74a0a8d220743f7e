import { describe, expect, it } from 'vitest';
import { canonicalVariant, type ItemShape } from './variant-key';

const shirt: ItemShape = {
  code: 'TS',
  name: 'T-Shirt',
  attributes: new Map([['stage', ['Cut', 'Sewn', 'Packed']], ['size', ['S', 'M']], ['colour', ['Blue', 'Red']], ['panel', ['Front', 'Back']]]),
  stageAttribute: 'stage',
  stageAttributes: new Map([['Cut', ['colour', 'panel', 'size']], ['Sewn', ['colour', 'size']], ['Packed', ['size']]]),
};

describe('canonical variants of a staged item', () => {
  it('gives one key for one combination however it is spelled or ordered', () => {
    const a = canonicalVariant(shirt, { Stage: 'sewn', Size: 'm', Colour: 'blue' });
    const b = canonicalVariant(shirt, { colour: 'Blue', size: 'M', stage: 'Sewn' });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ key: 'colour=blue;size=m;stage=sewn', stage: 'Sewn', code: 'TS-Blue-M-Sewn', attributes: { colour: 'Blue', size: 'M', stage: 'Sewn' } });
  });

  it('applies only the attributes of the stage: the same goods change variant as they move', () => {
    expect(canonicalVariant(shirt, { stage: 'Cut', size: 'S', colour: 'Red', panel: 'Front' }).key).toBe('colour=red;panel=front;size=s;stage=cut');
    expect(canonicalVariant(shirt, { stage: 'Packed', size: 'S' }).key).toBe('size=s;stage=packed');
    expect(() => canonicalVariant(shirt, { stage: 'Packed', size: 'S', colour: 'Red' })).toThrow(/does not apply at stage Packed/);
    expect(() => canonicalVariant(shirt, { stage: 'Sewn', size: 'S' })).toThrow(/colour: a value is required/);
    expect(() => canonicalVariant(shirt, { size: 'S' })).toThrow(/stage is required/);
    expect(() => canonicalVariant(shirt, { stage: 'Boxed', size: 'S' })).toThrow(/not one of Cut, Sewn, Packed/);
  });
});
