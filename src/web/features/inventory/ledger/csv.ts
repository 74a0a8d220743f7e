import { guardFormula } from '../../../../contracts/csv-formula';
import type { StockEntryDto } from '../../../api/types';

/** Who posted an entry: the user's name, or "system" for seeded and automatic postings. */
export const actorOf = (e: StockEntryDto): string => e.actorLabel ?? (e.actorId ? 'unknown user' : 'system');

const COLUMNS: Array<[header: string, value: (e: StockEntryDto) => string | null]> = [
  ['posted_at', (e) => e.postedAt],
  ['recorded_at', (e) => e.recordedAt],
  ['document', (e) => e.documentNumber],
  ['document_type', (e) => e.documentType],
  ['reason', (e) => e.reason],
  ['note', (e) => e.note],
  ['variant', (e) => e.variantCode],
  ['location', (e) => e.locationCode],
  ['lot', (e) => e.lotCode],
  ['grade', (e) => e.grade],
  ['qty', (e) => e.qty],
  ['qty_before', (e) => e.qtyBefore],
  ['qty_after', (e) => e.qtyAfter],
  ['value', (e) => e.value],
  ['unit_cost', (e) => e.unitCost],
  ['actor', (e) => actorOf(e)],
];

/**
 * RFC 4180 quoting: a field with a comma, quote or line break goes in quotes, quotes doubled. Text
 * a spreadsheet would run as a formula (a note starting with = + - @) is kept as text with a
 * leading apostrophe; figures such as -5 stay numbers.
 */
function field(value: string | null): string {
  if (value === null) return '';
  const safe = guardFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The ledger rows as CSV, figures exactly as the API wrote them (no rounding, no separators). */
export function entriesToCsv(entries: StockEntryDto[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const e of entries) lines.push(COLUMNS.map(([, get]) => field(get(e))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Hands a text file to the browser as a download; CSV with a byte-order mark, so spreadsheets read it as UTF-8. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([type.startsWith('text/csv') ? `\ufeff${text}` : text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
