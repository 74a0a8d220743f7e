import { encodedWidth, fitSize, fitText, textWidth, wrapText } from './helvetica';
import { encodeWinAnsi } from './winansi';

/**
 * A minimal PDF 1.4 writer: pages, Helvetica text, rectangles and lines — all labels and
 * receipts need. Coordinates are points (1/72 in) with the origin at the bottom-left corner, as
 * in PDF itself; text is placed by its baseline. Content streams are left uncompressed: the
 * documents are a few kilobytes and stay greppable.
 */

export { fitSize, fitText, textWidth, wrapText };

/** Page sizes in points. A4 is 210 × 297 mm; shipping labels are 4 × 6 in. */
export const PAGE = {
  A4: { width: 595.28, height: 841.89 },
  LABEL_4X6: { width: 288, height: 432 },
} as const;

/** 0 = black … 1 = white. */
export type Gray = number;

export interface TextOptions {
  bold?: boolean;
  /** Which point of the text `x` names: its start (default), middle or end. */
  align?: 'left' | 'center' | 'right';
  gray?: Gray;
  /** Truncate with "…" beyond this width. */
  maxWidth?: number;
}

export interface RectOptions {
  /** `true` = black. Defaults to black unless only `stroke` is given. */
  fill?: boolean | Gray;
  stroke?: boolean | Gray;
  lineWidth?: number;
}

export interface LineOptions {
  width?: number;
  gray?: Gray;
  /** Dash pattern in points, e.g. [3, 2]. */
  dash?: number[];
}

/** Numbers as PDF wants them: plain decimals (never exponents), at most 3 places. */
function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`PDF coordinates must be finite, got ${n}`);
  const rounded = Math.round(n * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A literal string's body: backslash, and both parentheses, are escaped. */
function escapeString(bytes: string): string {
  return bytes.replace(/[\\()]/g, (c) => `\\${c}`);
}

function grayOf(value: boolean | Gray): string {
  return num(value === true ? 0 : value === false ? 1 : value);
}

export class PdfPage {
  /** Content-stream operators as WinAnsi byte strings, one drawing per entry. */
  private readonly ops: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** Draws one line of text; returns its width in points (0 when nothing was drawn). */
  text(x: number, y: number, size: number, str: string, options: TextOptions = {}): number {
    const bold = options.bold ?? false;
    const shown = options.maxWidth === undefined ? str : fitText(str, size, options.maxWidth, bold);
    const bytes = encodeWinAnsi(shown);
    if (bytes.trim() === '') return 0;
    const width = encodedWidth(bytes, size, bold);
    const left = options.align === 'right' ? x - width : options.align === 'center' ? x - width / 2 : x;
    const font = bold ? 'F2' : 'F1';
    const draw = `BT /${font} ${num(size)} Tf ${num(left)} ${num(y)} Td (${escapeString(bytes)}) Tj ET`;
    // q/Q keeps a colour change from leaking into later drawings.
    this.ops.push(options.gray === undefined ? draw : `q ${num(options.gray)} g ${draw} Q`);
    return width;
  }

  /** A rectangle by its lower-left corner; filled black unless told otherwise. */
  rect(x: number, y: number, w: number, h: number, options: RectOptions = {}): void {
    const fill = options.fill ?? options.stroke === undefined;
    const stroke = options.stroke ?? false;
    if (fill === false && stroke === false) return;
    const state = [
      fill !== false ? `${grayOf(fill)} g` : '',
      stroke !== false ? `${grayOf(stroke)} G ${num(options.lineWidth ?? 1)} w` : '',
    ].filter(Boolean);
    const paint = fill !== false && stroke !== false ? 'B' : fill !== false ? 'f' : 'S';
    this.ops.push(`q ${state.join(' ')} ${num(x)} ${num(y)} ${num(w)} ${num(h)} re ${paint} Q`);
  }

  line(x1: number, y1: number, x2: number, y2: number, options: LineOptions = {}): void {
    const dash = `[${(options.dash ?? []).map(num).join(' ')}] 0 d`;
    const state = `${num(options.width ?? 1)} w ${num(options.gray ?? 0)} G ${dash}`;
    this.ops.push(`q ${state} ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`);
  }

  /** The page's content stream (WinAnsi byte string). */
  content(): string {
    return this.ops.join('\n');
  }
}

export interface DocumentInfo {
  title?: string;
  createdAt?: Date;
}

/** Info-dictionary text: UTF-16BE with a byte-order mark, so any title survives. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

function pdfDate(date: Date): string {
  const iso = date.toISOString(); // 2025-03-07T14:05:09.000Z
  return `(D:${iso.slice(0, 19).replace(/[-T:]/g, '')}Z)`;
}

/** A byte string (chars 0–255) as bytes. */
function toBytes(bytes: string): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if (code > 0xff) throw new Error(`internal: non-byte character U+${code.toString(16)} in PDF output`);
    out[i] = code;
  }
  return out;
}

export class PdfDocument {
  private readonly pages: PdfPage[] = [];

  constructor(private readonly info: DocumentInfo = {}) {}

  addPage(width: number, height: number): PdfPage {
    if (!(width > 0 && height > 0)) throw new RangeError(`page size must be positive, got ${width} × ${height}`);
    const page = new PdfPage(width, height);
    this.pages.push(page);
    return page;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /**
   * Objects: 1 catalog, 2 page tree, 3–4 fonts, 5 info, then a page and its content stream per
   * page. The xref table records each object's byte offset, so everything is written as a byte
   * string and offsets are string lengths.
   */
  toBytes(): Uint8Array {
    if (this.pages.length === 0) throw new Error('a PDF needs at least one page');
    const font = (name: string) => `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
    const info = [`/Producer (Shopfloor)`];
    if (this.info.title !== undefined) info.push(`/Title ${textString(this.info.title)}`);
    if (this.info.createdAt !== undefined) info.push(`/CreationDate ${pdfDate(this.info.createdAt)}`);
    const pageRef = (index: number) => `${6 + 2 * index} 0 R`;
    const bodies = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${this.pages.map((_, i) => pageRef(i)).join(' ')}] /Count ${this.pages.length} >>`,
      font('Helvetica'),
      font('Helvetica-Bold'),
      `<< ${info.join(' ')} >>`,
    ];
    this.pages.forEach((page, i) => {
      const content = page.content();
      bodies.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
          `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${7 + 2 * i} 0 R >>`,
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      );
    });
    // The second line's high bytes tell transfer tools the file is binary.
    let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    bodies.forEach((body, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = out.length;
    // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, 2-byte EOL.
    out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
    out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return toBytes(out);
  }
}
