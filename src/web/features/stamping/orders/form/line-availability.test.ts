import Decimal from '../../../../../contracts/exact-decimal';
import { describe, expect, it } from 'vitest';
import { lineErrors, rowAvailable, rowExceeds, sumByVariant, type LineRow } from './line-availability';

const row = (variantId: string | null, qty: string, regionCode: string | null = 'ontario'): LineRow => ({ key: Math.random().toString(), variantId, regionCode, qty });
const available = new Map([['a', '1000'], ['b', '20']]);

describe('PO line availability', () => {
  it('is what the shipment has available less what the other rows of that product take, exactly', () => {
    const rows = [row('a', '400'), row('a', '1'), row('b', '5')];
    expect(rowAvailable(rows, 0, available)?.toString()).toBe('999');
    expect(rowAvailable(rows, 1, available)?.toString()).toBe('600');
    expect(rowAvailable(rows, 2, available)?.toString()).toBe('20');
  });

  it('counts what the edited PO already holds as available to it', () => {
    const held = sumByVariant([{ variantId: 'b', qty: '15' }, { variantId: 'b', qty: '5' }]);
    expect(rowAvailable([row('b', '40')], 0, available, held)?.toString()).toBe('40');
    // a line stamped past its quantity (a box is stamped whole) holds what it stamped
    const over = sumByVariant([{ variantId: 'b', qty: '15', stampedQty: '18' }, { variantId: 'b', qty: '5', stampedQty: '0' }]);
    expect(rowAvailable([row('b', '43')], 0, available, over)?.toString()).toBe('43');
    expect(rowExceeds(row('b', '40'), new Decimal(40))).toBe(false);
    expect(rowExceeds(row('b', '41'), new Decimal(40))).toBe(true);
    // units are whole: a fraction is not a quantity the row can take
    expect(rowAvailable([row('b', '0.5'), row('b', '1')], 1, available)?.toString()).toBe('20');
  });

  it('ignores rows without a product or a valid quantity', () => {
    expect(rowAvailable([row(null, '5')], 0, available)).toBeNull();
    expect(rowAvailable([row('a', 'abc'), row('a', '1')], 1, available)?.toString()).toBe('1000');
    expect(rowExceeds(row('a', 'abc'), new Decimal(1))).toBe(false);
  });

  it('names missing fields as the API does', () => {
    expect(lineErrors([row(null, '0', null)])).toEqual({ 'lines.0.variantId': 'Choose the product', 'lines.0.regionCode': 'Choose the region', 'lines.0.qty': 'A quantity greater than zero' });
    expect(lineErrors([])).toEqual({ lines: 'Add at least one line' });
  });
});
