import { describe, expect, it } from 'vitest';
import { validateWorkstationSearch } from './search';

describe('the workstation address', () => {
  it('keeps a day and a picked PO, drops what is not one', () => {
    const po = '01a2449a-9d6e-7648-bb5f-cdf6a86b4e47';
    expect(validateWorkstationSearch({ day: '2031-05-05', po })).toEqual({ day: '2031-05-05', po });
    expect(validateWorkstationSearch({ po })).toEqual({ po });
    expect(validateWorkstationSearch({})).toEqual({});
    expect(validateWorkstationSearch({ day: '5 May', po: 'PO-000001', other: 'x' })).toEqual({});
    expect(validateWorkstationSearch({ day: 20310505, po: 42 })).toEqual({});
  });
});
