import type { StockDocumentDto, StockDocumentInput } from '../../../contracts/inventory';
import type { Ctx } from '../../kernel/context';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { postEntries, postRevaluing } from '../ledger/post-entries';
import { appendable, postAppending, type NewDocument } from '../ledger/post-appending';
import type { EntryDraft } from '../ledger/types';
import { recordCountedKeys, refuseBeforeCount } from '../ledger/counted-keys';
import { draftsFor } from './drafts';
import { checkShipment, recordTransitLines, shipmentDrafts, type ShippedTransfer } from './shipped-transfer';
import { withKeyReferences } from './key-references';
import { requireLotsOfTheirItems } from './lot-items';
import { requireRightToRegrade } from './regrade-right';
import { requireUnitPrecision } from './unit-precision';
import { documentFromEntries, getDocument } from '../queries/get-document';

export const DOCUMENT_PREFIX: Record<StockDocumentInput['type'] | 'return', string> = {
  receipt: 'RCV',
  issue: 'ISS',
  transfer: 'TRF',
  adjustment: 'ADJ',
  count: 'CNT',
  production: 'PRD',
  return: 'RTN',
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
  await requireLotsOfTheirItems(cmd, input, postedAt);
  await requireRightToRegrade(cmd, input);
  // a transfer through a transit location posts its first leg now and waits to be received
  const shipped: ShippedTransfer | null = input.type === 'transfer' && input.viaLocationId ? { ...input, viaLocationId: input.viaLocationId } : null;
  if (shipped) await checkShipment(cmd, shipped);
  const id = opts.id ?? newId();
  const where = { id, postedAt, isNow: !input.postedAt };
  const header: NewDocument = {
    prefix: DOCUMENT_PREFIX[input.type], type: input.type, reason: 'reason' in input ? input.reason ?? null : null,
    note: input.note ?? null, sourceType: input.sourceType ?? null, sourceId: input.sourceId ?? null,
  };
  const postShipped = async (s: ShippedTransfer) => {
    await insertDocumentHeader(cmd, where, header, { status: 'in_transit', viaLocationId: s.viaLocationId });
    await withKeyReferences(input, () => postEntries(cmd, where, shipmentDrafts(s)));
    await recordTransitLines(cmd, id, s);
    return getDocument(cmd, id);
  };
  const postPlain = () => withKeyReferences(input, async () => postDrafts(cmd, where, header, await draftsFor(cmd, input, postedAt)));
  const doc = shipped ? await postShipped(shipped) : await postPlain();
  if (input.type === 'count') await recordCountedKeys(cmd, id, input.lines.map((l) => ({ ...l, lotId: l.lotId ?? null, grade: l.grade ?? 'good' })));
  announcePosted(cmd, doc, shipped ? `shipped ${doc.number} via ${doc.transit!.viaLocationCode}` : `posted ${doc.number}`);
  return doc;
}

/** Writes a new document's header (the one-call posting writes its own). */
export async function insertDocumentHeader(cmd: CommandTx, where: { id: string; postedAt: Date }, header: NewDocument, opts: { status?: string; viaLocationId?: string } = {}) {
  await cmd.query(
    `insert into stock_document (id, number, type, status, posted_at, reason, note, source_type, source_id, created_by, via_location_id)
     values ($1, $2 || '-' || lpad(nextval('stock_document_seq')::text, 6, '0'), $3, $10, $4, $5, $6, $7, $8, $9, $11)`,
    [where.id, header.prefix, header.type, where.postedAt, header.reason, header.note, header.sourceType, header.sourceId, cmd.actor.userId,
      opts.status ?? 'posted', opts.viaLocationId ?? null],
  );
}

/**
 * Posts a new document's drafts: when they append to their keys, written, valued and read back in
 * one round trip; otherwise (it must re-value, or be refused) the header, then statement by statement.
 */
export async function postDrafts(cmd: CommandTx, where: { id: string; postedAt: Date; isNow?: boolean }, header: NewDocument, drafts: EntryDraft[]): Promise<StockDocumentDto> {
  await refuseBeforeCount(cmd, where, drafts);
  const rows = appendable(drafts) ? await postAppending(cmd, where, drafts, header) : null;
  if (rows) return documentFromEntries(rows);
  // the one-call way declined it and wrote nothing
  await insertDocumentHeader(cmd, where, header);
  await postRevaluing(cmd, where, drafts);
  return getDocument(cmd, where.id);
}

/** The audit event and live event of a posted document. */
export function announcePosted(cmd: CommandTx, doc: StockDocumentDto, what: string) {
  const { id, number, type, status, postedAt } = doc;
  // the entries are the immutable record of every line; the audit event says who posted what document
  cmd.audit({ entityType: 'stock_document', entityId: id, after: { number, type, status, postedAt, entries: doc.entries.length, firstLines: doc.entries.slice(0, 20).map((e) => ({ variant: e.variantCode, location: e.locationCode, lot: e.lotCode, grade: e.grade, qty: e.qty, value: e.value })) } });
  cmd.emit({ topic: `stock.${type}`, summary: `${cmd.actor.label} ${what} (${doc.entries.length} ${doc.entries.length === 1 ? 'entry' : 'entries'})`, payload: { id, number }, permission: 'inventory.read' });
}
