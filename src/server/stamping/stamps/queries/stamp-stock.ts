import type { StampRegionStockDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import { localDay } from '../../../planning';
import { groupThousands } from '../../../kernel/quantity-text';

export interface StampStockOptions {
  /** days ahead (from today, both ends included) whose scheduled POs count as near-term demand */
  horizonDays?: number;
  /** the plant's today, ISO day; default the server's local date */
  today?: string;
}

interface Row {
  code: string; name: string; colour: string;
  received: string; used: string; remaining: string; reserved: string; scheduled: string;
  free: string; shortfall: string; short_in_horizon: string | null;
}

/**
 * The stamp ledger per active region, in one statement:
 * - received / used: the region's stamp entries at the stamp location, by the sign of the movement
 *   they belong to (a reversal counts with the entry it cancels, so a cancelled receipt lowers
 *   received, a cancelled issue lowers used); remaining = received − used = the balance;
 *   only usable grades count, so stamps moved to `damaged` are used up;
 * - reserved: unstamped quantity on the lines of open, running or verifying POs that are booked on
 *   the calendar; only leaves count (a split parent counts through its segments);
 * - scheduled demand: the same for bookings up to today + horizon, overdue ones included (a PO
 *   left on a past day still needs its stamps, first).
 */
export async function stampStock(q: Queryable, opts: StampStockOptions = {}): Promise<StampRegionStockDto[]> {
  const horizonDays = opts.horizonDays ?? 7;
  const today = opts.today ?? localDay(new Date());
  const rows = await q.query<Row>(
    `with ledger as (
       select k.variant_id,
         coalesce(sum(e.qty) filter (where coalesce(o.qty, e.qty) > 0), 0) as received,
         coalesce(-sum(e.qty) filter (where coalesce(o.qty, e.qty) < 0), 0) as used
       from stamping_setup s
       join stock_key k on k.location_id = s.stamp_location_id
       join grade g on g.code = k.grade and g.usable
       join stock_entry e on e.key_id = k.id
       left join stock_entry o on o.id = e.reverses_entry_id
       where k.variant_id in (select stamp_variant_id from tax_region where active)
       group by k.variant_id
     ),
     demand as (
       select l.region_code,
         sum(greatest(l.qty - l.stamped_qty, 0)) as reserved,
         coalesce(sum(greatest(l.qty - l.stamped_qty, 0)) filter (where b.day <= $1::date + $2::int), 0) as scheduled
       from production_order po
       join planning_booking b on b.run_type = 'stamping_po' and b.run_id = po.id
       join production_order_line l on l.po_id = po.id
       where po.status in ('open', 'in_production', 'pending_verification') and not po.has_segments
       group by l.region_code
     ),
     figures as (
       select r.code, r.name, r.colour, r.position,
         coalesce(x.received, 0) as received, coalesce(x.used, 0) as used,
         coalesce(d.reserved, 0) as reserved, coalesce(d.scheduled, 0) as scheduled
       from tax_region r
       left join ledger x on x.variant_id = r.stamp_variant_id
       left join demand d on d.region_code = r.code
       where r.active
     )
     select code, name, colour,
       trim_scale(received) as received, trim_scale(used) as used, trim_scale(received - used) as remaining,
       trim_scale(reserved) as reserved, trim_scale(scheduled) as scheduled,
       trim_scale(received - used - reserved) as free, trim_scale(greatest(reserved - (received - used), 0)) as shortfall,
       case when scheduled > received - used then trim_scale(scheduled - (received - used)) end as short_in_horizon
     from figures
     order by position, code`,
    [today, horizonDays],
  );
  return rows.map((r) => ({
    regionCode: r.code, regionName: r.name, colour: r.colour,
    received: r.received, used: r.used, remaining: r.remaining,
    reserved: r.reserved, scheduledDemand: r.scheduled, free: r.free, shortfall: r.shortfall,
    warning: r.short_in_horizon === null ? null
      : `${r.name}: ${groupThousands(r.scheduled)} stamps due within the next ${horizonDays === 1 ? 'day' : `${horizonDays} days`}, ${groupThousands(r.remaining)} remaining — order ${groupThousands(r.short_in_horizon)} more`,
  }));
}
