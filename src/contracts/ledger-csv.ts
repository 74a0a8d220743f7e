import type { StockEntryDto } from './inventory';
import { toCsv } from './csv-write';

/** Who posted an entry: the user's name, or "system" for seeded and automatic postings. */
export const actorOf = (e: StockEntryDto): string => e.actorLabel ?? (e.actorId ? 'unknown user' : 'system');

/** What the export adds to an entry so a spreadsheet reads without the catalog beside it. */
export interface LedgerCsvItem {
  itemName: string;
  unit: string;
}

type Column = [header: string, value: (e: StockEntryDto, item: LedgerCsvItem | undefined) => string | null];

// New columns go last: spreadsheets and scripts already read these by position.
const COLUMNS: Column[] = [
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
  ['item_name', (_, item) => item?.itemName ?? null],
  ['unit', (_, item) => item?.unit ?? null],
  ['entry_id', (e) => e.id],
  // a cancellation's entries name the entry they reverse, so both sides of a cancel can be paired
  ['reverses_entry', (e) => e.reversesEntryId],
];

/** The ledger CSV's header line. */
export const ledgerCsvHeader = (): string => toCsv([COLUMNS.map(([h]) => h)]);

/** Ledger entries as CSV lines, figures exactly as the API writes them (no rounding, no separators). */
export const ledgerCsvRows = (entries: StockEntryDto[], items: ReadonlyMap<string, LedgerCsvItem> = new Map()): string =>
  entries.length ? toCsv(entries.map((e) => COLUMNS.map(([, get]) => get(e, items.get(e.variantId))))) : '';
