import { guardFormula } from './csv-formula';

const needsQuotes = /[",\r\n]/;

/**
 * Rows as RFC 4180 CSV lines (CRLF): a field with a comma, quote or line break is quoted, quotes
 * doubled; text a spreadsheet would run as a formula is kept as text (`guardFormula`). Shared by
 * the server's exports and the screens'.
 */
export function toCsv(rows: Array<Array<string | number | null | undefined>>): string {
  return rows
    .map((r) => r.map((v) => {
      const s = v === null || v === undefined ? '' : guardFormula(String(v));
      return needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    }).join(','))
    .join('\r\n') + '\r\n';
}
