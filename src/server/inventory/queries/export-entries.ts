import { ledgerCsvHeader, ledgerCsvRows } from '../../../contracts/ledger-csv';
import type { Queryable } from '../../kernel/db/types';
import { listEntries, type EntryFilter } from './list-stock';

/** Rows read per round trip while streaming an export. */
const PAGE = 1000;

/**
 * The ledger's entries matching a filter as CSV, newest first, streamed page by page (keyset, as
 * the list reads them): an export of years of movements never sits in memory whole. Figures are
 * exactly as the API writes them.
 */
export function exportEntries(db: Queryable, filter: Omit<EntryFilter, 'documentId'>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
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
      if (page.items.length) controller.enqueue(encoder.encode(ledgerCsvRows(page.items)));
      if (page.nextCursor) cursor = page.nextCursor;
      else controller.close();
    },
  });
}
