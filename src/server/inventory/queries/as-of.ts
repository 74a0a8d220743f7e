import type { Queryable } from '../../kernel/db/types';

/** Quantity of one key as of a moment: the running quantity after its last entry then. */
export async function qtyAt(db: Queryable, keyId: string, at: Date): Promise<string> {
  const [r] = await db.query<{ qty: string }>(
    `select qty_after as qty from stock_entry_value where key_id = $1 and posted_at <= $2
     order by posted_at desc, entry_id desc limit 1`,
    [keyId, at],
  );
  return r?.qty ?? '0';
}

/** Quantity and value of one key as of a moment. */
export async function balanceAt(db: Queryable, keyId: string, at: Date): Promise<{ qty: string; value: string }> {
  const [r] = await db.query<{ qty: string; value: string }>(
    `select qty_after as qty, value_after as value from stock_entry_value where key_id = $1 and posted_at <= $2
     order by posted_at desc, entry_id desc limit 1`,
    [keyId, at],
  );
  return r ?? { qty: '0', value: '0' };
}

/**
 * The valuation rate of a key at a moment, for stock that appears without a price (counts,
 * adjustments): value ÷ quantity on hand then, else the latest layer's cost; for a key that never
 * held any (a new place, lot or grade), the same for its variant over every key on hand then, else
 * the variant's latest layer anywhere; else 0.
 */
export async function averageCostAt(db: Queryable, keyId: string, at: Date): Promise<string> {
  const [r] = await db.query<{ cost: string | null }>(
    `with same as (select k.id from stock_key k where k.variant_id = (select variant_id from stock_key where id = $1)),
     now_on_hand as (
       select x.qty_after, x.value_after from same cross join lateral (
         select qty_after, value_after from stock_entry_value where key_id = same.id and posted_at <= $2
         order by posted_at desc, entry_id desc limit 1) x
       where x.qty_after > 0)
     select coalesce(
       (select case when qty_after > 0 then round(value_after / qty_after, 6) end from stock_entry_value where key_id = $1 and posted_at <= $2
          order by posted_at desc, entry_id desc limit 1),
       (select round(value / qty, 6) from stock_entry_value where key_id = $1 and layer and posted_at <= $2
          order by fifo_pos desc limit 1),
       (select round(sum(value_after) / sum(qty_after), 6) from now_on_hand),
       (select round(x.value / x.qty, 6) from same cross join lateral (
          select value, qty, posted_at, entry_id from stock_entry_value where key_id = same.id and layer and posted_at <= $2
          order by posted_at desc, entry_id desc limit 1) x
        order by x.posted_at desc, x.entry_id desc limit 1)) as cost`,
    [keyId, at],
  );
  return r?.cost ?? '0';
}
