import type { StockDocumentDto, StockDocumentInput } from '../../../contracts/inventory';
import type { Ctx } from '../../kernel/context';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { postEntries } from '../ledger/post-entries';
import { draftsFor } from './drafts';
import { getDocument } from '../queries/get-document';

export const DOCUMENT_PREFIX: Record<StockDocumentInput['type'], string> = {
  receipt: 'RCV',
  issue: 'ISS',
  transfer: 'TRF',
  adjustment: 'ADJ',
  count: 'CNT',
  production: 'PRD',
};

/** How far ahead of the server clock a posting may be dated (clock skew between stations). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Posts a stock document: its entries, their valuation and every balance it moves, with one
 * audit event and one live event, or nothing at all.
 */
export function postDocument(ctx: Ctx, input: StockDocumentInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: `inventory.post-${input.type}`, input, idempotencyKey, status: 201 }, (cmd) => postDocumentInTx(cmd, input));
}

/** Posts a document inside a running command (other modules' use cases post stock this way). */
export async function postDocumentInTx(cmd: CommandTx, input: StockDocumentInput): Promise<StockDocumentDto> {
  const postedAt = input.postedAt ? new Date(input.postedAt) : cmd.now;
  if (postedAt.getTime() > cmd.now.getTime() + FUTURE_TOLERANCE_MS) throw invalid('postedAt', 'cannot be in the future');
  const id = newId();
  const [{ number }] = (await cmd.query<{ number: string }>(
    `insert into stock_document (id, number, type, status, posted_at, reason, note, source_type, source_id, created_by)
     values ($1, $2 || '-' || lpad(nextval('stock_document_seq')::text, 6, '0'), $3, 'posted', $4, $5, $6, $7, $8, $9)
     returning number`,
    [id, DOCUMENT_PREFIX[input.type], input.type, postedAt, 'reason' in input ? input.reason ?? null : null, input.note ?? null,
      input.sourceType ?? null, input.sourceId ?? null, cmd.actor.userId],
  )) as [{ number: string }];
  const drafts = await draftsFor(cmd, input, postedAt);
  await postEntries(cmd, { id, postedAt, isNow: !input.postedAt }, drafts);
  const doc = await getDocument(cmd, id);
  // the entries are the immutable record of every line; the audit event says who posted what document
  cmd.audit({ entityType: 'stock_document', entityId: id, after: { number, type: input.type, postedAt, entries: doc.entries.length, firstLines: doc.entries.slice(0, 20).map((e) => ({ variant: e.variantCode, location: e.locationCode, lot: e.lotCode, grade: e.grade, qty: e.qty, value: e.value })) } });
  cmd.emit({ topic: `stock.${input.type}`, summary: `${cmd.actor.label} posted ${number} (${doc.entries.length} ${doc.entries.length === 1 ? 'entry' : 'entries'})`, payload: { id, number }, permission: 'inventory.read' });
  return doc;
}
