import { describe, expect, it } from 'vitest';
import { formatChange, formatDecimal, quantityProblem } from './decimal';

describe('typed quantities', () => {
  it('names the mistake a person made, not a rule they did not break', () => {
    expect(quantityProblem('')).toBe('Enter the quantity');
    expect(quantityProblem('2.1234567')).toBe('At most 6 decimals');
    expect(quantityProblem('123456789012345')).toBe('At most 14 digits before the decimal point');
    expect(quantityProblem('three')).toBe('Enter a number, such as 3');
    expect(quantityProblem('-3')).toBe('Enter a number, such as 3');
    expect(quantityProblem('0.000')).toBe('Enter a quantity greater than zero');
    expect(quantityProblem(' 2.123456 ')).toBeNull();
    expect(quantityProblem('12')).toBeNull();
  });

  it('shows figures exactly as they come, grouped, with a true minus sign', () => {
    expect(formatDecimal('1234567.50')).toBe('1,234,567.50');
    expect(formatDecimal('-5')).toBe('−5');
    expect(formatChange('80')).toBe('+80');
    expect(formatChange('-0.0')).toBe('0.0'); // zero has no sign
  });
});
