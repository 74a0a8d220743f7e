import Decimal from '../../../contracts/exact-decimal';
import type { StockDocumentInput } from '../../../contracts/inventory';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError, invalid } from '../../kernel/errors';
import type { EntryDraft } from '../ledger/types';
import { lockBalances, resolveKeys } from '../ledger/keys';
import { averageCostAt, qtyAt } from '../queries/as-of';
import { shrinkReservationsToCount } from '../commands/reservations';

/** Turns a document's lines into ledger drafts. Counts and costless adjustments read the ledger. */
export async function draftsFor(cmd: CommandTx, input: StockDocumentInput, postedAt: Date): Promise<EntryDraft[]> {
  const grade = (g: string | undefined) => g ?? 'good';
  switch (input.type) {
    case 'receipt':
      return input.lines.map((l, i) => ({ variantId: l.variantId, locationId: l.locationId, lotId: l.lotId ?? null, grade: grade(l.grade), qty: l.qty, unitCost: l.unitCost, line: i + 1, reason: 'receipt' }));
    case 'issue':
      return input.lines.map((l, i) => ({ variantId: l.variantId, locationId: l.locationId, lotId: l.lotId ?? null, grade: grade(l.grade), qty: new Decimal(l.qty).negated().toString(), line: i + 1, reason: input.reason ?? 'issue' }));
    case 'transfer':
      return input.lines.flatMap((l, i) => {
        if (l.fromLocationId === l.toLocationId && (l.toGrade ?? l.grade) === l.grade) {
          throw new DomainError('inventory.same_location', 'Moving stock onto itself changes nothing.', { errors: [{ field: `lines.${i}.toLocationId`, message: 'same as the source' }] });
        }
        const out: EntryDraft = { variantId: l.variantId, locationId: l.fromLocationId, lotId: l.lotId ?? null, grade: grade(l.grade), qty: new Decimal(l.qty).negated().toString(), line: i + 1, reason: 'transfer out' };
        const inn: EntryDraft = { variantId: l.variantId, locationId: l.toLocationId, lotId: l.lotId ?? null, grade: l.toGrade ?? grade(l.grade), qty: l.qty, costFrom: 2 * i, line: i + 1, reason: 'transfer in' };
        return [out, inn];
      });
    case 'adjustment': {
      const drafts: EntryDraft[] = [];
      for (const [i, l] of input.lines.entries()) {
        // what is taken away goes at its FIFO cost: a cost given with it would be silently ignored
        if (l.unitCost !== undefined && new Decimal(l.qty).isNegative()) throw invalid(`lines.${i}.unitCost`, 'only for stock added: what is subtracted goes at its FIFO cost');
        const d: EntryDraft = { variantId: l.variantId, locationId: l.locationId, lotId: l.lotId ?? null, grade: grade(l.grade), qty: l.qty, line: i + 1, reason: input.reason };
        if (new Decimal(l.qty).isPositive()) d.unitCost = l.unitCost ?? (await costAt(cmd, d, postedAt));
        drafts.push(d);
      }
      return drafts;
    }
    case 'count':
      return countDrafts(cmd, input.lines, postedAt);
    case 'production': {
      // consumption first: outputs are valued from what their document consumed
      const consume: EntryDraft[] = input.consume.map((l, i) => ({ variantId: l.variantId, locationId: l.locationId, lotId: l.lotId ?? null, grade: grade(l.grade), qty: new Decimal(l.qty).negated().toString(), line: i + 1, reason: 'consumption' }));
      const output: EntryDraft[] = input.output.map((l, i) => ({ variantId: l.variantId, locationId: l.locationId, lotId: l.lotId ?? null, grade: grade(l.grade), qty: l.qty, unitCost: l.extraUnitCost ?? null, costShare: l.qty, line: consume.length + i + 1, reason: 'output' }));
      return [...consume, ...output];
    }
  }
}

async function costAt(cmd: CommandTx, d: EntryDraft, at: Date): Promise<string> {
  const [keyId] = await resolveKeys(cmd, [d]);
  return averageCostAt(cmd, keyId!, at);
}

/** A count sets the counted figure: it posts the difference from the balance at that moment. */
async function countDrafts(cmd: CommandTx, lines: Extract<StockDocumentInput, { type: 'count' }>['lines'], at: Date): Promise<EntryDraft[]> {
  const where = lines.map((l) => ({ variantId: l.variantId, locationId: l.locationId, lotId: l.lotId ?? null, grade: l.grade ?? 'good' }));
  const keyIds = await resolveKeys(cmd, where);
  const twice = keyIds.findIndex((k, i) => keyIds.indexOf(k) !== i);
  if (twice >= 0) throw invalid(`lines.${twice}`, `counts the same stock as line ${keyIds.indexOf(keyIds[twice]!)} (item, location, lot and grade)`);
  const locked = await lockBalances(cmd, keyIds);
  const drafts: EntryDraft[] = [];
  for (const [i, l] of lines.entries()) {
    const diff = new Decimal(l.countedQty).minus(await qtyAt(cmd, keyIds[i]!, at));
    if (diff.isZero()) continue;
    // the count is what is there: reservations beyond it give way rather than refuse it
    const b = locked.get(keyIds[i]!)!;
    const over = new Decimal(b.reserved).minus(Decimal.max(new Decimal(b.qty).plus(diff), 0));
    if (diff.isNegative() && over.isPositive()) await shrinkReservationsToCount(cmd, keyIds[i]!, over);
    const d: EntryDraft = { ...where[i]!, qty: diff.toString(), line: i + 1, reason: `count: ${l.countedQty} counted` };
    if (diff.isPositive()) d.unitCost = await averageCostAt(cmd, keyIds[i]!, at);
    drafts.push(d);
  }
  return drafts;
}
