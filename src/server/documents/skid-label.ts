import { drawCode128 } from './code128';
import { formatDateTime, groupThousands } from './format';
import { PAGE, PdfDocument, type PdfPage, fitSize, wrapText } from './pdf';

/** What goes on a skid (pallet) label. Quantities arrive as exact decimal strings. */
export interface SkidLabelInput {
  label: string;
  poNumber: string;
  customer: string;
  place: string;
  boxes: number;
  stamped: string;
  regions: string[];
  printedAt: Date;
  /** IANA zone for the printed date; UTC when absent. */
  timeZone?: string;
}

const { width: W, height: H } = PAGE.LABEL_4X6;
const MARGIN = 14;
const INNER = W - 2 * MARGIN;
const CAPTION = 7;

/** A small grey caption with its value under it; `top` is measured down from the page top. The
 *  value shrinks to fit (down to 6 pt) before anything is cut: a quantity should not lose digits. */
function field(page: PdfPage, x: number, top: number, width: number, caption: string, value: string, size: number) {
  page.text(x, H - top - CAPTION, CAPTION, caption.toUpperCase(), { gray: 0.35, maxWidth: width });
  const fitted = fitSize(value, size, width, 6, true);
  page.text(x, H - top - CAPTION - 3 - size * 0.75, fitted, value, { bold: true, maxWidth: width });
}

/**
 * A 4 × 6 in portrait label, laid out for reading at arm's length: the skid label and its
 * barcode on top, then consignee, PO, put-away place and contents. Long texts shrink or are
 * cut with "…" rather than overflow. The label itself must be printable ASCII: a barcode that
 * does not say what is printed beside it is worse than an error.
 */
export function renderSkidLabel(input: SkidLabelInput): Uint8Array {
  const doc = new PdfDocument({ title: `Skid label ${input.label}`, createdAt: input.printedAt });
  const page = doc.addPage(W, H);

  page.text(MARGIN, H - MARGIN - 8, 8, 'SKID LABEL', { bold: true, gray: 0.35 });

  // The label text as large as fits the width (12–30 pt); beyond that it is cut.
  const size = fitSize(input.label, 30, INNER, 12, true);
  page.text(W / 2, H - 34 - size * 0.75, size, input.label, { bold: true, align: 'center', maxWidth: INNER });

  drawCode128(page, MARGIN - 4, H - 160, INNER + 8, 90, input.label, { fontSize: 0 });
  page.line(MARGIN, H - 170, W - MARGIN, H - 170, { width: 1.5 });

  page.text(MARGIN, H - 182, CAPTION, 'CONSIGNEE', { gray: 0.35 });
  wrapText(input.customer, 14, INNER, 2, true).forEach((line, i) => {
    page.text(MARGIN, H - 198 - i * 16, 14, line, { bold: true });
  });

  page.line(MARGIN, H - 226, W - MARGIN, H - 226, { width: 0.5 });
  const third = (INNER - 16) / 3;
  field(page, MARGIN, 232, third, 'PO', input.poNumber, 13);
  field(page, MARGIN + third + 8, 232, third, 'Boxes', groupThousands(String(input.boxes)), 13);
  field(page, MARGIN + 2 * (third + 8), 232, third, 'Units stamped', groupThousands(input.stamped), 13);
  // The put-away place gets the full width: it is read from a forklift.
  field(page, MARGIN, 268, INNER, 'Put-away place', input.place, 24);

  page.line(MARGIN, H - 308, W - MARGIN, H - 308, { width: 0.5 });
  page.text(MARGIN, H - 320, CAPTION, 'REGIONS', { gray: 0.35 });
  const regions = input.regions.length > 0 ? input.regions.join(', ') : '\u2014';
  wrapText(regions, 11, INNER, 4, false).forEach((line, i) => {
    page.text(MARGIN, H - 334 - i * 13, 11, line);
  });

  page.line(MARGIN, MARGIN + 14, W - MARGIN, MARGIN + 14, { width: 0.5 });
  page.text(MARGIN, MARGIN + 2, 8, `Printed ${formatDateTime(input.printedAt, input.timeZone)}`, { gray: 0.35 });
  page.text(W - MARGIN, MARGIN + 2, 8, 'Shopfloor', { gray: 0.35, align: 'right' });
  return doc.toBytes();
}
