import { describe, expect, it } from 'vitest';
import { encodeCode128 } from './code128';
import { pdfToText, qpdfCheck } from './external-tools';
import { inspectPdf } from './pdf-inspect';
import { type RequestReceiptInput, renderRequestReceipt } from './request-receipt';
import { type SkidLabelInput, renderSkidLabel } from './skid-label';

/** Structural checks always; qpdf adds its own when installed (logged when absent). */
function check(bytes: Uint8Array) {
  const qpdf = qpdfCheck(bytes);
  if (qpdf === null) console.info('qpdf not installed: structural checks only');
  else expect(qpdf.ok, qpdf.output).toBe(true);
  return inspectPdf(bytes);
}

const skid: SkidLabelInput = {
  label: 'SK-PO-000123-02',
  poNumber: 'PO-000123',
  customer: 'Northwind Vapour Supplies Ltd',
  place: 'B-04-2',
  boxes: 1250,
  stamped: '12000.5',
  regions: ['EU', 'UK'],
  printedAt: new Date('2025-03-07T14:05:09Z'),
};

describe('skid label', () => {
  it('renders a 4 × 6 in page with the label, its barcode and the facts', () => {
    const pdf = check(renderSkidLabel(skid));
    expect(pdf.pageSizes).toEqual([[288, 432]]);
    const texts = pdf.texts[0]!;
    for (const expected of ['SK-PO-000123-02', 'PO-000123', 'Northwind Vapour Supplies Ltd', 'B-04-2', '1,250', '12,000.5', 'EU, UK']) {
      expect(texts).toContain(expected);
    }
    expect(texts).toContain('Printed 2025-03-07 14:05 UTC');
    const bars = pdf.contents[0]!.split('\n').filter((op) => op.startsWith('q 0 g') && op.endsWith('re f Q'));
    expect(bars).toHaveLength((encodeCode128(skid.label).widths.length + 1) / 2);
    const text = pdfToText(renderSkidLabel(skid));
    if (text !== null) expect(text).toContain('SK-PO-000123-02');
  });

  it('keeps long texts on the label instead of throwing or overflowing', () => {
    const long = 'Very Long Customer Name With Many Words '.repeat(12);
    const pdf = check(
      renderSkidLabel({
        ...skid,
        label: 'SK-PO-000000000000123456789-9999',
        customer: long,
        place: 'Warehouse 7 / Aisle 12 / Rack 44 / Shelf 3',
        stamped: '123456789012.123456',
        regions: Array.from({ length: 40 }, (_, i) => `Region ${i} — “quoted”`),
        timeZone: 'Europe/Warsaw',
      }),
    );
    const texts = pdf.texts[0]!;
    // The consignee wraps onto two lines, the second cut with "…".
    const first = texts.findIndex((t) => t.startsWith('Very Long'));
    expect(texts[first + 1]).toMatch(/^Words .*…$/);
    expect(texts).toContain('123,456,789,012.123456');
    expect(texts).toContain('Warehouse 7 / Aisle 12 / Rack 44 / Shelf 3');
    expect(texts).toContain('Printed 2025-03-07 15:05 CET');
    // Every drawing stays on the page.
    for (const [, x] of pdf.contents[0]!.matchAll(/ ([\d.-]+) [\d.-]+ Td/g)) expect(Number(x)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a label the barcode could not carry', () => {
    expect(() => renderSkidLabel({ ...skid, label: 'SK—1' })).toThrow(/cannot encode/);
  });
});

const line = (i: number): RequestReceiptInput['lines'][number] => ({
  brand: `Brand ${i}`,
  flavour: i % 7 === 0 ? 'Mango ice with a very long flavour description that will not fit' : 'Mint',
  volumeMl: '10',
  strengthMg: '12.5',
  region: 'EU',
  qty: `${1000 + i}.000`,
});

const receipt: RequestReceiptInput = {
  number: 'PR-000042',
  customer: 'Northwind Vapour Supplies Ltd',
  shipment: 'SH-2025-0007',
  requestedDay: '2025-03-14',
  deliveryDate: null,
  deliveryDetails: 'Dock 3, ask for Ana (ext. 204) — before 10:00',
  submittedAt: new Date('2025-03-07T09:30:00Z'),
  lines: [line(1), line(2)],
};

describe('request receipt', () => {
  it('renders an A4 page with the title, the facts, the lines and the barcode', () => {
    const bytes = renderRequestReceipt(receipt);
    const pdf = check(bytes);
    expect(pdf.pageSizes).toEqual([[595.28, 841.89]]);
    const texts = pdf.texts[0]!;
    expect(texts).toContain('Production request PR-000042 — received');
    for (const expected of ['Brand', 'Flavour', 'mL', 'Nic mg', 'Region', 'Qty', 'Brand 1', '1,001.000', '12.5', 'PR-000042']) {
      expect(texts).toContain(expected);
    }
    expect(texts).toContain('Dock 3, ask for Ana (ext. 204) — before 10:00');
    expect(texts).toContain('—'); // no delivery date
    expect(texts).toContain('2025-03-07 09:30 UTC');
    expect(texts).toContain('Page 1 of 1');
    const text = pdfToText(bytes);
    if (text !== null) expect(text).toContain('Production request PR-000042 — received');
  });

  it('continues a long table on further pages, with the header repeated', () => {
    const lines = Array.from({ length: 120 }, (_, i) => line(i + 1));
    const pdf = check(renderRequestReceipt({ ...receipt, lines, deliveryDetails: 'x '.repeat(400) }));
    expect(pdf.pageSizes.length).toBeGreaterThan(1);
    const all = pdf.texts.flat();
    for (let i = 1; i <= 120; i++) expect(all).toContain(`Brand ${i}`);
    expect(all).toContain('120 lines');
    pdf.texts.forEach((texts, i) => {
      expect(texts).toContain(`Page ${i + 1} of ${pdf.pageSizes.length}`);
      expect(texts).toContain('Nic mg');
    });
    expect(pdf.texts[1]).toContain('Production request PR-000042 — continued');
    expect(all.filter((t) => t.startsWith('Mango ice')).every((t) => t.endsWith('…'))).toBe(true);
  });

  it('shrinks long quantities rather than cutting digits', () => {
    const big = { ...line(1), qty: '123456789012.123456', volumeMl: '1000000' };
    const pdf = check(renderRequestReceipt({ ...receipt, lines: [big] }));
    expect(pdf.texts[0]).toContain('123,456,789,012.123456');
    expect(pdf.texts[0]).toContain('1,000,000');
  });

  it('renders a request without lines', () => {
    expect(check(renderRequestReceipt({ ...receipt, lines: [] })).texts[0]).toContain('No lines.');
  });
});
