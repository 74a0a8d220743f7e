/**
 * Unicode → WinAnsiEncoding (PDF 1.4 Annex D), the single-byte encoding the standard 14 fonts
 * use without embedding anything. The result is a "byte string": one char per byte, 0–255.
 */

/** WinAnsi 0x80–0x9F differs from Latin-1: these are the Unicode characters it puts there. */
const HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86,
  0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c,
  0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Look-alikes for characters WinAnsi lacks, so a label never shows a missing glyph. */
const LOOK_ALIKE: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '\u2013', '\u2015': '\u2014', '\u2212': '-',
  '\u2032': "'", '\u2033': '"', '\u201b': '\u2018', '\u201f': '\u201c', '\u2043': '-',
  '\u2219': '\u00b7', '\u22c5': '\u00b7', '\u2192': '->', '\u2190': '<-', '\u2264': '<=',
  '\u2265': '>=', '\u2260': '!=', '\u2248': '~', '\u2116': 'No.', '\u0131': 'i', '\u0141': 'L',
  '\u0142': 'l', '\u0110': 'D', '\u0111': 'd', '\u0126': 'H', '\u0127': 'h',
  '\u2002': ' ', '\u2003': ' ', '\u2007': ' ', '\u2009': ' ', '\u200a': ' ',
  '\u202f': ' ', '\u200b': '', '\u200c': '', '\u200d': '', '\ufeff': '',
};

/** The WinAnsi byte for one code point, or undefined when WinAnsi has no such character. */
function byteOf(cp: number): number | undefined {
  if (cp >= 0x20 && cp <= 0x7e) return cp;
  if (cp >= 0xa0 && cp <= 0xff) return cp;
  return HIGH[cp];
}

/** Encode text for a Helvetica string: unknown characters become a look-alike, their base letter
 *  (ą → a), or "?"; control characters (tabs, line breaks) become spaces. */
export function encodeWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const direct = byteOf(cp);
    if (direct !== undefined) out += String.fromCharCode(direct);
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
    else if (LOOK_ALIKE[ch] !== undefined) out += encodeWinAnsi(LOOK_ALIKE[ch]);
    else out += baseLetter(ch);
  }
  return out;
}

/** Drop combining marks (NFD) and keep the base when WinAnsi has it: "ő" → "o", "ș" → "s". */
function baseLetter(ch: string): string {
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (base && base !== ch && [...base].every((c) => byteOf(c.codePointAt(0)!) !== undefined)) {
    return [...base].map((c) => String.fromCharCode(byteOf(c.codePointAt(0)!)!)).join('');
  }
  return '?';
}

const UNICODE_OF_HIGH = new Map(Object.entries(HIGH).map(([cp, byte]) => [byte, Number(cp)]));

/** Back to Unicode (for tests and debugging of content streams). */
export function decodeWinAnsi(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes.charCodeAt(i);
    out += String.fromCodePoint(UNICODE_OF_HIGH.get(b) ?? b);
  }
  return out;
}
