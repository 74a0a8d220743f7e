import { describe, expect, it } from 'vitest';
import { applicableAttributes } from './applicable';

const attributes = [
  { attribute: 'stage', values: ['Cut', 'Sewn', 'Packed'] },
  { attribute: 'size', values: ['S', 'M'] },
  { attribute: 'colour', values: ['Red'] },
];

describe('the attributes a variant takes', () => {
  it('are all of an unstaged item’s', () => {
    expect(applicableAttributes({ attributes: attributes.slice(1), stageAttribute: null, stageAttributes: {} }, null)).toEqual(['size', 'colour']);
  });

  it('follow a staged item’s rule for the stage, or take every attribute where it has none', () => {
    const item = { attributes, stageAttribute: 'stage', stageAttributes: { Cut: ['size'] } };
    expect(applicableAttributes(item, null)).toEqual(['stage']);
    expect(applicableAttributes(item, 'cut')).toEqual(['stage', 'size']);
    expect(applicableAttributes(item, 'Sewn')).toEqual(['stage', 'size', 'colour']);
  });
});
