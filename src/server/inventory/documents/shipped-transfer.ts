import Decimal from '../../../contracts/exact-decimal';
import type { FieldError } from '../../../contracts/errors';
import type { StockDocumentInput } from '../../../contracts/inventory';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import type { EntryDraft } from '../ledger/types';
import { assertGrades } from '../grades/assert-grades';

export type ShippedTransfer = Extract<StockDocumentInput, { type: 'transfer' }> & { viaLocationId: string };

/**
 * Checks a shipment before anything is written: the way is a transit location, every end exists
 * and is not the transit location itself, and every grade (the one received into too) exists.
 */
export async function checkShipment(cmd: CommandTx, input: ShippedTransfer): Promise<void> {
  const via = input.viaLocationId;
  const ids = [...new Set([via, ...input.lines.flatMap((l) => [l.fromLocationId, l.toLocationId])])];
  const rows = await cmd.query<{ id: string; kind: string }>('select id, kind from location where id = any ($1::uuid[])', [ids]);
  const kind = new Map(rows.map((r) => [r.id, r.kind]));
  const ends = input.lines.flatMap((l, i) => (['fromLocationId', 'toLocationId'] as const).map((f) => ({ field: `lines.${i}.${f}`, id: l[f] })));
  const missing = [{ field: 'viaLocationId', id: via }, ...ends].filter((e) => !kind.has(e.id));
  if (missing.length) {
    throw new DomainError('inventory.location_not_found', 'No such location.', { errors: missing.map((m) => ({ field: m.field, message: 'no such location' })) });
  }
  const errors: FieldError[] = [];
  if (kind.get(via) !== 'transit') errors.push({ field: 'viaLocationId', message: `must be a transit location, not a ${kind.get(via)}` });
  for (const e of ends) if (e.id === via) errors.push({ field: e.field, message: 'the transit location is the way, not an end' });
  input.lines.forEach((l, i) => {
    if (l.fromLocationId === l.toLocationId && (l.toGrade ?? l.grade) === l.grade) errors.push({ field: `lines.${i}.toLocationId`, message: 'same as the source' });
  });
  if (errors.length) throw new DomainError('request.invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  await assertGrades(cmd, input.lines.flatMap((l, i) => [
    { field: `lines.${i}.grade`, grade: l.grade },
    ...(l.toGrade ? [{ field: `lines.${i}.toGrade`, grade: l.toGrade }] : []),
  ]));
}

/** The first leg: each line leaves its source for the transit location, carrying its cost. */
export function shipmentDrafts(input: ShippedTransfer): EntryDraft[] {
  return input.lines.flatMap((l, i) => {
    const key = { variantId: l.variantId, lotId: l.lotId ?? null, grade: l.grade };
    const out: EntryDraft = { ...key, locationId: l.fromLocationId, qty: new Decimal(l.qty).negated().toString(), line: i + 1, reason: 'shipped' };
    const inn: EntryDraft = { ...key, locationId: input.viaLocationId, qty: l.qty, costFrom: 2 * i, line: i + 1, reason: 'in transit' };
    return [out, inn];
  });
}

/** Keeps where each line is going: the first leg's entries know only the transit location. */
export async function recordTransitLines(cmd: CommandTx, documentId: string, input: ShippedTransfer): Promise<void> {
  const l = input.lines;
  await cmd.query(
    `insert into stock_transit_line (document_id, line, variant_id, lot_id, grade, from_location_id, to_location_id, to_grade, qty)
     select $1, t.* from unnest($2::int[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::numeric[])
       as t(line, variant_id, lot_id, grade, from_location_id, to_location_id, to_grade, qty)`,
    [documentId, l.map((_, i) => i + 1), l.map((x) => x.variantId), l.map((x) => x.lotId ?? null), l.map((x) => x.grade),
      l.map((x) => x.fromLocationId), l.map((x) => x.toLocationId), l.map((x) => x.toGrade ?? x.grade), l.map((x) => x.qty)],
  );
}
