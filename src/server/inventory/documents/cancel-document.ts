import Decimal from '../../../contracts/exact-decimal';
import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { postEntries } from '../ledger/post-entries';
import type { EntryDraft } from '../ledger/types';
import { getDocument } from '../queries/get-document';
import { sourceOwner } from './owned-sources';

/**
 * Cancels a posted document, or a transfer still in transit (its first leg): one reversing entry
 * per entry, dated like the original, so the document disappears from every balance and valuation
 * at every moment. Later entries are re-valued in the same transaction; a cancellation that would
 * leave stock negative at any moment is refused.
 */
export function cancelDocument(ctx: Ctx, documentId: string, reason: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.cancel-document', input: { documentId, reason }, idempotencyKey }, async (cmd) => {
    const [doc] = await cmd.query<{ status: string; posted_at: Date; number: string; source_type: string | null }>(
      'select status, posted_at, number, source_type from stock_document where id = $1 for update',
      [documentId],
    );
    if (!doc) throw new DomainError('inventory.document_not_found', `No stock document ${documentId}.`);
    const owner = sourceOwner(doc.source_type);
    if (owner) {
      throw new DomainError('inventory.document_owned', `${doc.number} was posted by ${owner.workflow}; ${owner.instead}.`, { sourceType: doc.source_type });
    }
    if (doc.status === 'cancelled') throw new DomainError('inventory.already_cancelled', `${doc.number} is already cancelled.`, { state: 'cancelled' });
    // reversals are dated like their originals: a received transfer's out-of-transit entries would
    // be reversed after its into-transit entries were, leaving transit negative in between
    if (doc.status === 'received') {
      throw new DomainError('state.illegal_transition', `${doc.number} was received; transfer the stock back instead.`, { state: 'received' });
    }
    // a return carries the returned document's cost and counts against its lines: it goes first
    const returns = await cmd.query<{ number: string }>(`select number from stock_document where return_of = $1 and status = 'posted' order by number`, [documentId]);
    if (returns.length) {
      const numbers = returns.map((r) => r.number).join(', ');
      throw new DomainError('state.conflict', `${doc.number} has returns (${numbers}); cancel them first.`, { returns: returns.map((r) => r.number) });
    }
    const entries = await cmd.query<{ id: string; variant_id: string; location_id: string; lot_id: string | null; grade: string; qty: string; document_line: number }>(
      `select e.id::text, k.variant_id, k.location_id, k.lot_id, k.grade, e.qty, e.document_line
       from stock_entry e join stock_key k on k.id = e.key_id where e.document_id = $1 and e.reverses_entry_id is null order by e.id`,
      [documentId],
    );
    const drafts: EntryDraft[] = entries.map((e) => ({
      variantId: e.variant_id, locationId: e.location_id, lotId: e.lot_id, grade: e.grade,
      qty: new Decimal(e.qty).negated().toString(), reversesEntryId: e.id, line: e.document_line, reason: `cancellation: ${reason}`,
    }));
    await postEntries(cmd, { id: documentId, postedAt: doc.posted_at }, drafts);
    await cmd.query(`update stock_document set status = 'cancelled', cancelled_at = $2, cancelled_by = $3 where id = $1`, [documentId, cmd.now, cmd.actor.userId]);
    cmd.audit({ entityType: 'stock_document', entityId: documentId, before: { status: doc.status }, after: { status: 'cancelled', reason } });
    cmd.emit({ topic: 'stock.cancelled', summary: `${cmd.actor.label} cancelled ${doc.number}`, payload: { id: documentId, number: doc.number }, permission: 'inventory.read' });
    return getDocument(cmd, documentId);
  });
}
