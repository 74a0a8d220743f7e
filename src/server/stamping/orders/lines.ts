import Decimal from '../../../contracts/exact-decimal';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError, invalid } from '../../kernel/errors';
import { groupThousands } from '../../kernel/quantity-text';
import { newId } from '../../kernel/ids';
import { shipmentAvailability } from '../shipments/queries/availability';
import { requireProductVariants } from '../shipments/product-variants';

export interface LineInput {
  variantId: string;
  regionCode: string;
  qty: string;
}

/**
 * Checks a PO's lines: stamping products, active regions, one line per (product, region), and
 * per product no more than the shipment has available. `ownPoId` is the PO being edited: what
 * it holds now (its lines, or what it stamped past them) counts as available to it, and an edit
 * that takes no more than that is never refused for a shortage it does not add to — a box stamped
 * whole past its line may leave another order's plan short, and must not lock this one.
 */
export async function checkLines(cmd: CommandTx, shipmentId: string, lines: LineInput[], ownPoId: string | null): Promise<void> {
  const seen = new Set<string>();
  for (const [i, l] of lines.entries()) {
    const k = `${l.variantId}|${l.regionCode}`;
    if (seen.has(k)) throw invalid(`lines.${i}`, 'this product and region are already on another line');
    seen.add(k);
  }
  const variantIds = [...new Set(lines.map((l) => l.variantId))];
  await requireProductVariants(cmd, variantIds, (i) => `lines.${lines.findIndex((l) => l.variantId === variantIds[i])}.variantId`);
  const regions = new Set((await cmd.query<{ code: string }>('select code from tax_region where active and code = any($1::text[])', [lines.map((l) => l.regionCode)])).map((r) => r.code));
  for (const [i, l] of lines.entries()) {
    if (!regions.has(l.regionCode)) throw new DomainError('stamping.region_not_found', `No active tax region ${l.regionCode}.`, { errors: [{ field: `lines.${i}.regionCode`, message: 'no such active region' }] });
  }
  const own = new Map<string, Decimal>();
  if (ownPoId) {
    // as shipmentAvailability counts it: a line holds what it ordered or, past that, what it stamped
    for (const r of await cmd.query<{ variant_id: string; qty: string }>('select variant_id, sum(greatest(qty, stamped_qty))::text as qty from production_order_line where po_id = $1 group by variant_id', [ownPoId])) {
      own.set(r.variant_id, new Decimal(r.qty));
    }
  }
  const available = new Map((await shipmentAvailability(cmd, shipmentId)).map((a) => [a.variantId, a]));
  const wanted = new Map<string, { qty: Decimal; index: number }>();
  for (const [i, l] of lines.entries()) {
    const w = wanted.get(l.variantId);
    wanted.set(l.variantId, { qty: (w?.qty ?? new Decimal(0)).plus(l.qty), index: i });
  }
  for (const [variantId, w] of wanted) {
    const a = available.get(variantId);
    const held = own.get(variantId) ?? new Decimal(0);
    const free = new Decimal(a?.available ?? 0).plus(held);
    if (w.qty.gt(free) && w.qty.gt(held)) {
      const label = a?.label ?? 'This product';
      throw new DomainError('stamping.over_allocation', `${label}: ${groupThousands(w.qty.toString())} requested, ${groupThousands(Decimal.max(free, 0).toString())} available on the shipment.`, {
        errors: [{ field: `lines.${w.index}.qty`, message: `only ${Decimal.max(free, 0).toString()} available` }],
        variantId, requested: w.qty.toString(), available: Decimal.max(free, 0).toString(),
      });
    }
  }
}

/** Writes a new PO's lines in order. */
export async function insertLines(cmd: CommandTx, poId: string, lines: LineInput[]): Promise<void> {
  await cmd.query(
    `insert into production_order_line (id, po_id, line_no, variant_id, region_code, qty)
     select id, $1, n::int, v, r, q from unnest($2::uuid[], $3::uuid[], $4::text[], $5::numeric[]) with ordinality as t(id, v, r, q, n)`,
    [poId, lines.map(() => newId()), lines.map((l) => l.variantId), lines.map((l) => l.regionCode), lines.map((l) => l.qty)],
  );
}
