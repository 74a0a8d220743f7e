import { describe, expect, it } from 'vitest';
import type { ScanBoxDto, ScanLine } from '../api';
import { confirmPayload, defaultRegion, initialChoices, lineError, overEstimates, overEstimateText, stampsByRegion } from './line-state';

/** A PO line of the region; `region:stamped/qty` sets its figures (default 0 of 100). */
const poLine = (spec: string) => {
  const [regionCode, figures] = spec.split(':') as [string, string | undefined];
  const [stampedQty, qty] = (figures ?? '0/100').split('/') as [string, string];
  return { poLineId: `pl-${regionCode}`, regionCode, qty, stampedQty };
};
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

  it('keeps the sticky region while its line takes the box whole: else a line that does, else one with room, else the sticky one', () => {
    expect(defaultRegion(line('a', '10', ['federal:0/100', 'ontario:90/100']), 'ontario')).toBe('ontario');
    // 1 left on the sticky line, 100 on another: the box of 10 goes where it fits, not past an estimate
    expect(defaultRegion(line('a', '10', ['federal:0/100', 'ontario:99/100']), 'ontario')).toBe('federal');
    // the seed's 1,000-unit box against Federal 2,988/3,000 and Quebec 0/1,500
    expect(defaultRegion(line('a', '1000', ['federal:2988/3000', 'quebec:0/1500']), 'federal')).toBe('quebec');
    // no line takes it whole: the sticky line while it has room, else the roomiest
    expect(defaultRegion(line('a', '500', ['federal:0/100', 'ontario:90/100']), 'ontario')).toBe('ontario');
    expect(defaultRegion(line('a', '500', ['federal:0/100', 'ontario:100/100', 'quebec:0/200']), 'ontario')).toBe('quebec');
    expect(defaultRegion(line('a', '10', ['federal:0/100', 'ontario:100/100']), 'ontario')).toBe('federal');
    expect(defaultRegion(line('a', '10', ['federal:100/100', 'ontario:120/100', 'quebec:5/50']), 'ontario')).toBe('quebec');
    expect(defaultRegion(line('a', '10', ['federal:100/100', 'ontario:120/100']), 'ontario')).toBe('ontario');
    // no sticky region yet (or not one of this variant's lines): the first line with room
    expect(defaultRegion(line('a', '10', ['federal:100/100', 'ontario:0/100']), null)).toBe('ontario');
    expect(defaultRegion(line('a', '10', ['federal:100/100', 'ontario:100/100']), 'quebec')).toBe('federal');
    // the box form starts from it
    const b = box([line('a', '10', ['federal:0/100', 'ontario:100/100'])]);
    expect(initialChoices(b, 'ontario').a!.regionCode).toBe('federal');
  });

  it('says which PO lines the box takes past their estimate, with the choices as they are', () => {
    const b = box([line('a', '30', ['ontario:90/100', 'federal:0/100']), line('b', '20', ['ontario:90/100']), line('c', '5', ['quebec:50/50'])]);
    const choices = initialChoices(b, 'ontario');
    // a fits federal's line whole and starts there; the operator puts it on ontario anyway
    expect(choices.a!.regionCode).toBe('federal');
    choices.a = { ...choices.a!, regionCode: 'ontario' };
    // a and b go to ontario (90 + 30 + 20); c has only quebec's line, already full
    expect(overEstimates(b, choices)).toEqual([
      { poLineId: 'pl-ontario', label: 'a', regionCode: 'ontario', after: '140', qty: '100' },
      { poLineId: 'pl-quebec', label: 'c', regionCode: 'quebec', after: '55', qty: '50' },
    ]);
    expect(overEstimateText(overEstimates(b, choices)[0]!, 'Ontario')).toBe('This box takes a (Ontario) to 140 of 100 authorised — the verifier will have to increase the line.');
    // damage and missing count as the server counts them; a line taken off the box adds nothing
    choices.a = { ...choices.a!, regionCode: 'federal' };
    choices.b = { ...choices.b!, damaged: '5', missing: '5' };
    choices.c = { ...choices.c!, include: false };
    expect(overEstimates(b, choices)).toEqual([]);
    choices.b = { ...choices.b!, damaged: '', missing: '' };
    expect(overEstimates(b, choices)).toEqual([{ poLineId: 'pl-ontario', label: 'b', regionCode: 'ontario', after: '110', qty: '100' }]);
    // a line already past its estimate that this box adds nothing to is not this box's doing
    const done = box([line('d', '4', ['ontario:120/100'])]);
    const all = initialChoices(done, 'ontario');
    all.d = { ...all.d!, damaged: '4' };
    expect(overEstimates(done, all)).toEqual([]);
    expect(overEstimateText({ poLineId: 'x', label: 'Grape', regionCode: 'ontario', after: '1200', qty: '1000' }, 'Ontario')).toContain('to 1,200 of 1,000 authorised');
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
