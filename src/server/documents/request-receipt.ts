import { drawCode128 } from './code128';
import { formatDateTime, groupThousands } from './format';
import { PAGE, PdfDocument, type PdfPage, fitSize, wrapText } from './pdf';

/** A customer's production request as received. Decimals arrive as exact strings. */
export interface RequestReceiptInput {
  number: string;
  customer: string;
  shipment: string;
  requestedDay: string;
  deliveryDate: string | null;
  deliveryDetails: string | null;
  submittedAt: Date;
  lines: Array<{ brand: string; flavour: string; volumeMl: string; strengthMg: string; region: string; qty: string }>;
  /** IANA zone for the submitted time; UTC when absent. */
  timeZone?: string;
}

type Line = RequestReceiptInput['lines'][number];

const { width: W, height: H } = PAGE.A4;
const MARGIN = 42;
const INNER = W - 2 * MARGIN;
const BOTTOM = 60; // table rows stop here; the footer sits below
const ROW = 15;
const FONT = 9;
const DASH = '\u2014';

interface Column {
  title: string;
  width: number;
  right?: boolean;
  cell: (line: Line) => string;
}

const COLUMNS: Column[] = [
  { title: 'Brand', width: 115, cell: (l) => l.brand },
  { title: 'Flavour', width: 140, cell: (l) => l.flavour },
  { title: 'mL', width: 50, right: true, cell: (l) => groupThousands(l.volumeMl) },
  { title: 'Nic mg', width: 50, right: true, cell: (l) => l.strengthMg },
  { title: 'Region', width: 70, cell: (l) => l.region },
  { title: 'Qty', width: INNER - 425, right: true, cell: (l) => groupThousands(l.qty) },
];
const PAD = 4;

/** One table row with its baseline `ROW` below `y` (the row's top edge, in PDF coordinates). */
function row(page: PdfPage, y: number, cells: string[], bold: boolean) {
  let x = MARGIN;
  COLUMNS.forEach((col, i) => {
    const maxWidth = col.width - 2 * PAD;
    const at = col.right ? x + col.width - PAD : x + PAD;
    const text = cells[i] ?? '';
    // Numbers (right-aligned) shrink rather than lose digits; words are cut with "…".
    const size = col.right ? fitSize(text, FONT, maxWidth, 5, bold) : FONT;
    page.text(at, y - ROW + 4.5, size, text, { bold, maxWidth, align: col.right ? 'right' : 'left' });
    x += col.width;
  });
}

function tableHeader(page: PdfPage, y: number): number {
  page.rect(MARGIN, y - ROW, INNER, ROW, { fill: 0.88 });
  row(page, y, COLUMNS.map((c) => c.title), true);
  return y - ROW;
}

/** The facts block beside the barcode; returns the y under its last line. */
function facts(page: PdfPage, input: RequestReceiptInput, top: number, width: number): number {
  const entries: Array<[string, string]> = [
    ['Customer', input.customer],
    ['Shipment', input.shipment],
    ['Requested day', input.requestedDay],
    ['Delivery date', input.deliveryDate ?? ''],
    ['Delivery details', input.deliveryDetails ?? ''],
    ['Submitted', formatDateTime(input.submittedAt, input.timeZone)],
  ];
  let y = top;
  for (const [caption, value] of entries) {
    page.text(MARGIN, y - 10, 10, caption, { gray: 0.35 });
    const lines = wrapText(value.trim() || DASH, 10, width - 100, caption === 'Delivery details' ? 4 : 2);
    lines.forEach((line, i) => page.text(MARGIN + 100, y - 10 - i * 13, 10, line));
    y -= lines.length * 13 + 3;
  }
  return y;
}

/**
 * A4 receipt: title, facts and a Code 128 of the request number on the first page, then the
 * lines as a table that continues on further pages, each with the header row repeated and a
 * "Page i of n" footer (written once the page count is known).
 */
export function renderRequestReceipt(input: RequestReceiptInput): Uint8Array {
  const title = `Production request ${input.number} ${DASH} received`;
  const doc = new PdfDocument({ title, createdAt: input.submittedAt });
  const pages: PdfPage[] = [doc.addPage(W, H)];
  let page = pages[0]!;

  let y = H - MARGIN;
  for (const line of wrapText(title, 18, INNER, 2, true)) {
    y -= 20;
    page.text(MARGIN, y, 18, line, { bold: true });
  }
  y -= 18;
  const barcodeWidth = 190;
  drawCode128(page, W - MARGIN - barcodeWidth, y - 62, barcodeWidth, 62, input.number);
  y = Math.min(facts(page, input, y, INNER - barcodeWidth - 16), y - 62) - 18;

  page.text(MARGIN, y - 12, 12, 'Lines', { bold: true });
  y = tableHeader(page, y - 18);
  if (input.lines.length === 0) {
    row(page, y, ['No lines.'], false);
    y -= ROW;
  }
  input.lines.forEach((line, i) => {
    if (y - ROW < BOTTOM) {
      page = doc.addPage(W, H);
      pages.push(page);
      page.text(MARGIN, H - MARGIN - 12, 12, `Production request ${input.number} ${DASH} continued`, {
        bold: true,
        maxWidth: INNER,
      });
      y = tableHeader(page, H - MARGIN - 24);
    }
    // Every other row shaded so a long line can be followed across the page.
    if (i % 2 === 1) page.rect(MARGIN, y - ROW, INNER, ROW, { fill: 0.96 });
    row(page, y, COLUMNS.map((c) => c.cell(line)), false);
    y -= ROW;
  });
  page.line(MARGIN, y, MARGIN + INNER, y, { width: 0.5 });
  const count = input.lines.length;
  page.text(MARGIN + INNER, y - 12, FONT, `${groupThousands(String(count))} line${count === 1 ? '' : 's'}`, {
    align: 'right',
    gray: 0.35,
  });

  pages.forEach((p, i) => {
    p.text(MARGIN, 30, 8, `Production request ${input.number}`, { gray: 0.35, maxWidth: INNER - 80 });
    p.text(W - MARGIN, 30, 8, `Page ${i + 1} of ${pages.length}`, { gray: 0.35, align: 'right' });
  });
  return doc.toBytes();
}
