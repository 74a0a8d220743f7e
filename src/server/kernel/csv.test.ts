import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv, toCsv } from './csv';

describe('CSV', () => {
  it('parses quotes, doubled quotes, commas and line breaks inside fields, CRLF and a BOM', () => {
    const text = '\ufeffcode,name\r\nA1,"Flour, type ""00"""\r\nB2,"two\nlines"\n';
    expect(parseCsv(text)).toEqual([['code', 'name'], ['A1', 'Flour, type "00"'], ['B2', 'two\nlines']]);
  });
  it('round-trips what it writes', () => {
    const rows = [['a', 'b,c', 'say "hi"', '', 'x\ny']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  it('reads records by a case-insensitive header', () => {
    expect(csvRecords('Code, Name\nX,  Y \n').records).toEqual([{ code: 'X', name: 'Y' }]);
  });
  it('keeps text a spreadsheet would run as a formula as text, figures as figures, and reads it back as it was', () => {
    const written = toCsv([['name', 'qty'], ['=HYPERLINK("http://x")', '-5'], ['@SUM(A1)', '+3 units'], ["'=already quoted", "'plain"]]);
    expect(written.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",-5`);
    expect(written.split('\r\n')[2]).toBe("'@SUM(A1),'+3 units");
    expect(csvRecords(written).records).toEqual([
      { name: '=HYPERLINK("http://x")', qty: '-5' },
      { name: '@SUM(A1)', qty: '+3 units' },
      { name: "'=already quoted", qty: "'plain" },
    ]);
  });
});
