import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE128_PATTERNS, CODE_B, CODE_C, QUIET_ZONE_MODULES, START_B, START_C, STOP, drawCode128, encodeCode128 } from './code128';
import { PdfDocument } from './pdf';
import { inspectPdf } from './pdf-inspect';

/** An independent reader: widths → symbol values → text, checking the checksum on the way. */
function decode(widths: number[]): string {
  const symbols: number[] = [];
  for (let i = 0; i + 6 <= widths.length - 7; i += 6) {
    const value = CODE128_PATTERNS.indexOf(widths.slice(i, i + 6).join(''));
    if (value < 0) throw new Error(`unknown pattern at ${i}`);
    symbols.push(value);
  }
  expect(widths.slice(-7).join('')).toBe(CODE128_PATTERNS[STOP]);
  const check = symbols.pop()!;
  expect(symbols.reduce((sum, v, k) => sum + (k === 0 ? v : k * v), 0) % 103).toBe(check);
  let set = symbols[0] === START_C ? 'C' : 'B';
  let text = '';
  for (const v of symbols.slice(1)) {
    // In set C, 0–99 are digit pairs (so 99 is "99", not Code C); in set B, 99 switches to C.
    if (set === 'C' && v < 100) text += String(v).padStart(2, '0');
    else if (v === CODE_B) set = 'B';
    else if (set === 'B' && v === CODE_C) set = 'C';
    else text += String.fromCharCode(v + 32);
  }
  return text;
}

describe('Code 128', () => {
  it('has the 107 patterns of the spec: 11 modules each (stop 13), even bar modules, all distinct', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    CODE128_PATTERNS.forEach((pattern, value) => {
      const widths = [...pattern].map(Number);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(value === STOP ? 13 : 11);
      expect(widths.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0) % 2).toBe(0);
    });
  });

  it('encodes "PJJ123C" as worked by hand', () => {
    // Start B 104; P=48 J=42 J=42 1=17 2=18 3=19 C=35 (ASCII − 32); the 3-digit run stays in set B.
    // 104 + 1·48 + 2·42 + 3·42 + 4·17 + 5·18 + 6·19 + 7·35 = 879; 879 mod 103 = 55.
    const code = encodeCode128('PJJ123C');
    expect(code.values).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55]);
    expect(code.checksum).toBe(55);
    const expected = ['211214', '313121', '112133', '112133', '123221', '223211', '221132', '131321', '311321', '2331112'];
    expect(code.widths.join('')).toBe(expected.join(''));
    // 9 symbols × 11 + stop 13 + two quiet zones of 10.
    expect(code.modules).toBe(9 * 11 + 13 + 2 * QUIET_ZONE_MODULES);
    expect(code.modules).toBe(132);
  });

  it('packs digit runs in set C when that is shorter', () => {
    // Start C 105; 12 34 56; 105 + 1·12 + 2·34 + 3·56 = 353; 353 mod 103 = 44.
    expect(encodeCode128('123456').values).toEqual([105, 12, 34, 56, 44]);
    const label = encodeCode128('SK-PO-000123-02');
    expect(label.values.slice(0, 12)).toEqual([START_B, 51, 43, 13, 48, 47, 13, CODE_C, 0, 1, 23, CODE_B]);
    expect(decode(label.widths)).toBe('SK-PO-000123-02');
    // An odd run keeps one digit in set B: "A" "1" then C "23" "45".
    expect(encodeCode128('A12345').values.slice(0, 6)).toEqual([START_B, 33, 17, CODE_C, 23, 45]);
    expect(decode(encodeCode128('12345AB').widths)).toBe('12345AB');
    // 99 is a digit pair in set C, the same value as Code C in set B.
    expect(encodeCode128('9900').values).toEqual([START_C, 99, 0, (105 + 99) % 103]);
    expect(decode(encodeCode128('X999999').widths)).toBe('X999999');
  });

  it('round-trips any printable ASCII text, with 11 modules per symbol', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789AZaz -./'), minLength: 1, maxLength: 40 }), (text) => {
        const code = encodeCode128(text);
        expect(decode(code.widths)).toBe(text);
        expect(code.modules).toBe(code.values.length * 11 + 13 + 2 * QUIET_ZONE_MODULES);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses characters it cannot encode', () => {
    expect(() => encodeCode128('')).toThrow(RangeError);
    expect(() => encodeCode128('SK—1')).toThrow(/cannot encode/);
    expect(() => encodeCode128('a\nb')).toThrow(/cannot encode/);
  });

  it('draws one filled rectangle per bar, inside the quiet zones, with the text under it', () => {
    const doc = new PdfDocument();
    const page = doc.addPage(300, 200);
    const { moduleWidth } = drawCode128(page, 10, 20, 264, 80, 'PJJ123C');
    expect(moduleWidth).toBe(2);
    const ops = inspectPdf(doc.toBytes()).contents[0]!.split('\n');
    const bars = ops.filter((op) => op.endsWith('re f Q'));
    expect(bars).toHaveLength((encodeCode128('PJJ123C').widths.length + 1) / 2);
    expect(bars[0]).toBe('q 0 g 30 32 4 68 re f Q'); // quiet zone 10 × 2 pt; start bar 2 modules
    expect(bars.at(-1)).toBe(`q 0 g ${10 + 264 - 20 - 4} 32 4 68 re f Q`); // stop ends on a 2-module bar
    expect(ops.at(-1)).toContain('(PJJ123C) Tj');
  });
});
