import Decimal from '../../../contracts/exact-decimal';
import type { FieldError } from '../../../contracts/errors';
import type { ReceiveTransferInput } from '../../../contracts/inventory';
import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { postEntries } from '../ledger/post-entries';
import type { EntryDraft } from '../ledger/types';
import { assertGrades } from '../grades/assert-grades';
import { getDocument } from '../queries/get-document';
import { FUTURE_TOLERANCE_MS } from './post-document';

interface PlannedLine { line: number; variant_id: string; lot_id: string | null; grade: string; to_location_id: string; to_grade: string; qty: string }

/**
 * The second leg of a shipped transfer: what arrived moves from the transit location to its
 * destination, carrying its cost. A shortfall stays in transit, or, when the line names a
 * grade, arrives in that grade (damaged goods). The document becomes `received`.
 */
export function receiveTransfer(ctx: Ctx, documentId: string, input: ReceiveTransferInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.receive-transfer', input: { documentId, ...input }, idempotencyKey }, async (cmd) => {
    const [doc] = await cmd.query<{ number: string; status: string; posted_at: Date; via_location_id: string | null }>(
      'select number, status, posted_at, via_location_id from stock_document where id = $1 for update',
      [documentId],
    );
    if (!doc) throw new DomainError('inventory.document_not_found', `No stock document ${documentId}.`);
    if (doc.status !== 'in_transit') {
      throw new DomainError('state.illegal_transition', `${doc.number} is ${doc.status.replace('_', ' ')}; only a transfer in transit can be received.`, { state: doc.status });
    }
    const planned = await cmd.query<PlannedLine>(
      'select line, variant_id, lot_id, grade, to_location_id, to_grade, qty from stock_transit_line where document_id = $1 order by line',
      [documentId],
    );
    const given = checkLines(doc.number, planned, input);
    const receivedAt = receiptTime(cmd.now, doc.posted_at, input.postedAt);
    await assertGrades(cmd, input.lines.flatMap((l, i) => (l.shortfallGrade ? [{ field: `lines.${i}.shortfallGrade`, grade: l.shortfallGrade }] : [])));

    // the receiver's note goes on the entries the receipt writes (the document keeps the shipper's)
    const noted = (reason: string) => (input.note ? `${reason}: ${input.note}` : reason);
    const drafts: EntryDraft[] = [];
    const outcome = planned.map((p) => {
      const g = given.get(p.line);
      const received = new Decimal(g?.receivedQty ?? p.qty);
      const shortfall = new Decimal(p.qty).minus(received);
      const key = { variantId: p.variant_id, lotId: p.lot_id, line: p.line };
      // each incoming entry carries the value of its own outgoing entry: a split needs two pairs
      const move = (qty: Decimal, grade: string, reason: string) => {
        drafts.push({ ...key, locationId: doc.via_location_id!, grade: p.grade, qty: qty.negated().toString(), reason: noted('out of transit') });
        drafts.push({ ...key, locationId: p.to_location_id, grade, qty: qty.toString(), costFrom: drafts.length - 1, reason: noted(reason) });
      };
      if (received.isPositive()) move(received, p.to_grade, 'transfer in');
      const shortfallGrade = shortfall.isPositive() ? g?.shortfallGrade ?? null : null;
      if (shortfallGrade) move(shortfall, shortfallGrade, `received ${shortfallGrade}`);
      return { line: p.line, receivedQty: received.toString(), shortfallGrade };
    });
    await postEntries(cmd, { id: documentId, postedAt: receivedAt }, drafts);
    await cmd.query(
      `update stock_transit_line t set received_qty = u.received_qty, shortfall_grade = u.shortfall_grade
       from unnest($2::int[], $3::numeric[], $4::text[]) as u(line, received_qty, shortfall_grade)
       where t.document_id = $1 and t.line = u.line`,
      [documentId, outcome.map((o) => o.line), outcome.map((o) => o.receivedQty), outcome.map((o) => o.shortfallGrade)],
    );
    await cmd.query(`update stock_document set status = 'received', received_at = $2, received_by = $3 where id = $1`, [documentId, receivedAt, cmd.actor.userId]);
    cmd.audit({ entityType: 'stock_document', entityId: documentId, before: { status: 'in_transit' }, after: { status: 'received', receivedAt, lines: outcome, note: input.note ?? null } });
    cmd.emit({ topic: 'stock.received', summary: `${cmd.actor.label} received ${doc.number}`, payload: { id: documentId, number: doc.number }, permission: 'inventory.read' });
    return getDocument(cmd, documentId);
  });
}

/** The lines the caller reports, by line number; no line twice, none more than was shipped. */
function checkLines(number: string, planned: PlannedLine[], input: ReceiveTransferInput) {
  const given = new Map<number, ReceiveTransferInput['lines'][number]>();
  const errors: FieldError[] = [];
  input.lines.forEach((l, i) => {
    const p = planned.find((x) => x.line === l.line);
    if (!p) errors.push({ field: `lines.${i}.line`, message: `${number} has no line ${l.line}` });
    else if (given.has(l.line)) errors.push({ field: `lines.${i}.line`, message: `line ${l.line} is listed twice` });
    else if (new Decimal(l.receivedQty).greaterThan(p.qty)) errors.push({ field: `lines.${i}.receivedQty`, message: `at most the ${p.qty} shipped` });
    given.set(l.line, l);
  });
  if (errors.length) throw new DomainError('request.invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  return given;
}

/** Received now, or when the caller says: never in the future, never before it was shipped. */
function receiptTime(now: Date, shippedAt: Date, postedAt: string | undefined): Date {
  if (!postedAt) return new Date(Math.max(now.getTime(), shippedAt.getTime()));
  const at = new Date(postedAt);
  const bad = (message: string) => new DomainError('request.invalid', `postedAt: ${message}`, { errors: [{ field: 'postedAt', message }] });
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw bad('cannot be in the future');
  if (at < shippedAt) throw bad(`cannot be before the shipment (${shippedAt.toISOString()})`);
  return at;
}
