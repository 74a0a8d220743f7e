import Decimal from 'decimal.js';
import type { CommandTx } from '../../kernel/run-command';

export interface RegionStamp {
  regionCode: string;
  stampVariantId: string;
  stampLocationId: string;
}

/** The stamp variant and store of each region, for a confirm's deductions. */
export async function regionStamps(cmd: CommandTx, regions: string[]): Promise<Map<string, RegionStamp>> {
  const rows = await cmd.query<RegionStamp>(
    `select r.code as "regionCode", r.stamp_variant_id as "stampVariantId", s.stamp_location_id as "stampLocationId"
     from tax_region r cross join stamping_setup s where r.code = any($1::text[])`,
    [regions],
  );
  return new Map(rows.map((r) => [r.regionCode, r]));
}

/**
 * What the stamp ledger holds for a region, with the balance row locked for the transaction:
 * two stations confirming against one region queue here, so both cannot spend the same stamps.
 */
export async function lockStampBalance(cmd: CommandTx, s: RegionStamp): Promise<Decimal> {
  const [row] = await cmd.query<{ available: string }>(
    `select (b.qty - b.reserved)::text as available
     from stock_key k join stock_balance b on b.key_id = k.id
     where k.variant_id = $1 and k.location_id = $2 and k.lot_id is null and k.grade = 'good'
     for update of b`,
    [s.stampVariantId, s.stampLocationId],
  );
  return new Decimal(row?.available ?? 0);
}
