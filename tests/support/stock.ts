import type { Db } from '../../src/server/kernel/db/types';
import type { Ctx } from '../../src/server/kernel/context';
import { createItem } from '../../src/server/catalog/commands/create-item';
import { requestVariant } from '../../src/server/catalog/commands/get-or-create-variant';
import { createLocation } from '../../src/server/inventory/commands/locations';
import { createLot } from '../../src/server/inventory/commands/lots';
import { postDocument } from '../../src/server/inventory/documents/post-document';
import { revalueKey } from '../../src/server/inventory/ledger/revalue-key';
import type { StockDocumentInput } from '../../src/contracts/inventory';
import { systemCtx } from './app';

/** A small stock world for ledger tests: one material variant, locations, lots. */
export async function stockWorld(db: Db, prefix = 'T') {
  const ctx = systemCtx(db);
  const item = (await createItem(ctx, { code: `${prefix}-RESIN`, name: 'Resin', kind: 'material', uom: 'kg', attributes: [], lowStockThreshold: '5' })).body;
  const variant = await requestVariant(ctx, item.id, {});
  const loc = async (code: string, kind: 'warehouse' | 'transit' | 'customer' | 'production' = 'warehouse', allowNegative = false) =>
    (await createLocation(ctx, { code: `${prefix}-${code}`, name: code, kind, allowNegative })).body.id;
  const locations = { main: await loc('MAIN'), second: await loc('SECOND'), transit: await loc('TRANSIT', 'transit'), loose: await loc('LOOSE', 'warehouse', true) };
  const lots = {
    // expiring a year or so from whenever the tests run (B first): expired lots take no receipts
    a: (await createLot(ctx, { code: `${prefix}-LOT-A`, variantId: variant.id, expiryDate: daysFromNow(420) })).body.id,
    b: (await createLot(ctx, { code: `${prefix}-LOT-B`, variantId: variant.id, expiryDate: daysFromNow(360) })).body.id,
  };
  return { ctx, item, variant, locations, lots };
}

/** The calendar day `n` days from now, as an ISO date. */
export const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export type StockWorld = Awaited<ReturnType<typeof stockWorld>>;

export function post(ctx: Ctx, input: StockDocumentInput, key?: string) {
  return postDocument(ctx, input, key).then((r) => r.body);
}

export async function balanceOf(db: Db, variantId: string, locationId: string, lotId: string | null = null, grade = 'good') {
  const [r] = await db.query<{ qty: string; value: string; reserved: string }>(
    `select b.qty, b.value, b.reserved from stock_balance b join stock_key k on k.id = b.key_id
     where k.variant_id = $1 and k.location_id = $2 and k.lot_id is not distinct from $3 and k.grade = $4`,
    [variantId, locationId, lotId, grade],
  );
  return r ?? { qty: '0', value: '0', reserved: '0' };
}

/**
 * A long key, fast: a receipt of 1 at `first`, then `n` entries a second apart written set-based
 * (`qty`, `cost`: SQL of g = 1..n) and valued in one pass. Returns the key's id.
 */
export async function writeLongKey(db: Db, at: { variantId: string; locationId: string }, first: Date, n: number, qty: string, cost: string): Promise<string> {
  const seed = await post(systemCtx(db), { type: 'receipt', postedAt: first.toISOString(), lines: [{ ...at, qty: '1', unitCost: '1', grade: 'good' }] });
  const [{ key_id: keyId }] = (await db.query<{ key_id: string }>('select key_id::text from stock_entry where id = $1', [seed.entries[0]!.id])) as [{ key_id: string }];
  const [{ first: firstNew }] = (await db.query<{ first: string }>(
    `with e as (
       insert into stock_entry (key_id, posted_at, qty, unit_cost, document_id, document_line, reason)
       select $1, $2::timestamptz + make_interval(secs => g), ${qty}, ${cost}, $3, g, 'long'
       from generate_series(1, $4) g returning id)
     select min(id)::text as first from e`,
    [keyId, first, seed.id, n],
  )) as [{ first: string }];
  // the raw entries have no figures yet: value them (the key locked, as a posting does)
  await db.transaction(async (tx) => {
    await tx.query('select 1 from stock_balance where key_id = $1 for update', [keyId]);
    await revalueKey(tx, keyId, new Date(0), firstNew);
  });
  return keyId;
}
