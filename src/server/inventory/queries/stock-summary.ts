import Decimal from '../../../contracts/exact-decimal';
import type { StockSummaryDto } from '../../../contracts/inventory';
import type { Queryable } from '../../kernel/db/types';
import { likePattern } from '../../kernel/pagination';

/**
 * A product without a low-stock level of its own is flagged below 10 units (seed: "Products with
 * fewer than 10 units in stock are flagged automatically"); materials and consumables, counted in
 * kilograms as often as in pieces, only when given a level.
 */
export const PRODUCT_LOW_STOCK = '10';

/**
 * Product cards: each item's stock split by what its location and grade mean. Serial units in stock
 * and delivered are in that stock (their events post to the ledger); those not in stock are added:
 * in production, and defects (defective, in rework or scrapped, as the serial list's filter counts
 * them); usable stock on its way between places is in transit. `available` keeps only items with
 * stock in store, or stocked before and low now; otherwise every item ever stocked or
 * serialised is listed. With them, the categories of the cards the other filters list (what the
 * category filter offers).
 */
export async function stockCards(db: Queryable, f: { q?: string; kind?: string; category?: string; available?: boolean }): Promise<{ items: StockSummaryDto[]; categories: string[] }> {
  const rows = await db.query<{
    item_id: string; item_code: string; item_name: string; kind: string; uom: string; category: string | null;
    store: string; production: string; transit: string; defect: string; delivered: string; value: string; serials: number;
    threshold: string | null; ever: boolean;
  }>(
    `select i.id as item_id, i.code as item_code, i.name as item_name, i.kind, i.uom, i.category,
       coalesce(i.low_stock_threshold, case when i.kind = 'product' then $3::numeric end) as threshold,
       trim_scale(coalesce(sum(b.qty) filter (where l.kind in ('warehouse', 'zone', 'slot') and g.usable), 0)) as store,
       trim_scale(coalesce(sum(b.qty) filter (where l.kind = 'production'), 0) + max(su.production)) as production,
       trim_scale(coalesce(sum(b.qty) filter (where l.kind = 'transit' and g.usable), 0)) as transit,
       trim_scale(coalesce(sum(b.qty) filter (where not g.usable and l.kind <> 'scrap'), 0) + max(su.defect)) as defect,
       trim_scale(coalesce(sum(b.qty) filter (where l.kind = 'customer'), 0)) as delivered,
       trim_scale(coalesce(sum(b.value) filter (where l.kind not in ('customer', 'scrap')), 0)) as value,
       max(su.total)::int as serials,
       count(b.key_id) > 0 as ever
     from item i
     left join lateral (
       select count(*) filter (where s.status = 'in_production') as production,
         count(*) filter (where s.status in ('defective', 'rework', 'scrapped')) as defect, count(*) as total
       from serial_unit s join variant sv on sv.id = s.variant_id where sv.item_id = i.id) su on true
     left join variant v on v.item_id = i.id
     left join stock_key k on k.variant_id = v.id
     left join stock_balance b on b.key_id = k.id
     left join location l on l.id = k.location_id
     left join grade g on g.code = k.grade
     where ($1::text is null or i.code ilike $1 or i.name ilike $1) and ($2::text is null or i.kind = $2) and i.kind <> 'service'
     group by i.id order by i.code`,
    [f.q ? likePattern(f.q) : null, f.kind ?? null, PRODUCT_LOW_STOCK],
  );
  const cards = rows.map((r) => ({
    itemId: r.item_id, itemCode: r.item_code, itemName: r.item_name, kind: r.kind, uom: r.uom, category: r.category,
    storeQty: r.store, inProductionQty: r.production, inTransitQty: r.transit, defectQty: r.defect, deliveredQty: r.delivered, value: r.value,
    totalSerials: r.serials, lowStockThreshold: r.threshold,
    lowStock: r.threshold !== null && new Decimal(r.store).lessThan(r.threshold),
    everStocked: r.ever,
  }));
  // an item stocked before and out of store now is the most urgent low-stock warning of all
  const listed = f.available ? cards.filter((c) => c.storeQty !== '0' || (c.lowStock && c.everStocked)) : cards.filter((c) => c.everStocked || c.totalSerials > 0);
  const categories = [...new Set(listed.flatMap((c) => (c.category ? [c.category] : [])))].sort((a, b) => a.localeCompare(b));
  return { items: f.category ? listed.filter((c) => c.category === f.category) : listed, categories };
}

