import { decodeWinAnsi } from './winansi';

/**
 * Reads back the structure of a PDF this module wrote and throws on the first inconsistency:
 * header, xref entries pointing at the objects they name, trailer /Size, stream /Length, page
 * count. Used by the tests (no PDF tool is needed to trust the output) and handy when debugging.
 */
export interface PdfStructure {
  /** Object number → text between "N 0 obj" and "endobj". */
  objects: Map<number, string>;
  size: number;
  /** MediaBox [w, h] of each page, in page-tree order. */
  pageSizes: Array<[number, number]>;
  /** Each page's content stream (raw bytes as a string). */
  contents: string[];
  /** Each page's text-showing strings, unescaped and decoded to Unicode. */
  texts: string[][];
}

function fail(message: string): never {
  throw new Error(`invalid PDF: ${message}`);
}

function unescapeString(body: string): string {
  return body.replace(/\\([\\()])/g, '$1');
}

export function inspectPdf(bytes: Uint8Array): PdfStructure {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  if (!s.startsWith('%PDF-1.4\n')) fail('does not start with %PDF-1.4');
  const tail = /startxref\n(\d+)\n%%EOF\n?$/.exec(s) ?? fail('no startxref / %%EOF at the end');
  const xrefAt = Number(tail[1]);
  const head = /^xref\n0 (\d+)\n/.exec(s.slice(xrefAt)) ?? fail(`startxref ${xrefAt} does not point at "xref"`);
  const count = Number(head[1]);
  const entriesAt = xrefAt + head[0].length;
  const objects = new Map<number, string>();
  for (let n = 0; n < count; n++) {
    const entry = s.slice(entriesAt + 20 * n, entriesAt + 20 * (n + 1));
    const m = /^(\d{10}) (\d{5}) ([nf])( \n| \r|\r\n)$/.exec(entry) ?? fail(`xref entry ${n} is malformed`);
    if (n === 0 || m[3] === 'f') continue;
    const offset = Number(m[1]);
    if (!s.startsWith(`${n} 0 obj\n`, offset)) fail(`xref offset ${offset} does not point at "${n} 0 obj"`);
    const end = s.indexOf('\nendobj\n', offset);
    if (end < 0) fail(`object ${n} has no endobj`);
    objects.set(n, s.slice(offset + `${n} 0 obj\n`.length, end));
  }
  const trailer = /^trailer\n<<(.*?)>>\n/s.exec(s.slice(entriesAt + 20 * count)) ?? fail('no trailer after xref');
  const size = Number((/\/Size (\d+)/.exec(trailer[1]!) ?? fail('trailer has no /Size'))[1]);
  if (size !== count) fail(`trailer /Size ${size} but xref has ${count} entries`);
  const rootRef = /\/Root (\d+) 0 R/.exec(trailer[1]!) ?? fail('trailer has no /Root');
  const catalog = objects.get(Number(rootRef[1])) ?? fail('/Root object missing');
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog) ?? fail('catalog has no /Pages');
  const tree = objects.get(Number(pagesRef[1])) ?? fail('page tree missing');
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(tree) ?? fail('page tree has no /Kids'))[1]!.matchAll(/(\d+) 0 R/g)];
  const declared = Number((/\/Count (\d+)/.exec(tree) ?? fail('page tree has no /Count'))[1]);
  if (declared !== kids.length) fail(`/Count ${declared} but ${kids.length} kids`);

  const pageSizes: Array<[number, number]> = [];
  const contents: string[] = [];
  for (const [, ref] of kids) {
    const page = objects.get(Number(ref)) ?? fail(`page ${ref} missing`);
    if (!page.includes('/Type /Page ')) fail(`object ${ref} is not a page`);
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(page) ?? fail(`page ${ref} has no MediaBox`);
    pageSizes.push([Number(box[1]), Number(box[2])]);
    const contentRef = /\/Contents (\d+) 0 R/.exec(page) ?? fail(`page ${ref} has no /Contents`);
    const stream = objects.get(Number(contentRef[1])) ?? fail(`content ${contentRef[1]} missing`);
    const m = /^<< \/Length (\d+) >>\nstream\n/.exec(stream) ?? fail(`content ${contentRef[1]} is not a stream`);
    const data = stream.slice(m[0].length, m[0].length + Number(m[1]));
    if (stream.slice(m[0].length + Number(m[1])) !== '\nendstream') fail(`stream ${contentRef[1]} /Length is wrong`);
    contents.push(data);
  }
  const texts = contents.map((c) =>
    [...c.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => decodeWinAnsi(unescapeString(m[1]!))),
  );
  return { objects, size, pageSizes, contents, texts };
}
