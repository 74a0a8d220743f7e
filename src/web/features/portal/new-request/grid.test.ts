import { describe, expect, it } from 'vitest';
import { badCells, cellKey, remaining, requestTotal, toRequestLines } from './grid';

describe('the request grid', () => {
  const cells = { [cellKey('v1', 'on')]: '300', [cellKey('v1', 'qc')]: '5', [cellKey('v2', 'on')]: '0', [cellKey('v2', 'qc')]: ' ' };

  it('remaining shrinks exactly as a row fills and goes negative when over', () => {
    expect(remaining('1000', 'v1', ['on', 'qc'], cells).toString()).toBe('695');
    expect(remaining('200', 'v1', ['on', 'qc'], cells).toString()).toBe('-105');
    expect(remaining('10', 'v2', ['on', 'qc'], cells).toString()).toBe('10');
  });

  it('sends positive cells only, in grid order, and remembers which cell each line came from', () => {
    expect(toRequestLines(['v2', 'v1'], ['on', 'qc'], cells)).toEqual({
      lines: [{ variantId: 'v1', regionCode: 'on', qty: '300' }, { variantId: 'v1', regionCode: 'qc', qty: '5' }],
      cells: [cellKey('v1', 'on'), cellKey('v1', 'qc')],
    });
  });

  it('names cells that are not quantities', () => {
    expect(badCells({ a: '12', b: '-1', c: 'x', d: '', e: '1.5' })).toEqual(['b', 'c', 'e']);
  });

  it('totals the units asked for, leaving out what is not a quantity', () => {
    expect(requestTotal(cells).toString()).toBe('305');
    expect(requestTotal({ a: '7', b: 'x', c: '-2' }).toString()).toBe('7');
  });
});
