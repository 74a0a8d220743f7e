import { ledgerCsvHeader, ledgerCsvRows, type LedgerCsvItem } from '../../../contracts/ledger-csv';
import type { Queryable } from '../../kernel/db/types';
import { listEntries, type EntryFilter } from './list-stock';

/** Rows read per round trip while streaming an export. */
const PAGE = 1000;

/**
 * The ledger's entries matching a filter as CSV, newest first, streamed page by page (keyset, as
 * the list reads them): an export of years of movements never sits in memory whole. Figures are
 * exactly as the API writes them; each row also names its item and unit, looked up once per
 * variant across the export.
 */
export function exportEntries(db: Queryable, filter: Omit<EntryFilter, 'documentId'>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const items = new Map<string, LedgerCsvItem>();
  let cursor: string | undefined;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(ledgerCsvHeader()));
        return;
      }
      const page = await listEntries(db, filter, { limit: PAGE, cursor });
      await learnItems(db, page.items.map((e) => e.variantId), items);
      if (page.items.length) controller.enqueue(encoder.encode(ledgerCsvRows(page.items, items)));
      if (page.nextCursor) cursor = page.nextCursor;
      else controller.close();
    },
  });
}

async function learnItems(db: Queryable, variantIds: string[], items: Map<string, LedgerCsvItem>): Promise<void> {
  const unknown = [...new Set(variantIds)].filter((id) => !items.has(id));
  if (!unknown.length) return;
  const rows = await db.query<{ id: string; name: string; uom: string }>(
    'select v.id, i.name, i.uom from variant v join item i on i.id = v.item_id where v.id = any($1::uuid[])', [unknown]);
  for (const r of rows) items.set(r.id, { itemName: r.name, unit: r.uom });
}
