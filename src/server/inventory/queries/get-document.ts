import Decimal from '../../../contracts/exact-decimal';
import type { StockDocumentDto, StockEntryDto } from '../../../contracts/inventory';
import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';
import { transitLines } from './transit-lines';

export const ENTRY_SELECT = `select e.id::text, e.document_id, d.number as document_number, d.type as document_type,
  e.document_line, e.posted_at, e.recorded_at, k.variant_id, v.code as variant_code, k.location_id, l.code as location_code,
  k.lot_id, lot.code as lot_code, k.grade, e.qty, ev.qty_after, ev.value, e.reason, d.note, e.actor_id, u.username as actor_label,
  e.reverses_entry_id::text
  from stock_entry e
  join stock_key k on k.id = e.key_id
  join stock_document d on d.id = e.document_id
  join variant v on v.id = k.variant_id
  join location l on l.id = k.location_id
  left join lot on lot.id = k.lot_id
  left join stock_entry_value ev on ev.entry_id = e.id
  left join app_user u on u.id = e.actor_id`;

export interface EntryRow {
  id: string; document_id: string; document_number: string; document_type: string; document_line: number;
  posted_at: Date; recorded_at: Date; variant_id: string; variant_code: string; location_id: string; location_code: string;
  lot_id: string | null; lot_code: string | null; grade: string; qty: string; qty_after: string | null; value: string | null;
  reason: string | null; note: string | null; actor_id: string | null; actor_label: string | null; reverses_entry_id: string | null;
}

export function toEntryDto(r: EntryRow): StockEntryDto {
  const after = r.qty_after ?? '0';
  return {
    id: r.id, documentId: r.document_id, documentNumber: r.document_number, documentType: r.document_type, line: r.document_line,
    postedAt: r.posted_at.toISOString(), recordedAt: r.recorded_at.toISOString(), variantId: r.variant_id, variantCode: r.variant_code,
    locationId: r.location_id, locationCode: r.location_code, lotId: r.lot_id, lotCode: r.lot_code, grade: r.grade, qty: r.qty,
    qtyBefore: subtract(after, r.qty), qtyAfter: after, value: r.value ?? '0',
    unitCost: r.value ? divide(r.value, r.qty) : null, reason: r.reason, note: r.note, actorId: r.actor_id, actorLabel: r.actor_label,
    reversesEntryId: r.reverses_entry_id,
  };
}

const subtract = (a: string, b: string) => new Decimal(a).minus(b).toString();
const divide = (a: string, b: string) => new Decimal(a).div(b).abs().toDecimalPlaces(6).toString();

/** A document just posted (not shipped) from its entries' rows, as `getDocument` would read it. */
export function documentFromEntries(rows: Array<EntryRow & { d_status: StockDocumentDto['status']; d_reason: string | null }>): StockDocumentDto {
  const r = rows[0]!;
  return {
    id: r.document_id, number: r.document_number, type: r.document_type, status: r.d_status, postedAt: r.posted_at.toISOString(),
    reason: r.d_reason, note: r.note, entries: rows.map(toEntryDto), transit: null, returnOf: null, returns: [], returnedByLine: [],
  };
}

interface DocumentRow {
  d_id: string; d_number: string; d_type: string; d_status: StockDocumentDto['status']; d_posted_at: Date; d_reason: string | null;
  d_note: string | null; d_via_id: string | null; d_via_code: string | null; d_received_at: Date | null;
  d_return_of: string | null; d_return_of_number: string | null; d_return_of_type: string | null;
}

/** What can be returned: receipts (to the supplier) and issues (into stock). */
export const RETURNABLE_TYPES = ['receipt', 'issue'];

/**
 * A document with its entries, in one query (a document may have none: a count that matched);
 * a transfer shipped through transit reads its lines with a second.
 */
export async function getDocument(db: Queryable, id: string): Promise<StockDocumentDto> {
  const rows = await db.query<EntryRow & DocumentRow>(
    `select d.id as d_id, d.number as d_number, d.type as d_type, d.status as d_status, d.posted_at as d_posted_at,
       d.reason as d_reason, d.note as d_note, d.via_location_id as d_via_id, via.code as d_via_code, d.received_at as d_received_at,
       d.return_of as d_return_of, ro.number as d_return_of_number, ro.type as d_return_of_type, t.*
     from stock_document d left join location via on via.id = d.via_location_id left join stock_document ro on ro.id = d.return_of
       left join (${ENTRY_SELECT} where e.document_id = $1) t on true
     where d.id = $1 order by t.id::bigint`,
    [id],
  );
  const d = rows[0];
  if (!d) throw new DomainError('inventory.document_not_found', `No stock document ${id}.`);
  const entries = rows.filter((r) => r.id !== null).map(toEntryDto);
  const transit = d.d_via_id
    ? { viaLocationId: d.d_via_id, viaLocationCode: d.d_via_code!, receivedAt: d.d_received_at?.toISOString() ?? null, lines: await transitLines(db, id) }
    : null;
  const returnOf = d.d_return_of ? { id: d.d_return_of, number: d.d_return_of_number!, type: d.d_return_of_type! } : null;
  const returned = RETURNABLE_TYPES.includes(d.d_type) ? await returnsOf(db, id) : { returns: [], returnedByLine: [] };
  return { id: d.d_id, number: d.d_number, type: d.d_type, status: d.d_status, postedAt: d.d_posted_at.toISOString(), reason: d.d_reason, note: d.d_note, entries, transit, returnOf, ...returned };
}

/** A document's returns, and what its posted returns gave back of each line (their entries keep its line numbers). */
export async function returnsOf(db: Queryable, id: string): Promise<Pick<StockDocumentDto, 'returns' | 'returnedByLine'>> {
  const returns = await db.query<{ id: string; number: string; status: StockDocumentDto['status']; posted_at: Date }>(
    'select id, number, status, posted_at from stock_document where return_of = $1 order by posted_at, number',
    [id],
  );
  if (!returns.length) return { returns: [], returnedByLine: [] };
  const byLine = await db.query<{ line: number; qty: string }>(
    `select e.document_line as line, trim_scale(sum(abs(e.qty)))::text as qty
     from stock_document r join stock_entry e on e.document_id = r.id and e.reverses_entry_id is null
     where r.return_of = $1 and r.status = 'posted' group by e.document_line order by e.document_line`,
    [id],
  );
  return {
    returns: returns.map((r) => ({ id: r.id, number: r.number, status: r.status, postedAt: r.posted_at.toISOString() })),
    returnedByLine: byLine.map((r) => ({ line: Number(r.line), qty: r.qty })),
  };
}
