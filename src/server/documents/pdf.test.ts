import { describe, expect, it } from 'vitest';
import { pdfToText, qpdfCheck } from './external-tools';
import { PAGE, PdfDocument, fitText, textWidth, wrapText } from './pdf';
import { inspectPdf } from './pdf-inspect';
import { decodeWinAnsi, encodeWinAnsi } from './winansi';

function latin1(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
}

/** Structural checks always; qpdf and pdftotext add theirs when installed. */
function expectValid(bytes: Uint8Array, expectedText?: string) {
  const pdf = inspectPdf(bytes);
  const qpdf = qpdfCheck(bytes);
  if (qpdf === null) console.info('qpdf not installed: structural checks only');
  else expect(qpdf.ok, qpdf.output).toBe(true);
  const text = pdfToText(bytes);
  if (text === null) console.info('pdftotext not installed: structural checks only');
  else if (expectedText !== undefined) expect(text).toContain(expectedText);
  return pdf;
}

describe('PdfDocument', () => {
  it('writes a well-formed file: header, xref offsets at their objects, trailer /Size, %%EOF', () => {
    const doc = new PdfDocument({ title: 'Zażółć — test' });
    doc.addPage(PAGE.A4.width, PAGE.A4.height).text(50, 800, 12, 'Hello');
    doc.addPage(PAGE.LABEL_4X6.width, PAGE.LABEL_4X6.height).text(10, 10, 20, 'Label', { bold: true });
    const bytes = doc.toBytes();
    const s = latin1(bytes);
    expect(s.startsWith('%PDF-1.4\n')).toBe(true);
    expect(s.trimEnd().endsWith('%%EOF')).toBe(true);

    // Independent of pdf-inspect: every xref entry names the object at its offset.
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(s)![1]);
    const [, count] = /^xref\n0 (\d+)\n/.exec(s.slice(xrefAt))!;
    const entries = s.slice(xrefAt).split('\n').slice(2, 2 + Number(count));
    entries.slice(1).forEach((entry, i) => {
      expect(s.startsWith(`${i + 1} 0 obj`, Number(entry.slice(0, 10)))).toBe(true);
    });
    expect(s).toContain(`/Size ${count} `);

    const pdf = expectValid(bytes, 'Hello');
    expect(pdf.size).toBe(Number(count));
    expect(pdf.pageSizes).toEqual([[595.28, 841.89], [288, 432]]);
    expect(pdf.texts).toEqual([['Hello'], ['Label']]);
    expect(pdf.contents[1]).toContain('/F2 20 Tf');
    // The title is UTF-16BE so it keeps characters WinAnsi lacks.
    expect(s).toContain('/Title <FEFF005A0061017C00F3014201070020201400200074006500730074>');
  });

  it('escapes parentheses and backslashes in strings', () => {
    const doc = new PdfDocument();
    doc.addPage(200, 200).text(10, 10, 10, 'a (b) \\ c)');
    const pdf = expectValid(doc.toBytes());
    expect(pdf.contents[0]).toContain('(a \\(b\\) \\\\ c\\)) Tj');
    expect(pdf.texts[0]).toEqual(['a (b) \\ c)']);
  });

  it('keeps typographic punctuation as WinAnsi bytes and replaces what it lacks', () => {
    expect(encodeWinAnsi('“x” ‘y’ – — • · € ™')).toBe('\x93x\x94 \x91y\x92 \x96 \x97 \x95 \xb7 \x80 \x99');
    expect(encodeWinAnsi('Zażółć gęślą jaźń')).toBe('Zaz\xf3lc gesla jazn');
    expect(encodeWinAnsi('Łódź → 5 µg')).toBe('L\xf3dz -> 5 \xb5g');
    expect(encodeWinAnsi('tab\tline\nend')).toBe('tab line end');
    expect(encodeWinAnsi('日本 😀')).toBe('?? ?');
    expect(decodeWinAnsi(encodeWinAnsi('Request 7 — received'))).toBe('Request 7 — received');

    const doc = new PdfDocument();
    doc.addPage(300, 100).text(10, 50, 12, 'Request 7 — received');
    const bytes = doc.toBytes();
    expect(latin1(bytes)).toContain('(Request 7 \x97 received) Tj');
    expectValid(bytes, 'Request 7 — received');
  });

  it('measures Helvetica from the AFM widths and aligns by them', () => {
    // H e l l o = 722 + 556 + 222 + 222 + 556 units of 1/1000 em.
    expect(textWidth('Hello', 12)).toBeCloseTo(27.336, 6);
    expect(textWidth('Hello', 12, true)).toBeCloseTo(((722 + 556 + 278 + 278 + 611) * 12) / 1000, 6);
    expect(textWidth('—', 10)).toBe(10);
    const doc = new PdfDocument();
    const page = doc.addPage(300, 100);
    const width = page.text(200, 50, 12, 'Hello', { align: 'right' });
    page.text(100, 30, 12, 'Hello', { align: 'center' });
    expect(width).toBeCloseTo(27.336, 6);
    const [right, centre] = expectValid(doc.toBytes()).contents[0]!.split('\n');
    expect(right).toContain(`${Math.round((200 - 27.336) * 1000) / 1000} 50 Td`);
    expect(centre).toContain(`${Math.round((100 - 27.336 / 2) * 1000) / 1000} 30 Td`);
  });

  it('truncates and wraps within the width it is given', () => {
    const long = 'Aromatic tobacco with a hint of vanilla and caramel, limited edition';
    const cut = fitText(long, 10, 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(100);
    expect(fitText('Short', 10, 100)).toBe('Short');

    const lines = wrapText(`${long} ${'X'.repeat(80)}`, 10, 120, 4);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(120);
    expect(lines[3]!.endsWith('…')).toBe(true);
    expect(wrapText('one two', 10, 120, 3)).toEqual(['one two']);
    expect(wrapText('', 10, 120, 3)).toEqual([]);
  });

  it('draws rectangles and lines, and keeps colour changes local', () => {
    const doc = new PdfDocument();
    const page = doc.addPage(100, 100);
    page.rect(10, 10, 20, 5);
    page.rect(10, 20, 20, 5, { fill: 0.9, stroke: true, lineWidth: 0.5 });
    page.rect(10, 30, 20, 5, { stroke: 0.5 });
    page.line(0, 0, 100, 100, { width: 2, dash: [3, 2] });
    expect(expectValid(doc.toBytes()).contents[0]!.split('\n')).toEqual([
      'q 0 g 10 10 20 5 re f Q',
      'q 0.9 g 0 G 0.5 w 10 20 20 5 re B Q',
      'q 0.5 G 1 w 10 30 20 5 re S Q',
      'q 2 w 0 G [3 2] 0 d 0 0 m 100 100 l S Q',
    ]);
  });

  it('refuses what would make an invalid file', () => {
    expect(() => new PdfDocument().toBytes()).toThrow(/at least one page/);
    expect(() => new PdfDocument().addPage(0, 100)).toThrow(RangeError);
    const doc = new PdfDocument();
    expect(() => doc.addPage(100, 100).rect(Number.NaN, 0, 1, 1)).toThrow(RangeError);
  });
});
