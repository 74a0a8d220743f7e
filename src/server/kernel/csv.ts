import { unguardFormula } from '../../contracts/csv-formula';

/**
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold a comma,
 * quote or line break (a quote inside is doubled). Used for master-data import and ledger export.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark from spreadsheet exports
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export { toCsv } from '../../contracts/csv-write';

/**
 * Rows as records keyed by the (trimmed, lower-cased) header row; `overlong` lists the records
 * (by index) holding more fields than the header names, whose extra fields would be lost.
 */
export function csvRecords(text: string): { header: string[]; records: Array<Record<string, string>>; overlong: number[] } {
  const [head = [], ...body] = parseCsv(text);
  const header = head.map((h) => h.trim().toLowerCase());
  const overlong = body.flatMap((r, i) => (r.slice(header.length).some((f) => f.trim() !== '') ? [i] : []));
  return { header, records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, unguardFormula((r[i] ?? '').trim())]))), overlong };
}
