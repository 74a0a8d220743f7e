import Decimal from '../../../contracts/exact-decimal';
import type { FieldError } from '../../../contracts/errors';
import type { ReturnInput, StockDocumentDto } from '../../../contracts/inventory';
import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError, invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { EntryDraft } from '../ledger/types';
import { assertGrades } from '../grades/assert-grades';
import { RETURNABLE_TYPES, getDocument, returnsOf } from '../queries/get-document';
import { announcePosted, DOCUMENT_PREFIX, FUTURE_TOLERANCE_MS, postDrafts } from './post-document';
import { withKeyReferences } from './key-references';
import { requireWholeUnits } from './unit-precision';
import { sourceOwner } from './owned-sources';

interface OriginalLine { entry_id: string; line: number; variant_id: string; location_id: string; lot_id: string | null; grade: string; qty: string }

/**
 * Returns part of a posted receipt or issue. A receipt's return sends stock back to the supplier:
 * it leaves the ledger like an issue, valued FIFO. An issue's return brings stock back (often into
 * a quarantine location or a damaged grade) at the cost the issue took out, carried from the
 * issue's entry so that re-valuing the issue re-values the return. Each line gives back at most
 * what its posted returns have not; the returned document cannot be cancelled while they stand.
 */
export function postReturn(ctx: Ctx, returnOf: string, input: ReturnInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.post-return', input: { returnOf, ...input }, idempotencyKey, status: 201 }, async (cmd) => {
    // one return of a document at a time: what is left to return is read under this lock
    const [orig] = await cmd.query<{ number: string; type: string; status: string; posted_at: Date; source_type: string | null }>(
      'select number, type, status, posted_at, source_type from stock_document where id = $1 for update',
      [returnOf],
    );
    if (!orig) throw new DomainError('inventory.document_not_found', `No stock document ${returnOf}.`);
    const owner = sourceOwner(orig.source_type);
    if (owner) throw new DomainError('inventory.document_owned', `${orig.number} was posted by ${owner.workflow}; ${owner.instead}.`, { sourceType: orig.source_type });
    if (!RETURNABLE_TYPES.includes(orig.type)) {
      throw new DomainError('inventory.not_returnable', `${orig.number} is a ${orig.type}; only receipts and issues are returned (move stock back with a transfer).`, { type: orig.type });
    }
    if (orig.status !== 'posted') {
      throw new DomainError('state.illegal_transition', `${orig.number} is ${orig.status}; only a posted ${orig.type} can be returned.`, { state: orig.status });
    }
    const postedAt = returnTime(cmd.now, orig, input.postedAt);
    const lines = await cmd.query<OriginalLine>(
      `select e.id::text as entry_id, e.document_line as line, k.variant_id, k.location_id, k.lot_id, k.grade, abs(e.qty)::text as qty
       from stock_entry e join stock_key k on k.id = e.key_id where e.document_id = $1 and e.reverses_entry_id is null order by e.document_line`,
      [returnOf],
    );
    const byLine = new Map(lines.map((l) => [Number(l.line), l]));
    const { returnedByLine } = await returnsOf(cmd, returnOf);
    checkQuantities(orig.number, byLine, new Map(returnedByLine.map((r) => [r.line, r.qty])), input);
    await requireWholeUnits(cmd, input.lines.map((l, i) => ({ field: `lines.${i}.qty`, variantId: byLine.get(l.line)!.variant_id, qty: l.qty })));
    await assertGrades(cmd, input.lines.flatMap((l, i) => (l.grade ? [{ field: `lines.${i}.grade`, grade: l.grade }] : [])));

    const toSupplier = orig.type === 'receipt';
    const drafts: EntryDraft[] = input.lines.map((l) => {
      const o = byLine.get(l.line)!;
      const key = { variantId: o.variant_id, locationId: l.locationId ?? o.location_id, lotId: o.lot_id, grade: l.grade ?? o.grade, line: o.line };
      return toSupplier
        ? { ...key, qty: new Decimal(l.qty).negated().toString(), reason: `returned to supplier: ${input.reason}` }
        : { ...key, qty: l.qty, costFromEntryId: o.entry_id, reason: `returned: ${input.reason}` };
    });
    const id = newId();
    const header = { prefix: DOCUMENT_PREFIX.return, type: 'return', reason: input.reason, note: input.note ?? null, sourceType: null, sourceId: null };
    await withKeyReferences(input, () => postDrafts(cmd, { id, postedAt, isNow: !input.postedAt }, header, drafts));
    await cmd.query('update stock_document set return_of = $2 where id = $1', [id, returnOf]);
    const doc: StockDocumentDto = await getDocument(cmd, id);
    announcePosted(cmd, doc, `returned ${doc.number} of ${orig.number}`);
    return doc;
  });
}

/** Now, or when the caller says: never in the future, never before the returned document. */
function returnTime(now: Date, orig: { number: string; posted_at: Date }, postedAt: string | undefined): Date {
  const at = postedAt ? new Date(postedAt) : new Date(Math.max(now.getTime(), orig.posted_at.getTime()));
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw invalid('postedAt', 'cannot be in the future');
  if (at < orig.posted_at) throw invalid('postedAt', `cannot be before ${orig.number} (${orig.posted_at.toISOString()})`);
  return at;
}

/** Every line exists, and no line gives back more than its posted returns have not (lines may repeat). */
function checkQuantities(number: string, byLine: Map<number, OriginalLine>, returned: Map<number, string>, input: ReturnInput) {
  const errors: FieldError[] = [];
  const asked = new Map<number, Decimal>();
  input.lines.forEach((l, i) => {
    const o = byLine.get(l.line);
    if (!o) {
      errors.push({ field: `lines.${i}.line`, message: `${number} has no line ${l.line}` });
      return;
    }
    const total = (asked.get(l.line) ?? new Decimal(0)).plus(l.qty);
    asked.set(l.line, total);
    const left = new Decimal(o.qty).minus(returned.get(l.line) ?? 0);
    if (total.greaterThan(left)) {
      const already = returned.has(l.line) ? ` (${returned.get(l.line)} of ${o.qty} returned already)` : '';
      errors.push({ field: `lines.${i}.qty`, message: `at most ${left.toString()} of line ${l.line} left to return${already}` });
    }
  });
  if (errors.length) throw new DomainError('request.invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}
