import { encodeWinAnsi } from './winansi';

/**
 * Advance widths (1/1000 em) of Helvetica and Helvetica-Bold for WinAnsi codes 32–255, from
 * Adobe's core-14 AFM files. Viewers must use these same metrics for the standard fonts, so
 * measuring here is exact enough to right-align and truncate (we never apply kerning).
 */
// prettier-ignore
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 584, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
  556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
  0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
  278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
  400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
  667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

// prettier-ignore
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 584, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
  556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
  0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
  278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
  400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
  722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
  611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

const ELLIPSIS = '\u2026';

/** Width in points of already-encoded WinAnsi bytes. */
export function encodedWidth(bytes: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (let i = 0; i < bytes.length; i++) units += table[bytes.charCodeAt(i) - 32] ?? 0;
  return (units * size) / 1000;
}

/** Width in points of `text` set in Helvetica (or Helvetica-Bold) at `size`. */
export function textWidth(text: string, size: number, bold = false): number {
  return encodedWidth(encodeWinAnsi(text), size, bold);
}

/** The largest size ≤ `size` (but ≥ `minSize`) at which `text` fits `maxWidth`: for numbers and
 *  codes, which must shrink rather than lose characters. */
export function fitSize(text: string, size: number, maxWidth: number, minSize: number, bold = false): number {
  const width = textWidth(text, size, bold);
  return width <= maxWidth ? size : Math.max(minSize, Math.floor(((size * maxWidth) / width) * 10) / 10);
}

/** `text` cut to fit `maxWidth`, ending in "…" when anything was cut. */
export function fitText(text: string, size: number, maxWidth: number, bold = false): string {
  return textWidth(text, size, bold) <= maxWidth ? text : withEllipsis(text, size, maxWidth, bold);
}

/** The longest prefix of `text` that fits together with a trailing "…" (linear, for long input). */
function withEllipsis(text: string, size: number, maxWidth: number, bold: boolean): string {
  const room = maxWidth - textWidth(ELLIPSIS, size, bold);
  const chars = [...text];
  let used = 0;
  let n = 0;
  for (; n < chars.length; n++) {
    used += textWidth(chars[n]!, size, bold);
    if (used > room) break;
  }
  return n > 0 ? chars.slice(0, n).join('').trimEnd() + ELLIPSIS : '';
}

/** Greedy word wrap into at most `maxLines` lines; overflow ends the last line with "…". */
export function wrapText(text: string, size: number, maxWidth: number, maxLines: number, bold = false): string[] {
  const fits = (s: string) => textWidth(s, size, bold) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // Break words wider than a whole line: codes and references have no spaces to wrap at.
    while ([...word].length > 1 && !fits(word)) {
      const chars = [...word];
      let n = chars.length - 1;
      while (n > 1 && !fits(chars.slice(0, n).join(''))) n--;
      lines.push(chars.slice(0, n).join(''));
      word = chars.slice(n).join('');
    }
    line = word;
    if (lines.length > maxLines) break;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1]!, size, maxWidth, bold);
  return kept;
}
