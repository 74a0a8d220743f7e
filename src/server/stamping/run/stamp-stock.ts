import Decimal from '../../../contracts/exact-decimal';
import type { CommandTx } from '../../kernel/run-command';

export interface RegionStamp {
  regionCode: string;
  /** the region's name, as operators know it ("Federal", not `federal`) */
  regionName: string;
  stampVariantId: string;
  stampLocationId: string;
  /** What the stamp ledger holds for the region less any reservation (negative after overrides). */
  available: Decimal;
}

/**
 * Each region's stamp variant and store, with what the ledger holds for it, the balance rows
 * locked for the transaction in region order: two stations confirming against one region queue
 * here, so both cannot spend the same stamps, and two multi-region boxes cannot deadlock.
 */
export async function lockRegionStamps(cmd: CommandTx, regions: string[]): Promise<Map<string, RegionStamp>> {
  const rows = await cmd.query<Omit<RegionStamp, 'available'> & { available: string | null }>(
    `select r.code as "regionCode", r.name as "regionName", r.stamp_variant_id as "stampVariantId", s.stamp_location_id as "stampLocationId", b.available
     from (select * from tax_region where code = any($1::text[]) order by code) r
     cross join stamping_setup s
     left join lateral (
       select (b.qty - b.reserved)::text as available
       from stock_key k join stock_balance b on b.key_id = k.id
       where k.variant_id = r.stamp_variant_id and k.location_id = s.stamp_location_id and k.lot_id is null and k.grade = 'good'
       for update of b
     ) b on true
     order by r.code`,
    [regions],
  );
  return new Map(rows.map((r) => [r.regionCode, { ...r, available: new Decimal(r.available ?? 0) }]));
}
