import type { PdfPage } from './pdf';

/**
 * Code 128 (ISO/IEC 15417), code sets B and C: printable ASCII, with runs of digits packed two
 * per symbol in set C when the switch pays for itself. Every symbol is 11 modules wide (three
 * bars, three spaces); the stop pattern is 13.
 */

/** Bar/space widths of symbol values 0–106 (bar first); 103–105 are the starts, 106 the stop. */
// prettier-ignore
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const CODE128_PATTERNS: readonly string[] = PATTERNS;
export const START_B = 104;
export const START_C = 105;
export const CODE_B = 100;
export const CODE_C = 99;
export const STOP = 106;
/** Blank modules required on each side so a scanner finds the start and stop. */
export const QUIET_ZONE_MODULES = 10;

export interface Code128 {
  /** Symbol values: start, data (with any code-set switches), checksum; the stop is implied. */
  values: number[];
  checksum: number;
  /** Bar and space widths in modules, bar first, from the start symbol through the stop. */
  widths: number[];
  /** Total width in modules, quiet zones included. */
  modules: number;
}

function digitRun(text: string, from: number): number {
  let n = 0;
  while (from + n < text.length && text.charCodeAt(from + n) >= 48 && text.charCodeAt(from + n) <= 57) n++;
  return n;
}

/** Encodes printable ASCII (32–127); anything else is refused rather than silently mangled. */
export function encodeCode128(text: string): Code128 {
  if (text.length === 0) throw new RangeError('Code 128 needs at least one character');
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 32 || code > 127) throw new RangeError(`Code 128 set B cannot encode ${JSON.stringify(ch)}`);
  }
  // Set C halves digit runs but each switch costs a symbol: worth it for 4+ digits at an end, 6+ inside.
  const allDigitsEven = digitRun(text, 0) === text.length && text.length % 2 === 0;
  let set: 'B' | 'C' = digitRun(text, 0) >= 4 || allDigitsEven ? 'C' : 'B';
  const values = [set === 'C' ? START_C : START_B];
  let i = 0;
  while (i < text.length) {
    const run = digitRun(text, i);
    if (set === 'C') {
      if (run >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
        continue;
      }
      values.push(CODE_B);
      set = 'B';
    }
    const worthC = run >= 6 || (run >= 4 && i + run === text.length);
    // An odd run keeps its first digit in set B so set C gets whole pairs.
    if (worthC && run % 2 === 0) {
      values.push(CODE_C);
      set = 'C';
      continue;
    }
    values.push(text.charCodeAt(i) - 32);
    i++;
  }
  const checksum = values.reduce((sum, v, k) => sum + (k === 0 ? v : k * v), 0) % 103;
  values.push(checksum);
  const widths = [...values, STOP].flatMap((v) => [...PATTERNS[v]!].map(Number));
  return { values, checksum, widths, modules: widths.reduce((a, b) => a + b, 0) + 2 * QUIET_ZONE_MODULES };
}

export interface DrawCode128Options {
  /** Size of the human-readable text under the bars; 0 hides it. Default 9. */
  fontSize?: number;
}

/**
 * Draws `value` in the box whose lower-left corner is (x, y): quiet zones inside `width`, the
 * bars above the human-readable text. Returns the module width in points so callers can check
 * it is printable (about two printer dots or more: ≥ 0.7 pt at 203 dpi).
 */
export function drawCode128(
  page: PdfPage,
  x: number,
  y: number,
  width: number,
  height: number,
  value: string,
  options: DrawCode128Options = {},
): { moduleWidth: number } {
  const code = encodeCode128(value);
  const moduleWidth = width / code.modules;
  const fontSize = options.fontSize ?? 9;
  const textBand = fontSize > 0 ? fontSize + 3 : 0;
  const barHeight = height - textBand;
  if (barHeight <= 0) throw new RangeError(`barcode height ${height} leaves no room for bars`);
  let cursor = x + QUIET_ZONE_MODULES * moduleWidth;
  code.widths.forEach((w, k) => {
    if (k % 2 === 0) page.rect(cursor, y + textBand, w * moduleWidth, barHeight);
    cursor += w * moduleWidth;
  });
  if (fontSize > 0) page.text(x + width / 2, y + 1, fontSize, value, { align: 'center', maxWidth: width });
  return { moduleWidth };
}
