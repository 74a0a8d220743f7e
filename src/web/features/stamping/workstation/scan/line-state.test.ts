import { describe, expect, it } from 'vitest';
import type { ScanBoxDto, ScanLine } from '../api';
import { confirmPayload, defaultRegion, initialChoices, lineError, stampsByRegion } from './line-state';

const poLine = (regionCode: string) => ({ poLineId: `pl-${regionCode}`, regionCode, qty: '100', stampedQty: '0' });
const line = (id: string, goodQty: string, regions: string[], extra: Partial<ScanLine> = {}): ScanLine => ({
  boxLineId: id, variantId: `v-${id}`, label: id, brand: 'Orbito', flavour: 'Grape', volumeMl: '30', strengthMg: '20',
  goodQty, stamped: false, poLines: regions.map(poLine), mismatch: null, ...extra,
});
const box = (lines: ScanLine[]): ScanBoxDto => ({ boxId: 'b1', brand: 'Orbito', brandId: 'br', boxNo: 4, lines, hiddenOtherBrandLines: 0, stampsByRegion: {}, skipped: false });

describe('the scanned box form', () => {
  it('pre-selects the sticky region when the PO stamps the variant for it, else the PO line\'s region', () => {
    expect(defaultRegion(line('a', '10', ['federal', 'ontario']), 'ontario')).toBe('ontario');
    expect(defaultRegion(line('a', '10', ['federal']), 'ontario')).toBe('federal');
    expect(defaultRegion(line('a', '10', []), 'ontario')).toBeNull();
  });

  it('counts stamps per region exactly, less damaged and missing, over the picked lines only', () => {
    const b = box([line('a', '30', ['ontario']), line('b', '20', ['ontario']), line('c', '7', ['federal']), line('d', '9', ['federal'], { stamped: true })]);
    const choices = initialChoices(b, null);
    choices.a = { ...choices.a!, damaged: '2', missing: '1' };
    choices.c = { ...choices.c!, include: false };
    expect(stampsByRegion(b, choices)).toEqual([['ontario', '47']]);
    expect(confirmPayload(b, choices)).toEqual({
      boxId: 'b1',
      lines: [
        { boxLineId: 'a', regionCode: 'ontario', damagedQty: '2', missingQty: '1' },
        { boxLineId: 'b', regionCode: 'ontario', damagedQty: '0', missingQty: '0' },
      ],
    });
  });

  it('refuses figures that are not whole units or exceed the good units, and a box with nothing to stamp', () => {
    const l = line('a', '10', ['ontario']);
    expect(lineError(l, { include: true, regionCode: 'ontario', damaged: '6', missing: '5' })).toMatch(/exceed/);
    expect(lineError(l, { include: true, regionCode: 'ontario', damaged: '1,5', missing: '' })).toMatch(/whole numbers/);
    expect(lineError(l, { include: true, regionCode: 'ontario', damaged: '0.5', missing: '' })).toMatch(/whole numbers/);
    expect(lineError(l, { include: true, regionCode: 'ontario', damaged: '6', missing: '4' })).toBeNull();
    const wrongVariant = box([line('x', '20', [], { mismatch: 'PO has Grape but in a different variant' })]);
    expect(confirmPayload(wrongVariant, initialChoices(wrongVariant, null))).toBeNull();
  });
});
