import type { StockDocumentDto, StockDocumentInput } from '../../../contracts/inventory';
import type { Ctx } from '../../kernel/context';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { postEntries, postRevaluing } from '../ledger/post-entries';
import { appendable, postAppending } from '../ledger/post-appending';
import { draftsFor } from './drafts';
import { checkShipment, recordTransitLines, shipmentDrafts, type ShippedTransfer } from './shipped-transfer';
import { withKeyReferences } from './key-references';
import { requireLotsOfTheirItems } from './lot-items';
import { requireUnitPrecision } from './unit-precision';
import { documentFromEntries, getDocument } from '../queries/get-document';

export const DOCUMENT_PREFIX: Record<StockDocumentInput['type'], string> = {
  receipt: 'RCV',
  issue: 'ISS',
  transfer: 'TRF',
  adjustment: 'ADJ',
  count: 'CNT',
  production: 'PRD',
};

/** How far ahead of the server clock a posting may be dated (clock skew between stations). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Posts a stock document: its entries, their valuation and every balance it moves, with one
 * audit event and one live event, or nothing at all.
 */
export function postDocument(ctx: Ctx, input: StockDocumentInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: `inventory.post-${input.type}`, input, idempotencyKey, status: 201 }, (cmd) => postDocumentInTx(cmd, input));
}

/**
 * Posts a document inside a running command (other modules' use cases post stock this way).
 * `opts.id` gives the document the id the caller already recorded (under a deferred reference).
 */
export async function postDocumentInTx(cmd: CommandTx, input: StockDocumentInput, opts: { id?: string } = {}): Promise<StockDocumentDto> {
  const postedAt = input.postedAt ? new Date(input.postedAt) : cmd.now;
  if (postedAt.getTime() > cmd.now.getTime() + FUTURE_TOLERANCE_MS) throw invalid('postedAt', 'cannot be in the future');
  await requireUnitPrecision(cmd, input);
  await requireLotsOfTheirItems(cmd, input);
  // a transfer through a transit location posts its first leg now and waits to be received
  const shipped: ShippedTransfer | null = input.type === 'transfer' && input.viaLocationId ? { ...input, viaLocationId: input.viaLocationId } : null;
  if (shipped) await checkShipment(cmd, shipped);
  const id = opts.id ?? newId();
  const status = shipped ? 'in_transit' : 'posted';
  const where = { id, postedAt, isNow: !input.postedAt };
  const header = {
    prefix: DOCUMENT_PREFIX[input.type], type: input.type, reason: 'reason' in input ? input.reason ?? null : null,
    note: input.note ?? null, sourceType: input.sourceType ?? null, sourceId: input.sourceId ?? null,
  };
  const insertHeader = () => cmd.query(
    `insert into stock_document (id, number, type, status, posted_at, reason, note, source_type, source_id, created_by, via_location_id)
     values ($1, $2 || '-' || lpad(nextval('stock_document_seq')::text, 6, '0'), $3, $10, $4, $5, $6, $7, $8, $9, $11)`,
    [id, header.prefix, header.type, postedAt, header.reason, header.note, header.sourceType, header.sourceId, cmd.actor.userId, status, shipped?.viaLocationId ?? null],
  );
  const postShipped = async (s: ShippedTransfer) => {
    await insertHeader();
    await withKeyReferences(input, () => postEntries(cmd, where, shipmentDrafts(s)));
    await recordTransitLines(cmd, id, s);
    return getDocument(cmd, id);
  };
  const postPlain = () => withKeyReferences(input, async () => {
    const drafts = await draftsFor(cmd, input, postedAt);
    // the usual document appends to its keys: written, valued and read back in one round trip
    const rows = appendable(drafts) ? await postAppending(cmd, where, drafts, header) : null;
    if (rows) return documentFromEntries(rows);
    // it must re-value or be refused: the one-call way declined it and wrote nothing
    await insertHeader();
    await postRevaluing(cmd, where, drafts);
    return getDocument(cmd, id);
  });
  const doc = shipped ? await postShipped(shipped) : await postPlain();
  const number = doc.number;
  // the entries are the immutable record of every line; the audit event says who posted what document
  cmd.audit({ entityType: 'stock_document', entityId: id, after: { number, type: input.type, status, postedAt, entries: doc.entries.length, firstLines: doc.entries.slice(0, 20).map((e) => ({ variant: e.variantCode, location: e.locationCode, lot: e.lotCode, grade: e.grade, qty: e.qty, value: e.value })) } });
  const what = shipped ? `shipped ${number} via ${doc.transit!.viaLocationCode}` : `posted ${number}`;
  cmd.emit({ topic: `stock.${input.type}`, summary: `${cmd.actor.label} ${what} (${doc.entries.length} ${doc.entries.length === 1 ? 'entry' : 'entries'})`, payload: { id, number }, permission: 'inventory.read' });
  return doc;
}
