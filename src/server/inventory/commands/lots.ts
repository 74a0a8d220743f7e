import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand } from '../../kernel/run-command';
import { DomainError, invalid } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';
import { localDay } from '../../planning/days';

export interface LotInput {
  code: string;
  itemId?: string | null;
  variantId?: string | null;
  expiryDate?: string | null;
  supplier?: string | null;
  receivedDate?: string | null;
  note?: string | null;
}

/** Inside a command: a lot row (the item is taken from the variant when only that is given). */
export async function insertLot(tx: Queryable, input: LotInput): Promise<string> {
  const id = newId();
  await mapConstraints(
    () =>
      tx.query(
        `insert into lot (id, code, item_id, variant_id, expiry_date, supplier, received_date, note)
         values ($1, $2, coalesce($3, (select item_id from variant where id = $4)), $4, $5, $6, $7, $8)`,
        [id, input.code, input.itemId ?? null, input.variantId ?? null, input.expiryDate ?? null, input.supplier ?? null, input.receivedDate ?? null, input.note ?? null],
      ),
    {
      lot_code: () => new DomainError('inventory.lot_code_taken', `Lot code ${input.code} is taken.`, { errors: [{ field: 'code', message: 'already taken' }] }),
      lot_item_id_fkey: () => new DomainError('catalog.item_not_found', 'No such item.', { errors: [{ field: 'itemId', message: 'no such item' }] }),
      lot_variant_id_fkey: () => new DomainError('catalog.variant_not_found', 'No such variant.', { errors: [{ field: 'variantId', message: 'no such variant' }] }),
    },
  );
  if (input.itemId && input.variantId) {
    const [other] = await tx.query('select 1 from variant where id = $1 and item_id <> $2', [input.variantId, input.itemId]);
    if (other) throw invalid('variantId', 'is a variant of another item');
  }
  return id;
}

export function createLot(ctx: Ctx, input: LotInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.create-lot', input, idempotencyKey, status: 201 }, async (cmd) => {
    // a lot received later than today could take no receipt until then (none is dated in the future)
    if (input.receivedDate && input.receivedDate > localDay(cmd.now)) throw invalid('receivedDate', 'in the future');
    const id = await insertLot(cmd, input);
    const after = { id, ...input };
    cmd.audit({ entityType: 'lot', entityId: id, after });
    cmd.emit({ topic: 'lot.created', summary: `${cmd.actor.label} created lot ${input.code}`, payload: { id }, permission: 'inventory.read' });
    return after;
  });
}
