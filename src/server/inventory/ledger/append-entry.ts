import type { Queryable } from '../../kernel/db/types';
import { F_INSIDE_LAYER, F_PAST_LAYERS, INCOMING_VALUE } from './fifo-sql';

/**
 * Values an entry that lands after every other entry of its key, in one statement, and moves the
 * balance: the common case (a posting "now"). Anything earlier, a cancellation, or a receipt
 * that must fill negative stock goes through `revalueKey` instead.
 */
export async function appendIncoming(tx: Queryable, e: { id: string; keyId: string; postedAt: Date; qty: string }): Promise<void> {
  await tx.query(
    `with v as (select ${INCOMING_VALUE('se')} as v from stock_entry se where se.id = $1),
     b as (
       update stock_balance set qty = trim_scale(qty + $4::numeric), value = trim_scale(value + v.v),
         in_qty = trim_scale(in_qty + $4::numeric), in_value = trim_scale(in_value + v.v),
         last_posted_at = $3, updated_at = now()
       from v where key_id = $2 returning qty, value, in_qty, in_value, trim_scale(v.v) as v
     )
     insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after, fifo_pos, fifo_value)
     select $1, $2, $3, $4::numeric, b.v, true, b.qty, b.value, b.in_qty, b.in_value from b`,
    [e.id, e.keyId, e.postedAt, e.qty],
  );
}

export async function appendOutgoing(tx: Queryable, e: { id: string; keyId: string; postedAt: Date; qty: string }): Promise<void> {
  await tx.query(
    `with b0 as (select out_qty + (-$4::numeric) as x, out_value, in_qty, in_value from stock_balance where key_id = $2),
     l as (
       select fifo_pos, fifo_value, value, qty from stock_entry_value
       where key_id = $2 and layer and fifo_pos >= (select x from b0) order by fifo_pos limit 1
     ),
     last_layer as (select value as lv, qty as lq from stock_entry_value where key_id = $2 and layer order by fifo_pos desc limit 1),
     f as (
       select b0.x, b0.out_value as prev,
         coalesce((select ${F_INSIDE_LAYER('b0.x', 'l.fifo_pos', 'l.fifo_value', 'l.value', 'l.qty')} from l),
                  ${F_PAST_LAYERS('b0.x', 'b0.in_qty', 'b0.in_value', '(select lv from last_layer)', '(select lq from last_layer)')}) as fv
       from b0
     ),
     b as (
       update stock_balance s set qty = trim_scale(s.qty + $4::numeric), value = trim_scale(s.value - (f.fv - f.prev)),
         out_qty = trim_scale(f.x), out_value = trim_scale(f.fv), last_posted_at = $3, updated_at = now()
       from f where s.key_id = $2 returning s.qty, s.value, s.out_qty, s.out_value, trim_scale(-(f.fv - f.prev)) as v
     )
     insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after, fifo_pos, fifo_value)
     select $1, $2, $3, $4::numeric, b.v, false, b.qty, b.value, b.out_qty, b.out_value from b`,
    [e.id, e.keyId, e.postedAt, e.qty],
  );
}

/**
 * Many receipts with a given cost landing after everything on their keys (bulk documents):
 * valued, running figures computed per key with window functions, and balances moved, in one
 * statement for the whole batch.
 */
export async function appendIncomingBatch(tx: Queryable, postedAt: Date, rows: Array<{ id: string; keyId: string; qty: string }>): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `with v as (
       select t.id, t.key_id, t.qty, t.qty * e.unit_cost as v
       from unnest($1::bigint[], $2::bigint[], $3::numeric[]) as t(id, key_id, qty) join stock_entry e on e.id = t.id
     ),
     c as (
       select v.*, sum(v.qty) over w as cq, sum(v.v) over w as cv
       from v window w as (partition by v.key_id order by v.id rows unbounded preceding)
     ),
     ins as (
       insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after, fifo_pos, fifo_value)
       select c.id, c.key_id, $4, c.qty, trim_scale(c.v), true, trim_scale(b.qty + c.cq), trim_scale(b.value + c.cv),
         trim_scale(b.in_qty + c.cq), trim_scale(b.in_value + c.cv)
       from c join stock_balance b on b.key_id = c.key_id
     )
     update stock_balance b set qty = trim_scale(b.qty + s.q), value = trim_scale(b.value + s.v),
       in_qty = trim_scale(b.in_qty + s.q), in_value = trim_scale(b.in_value + s.v),
       last_posted_at = $4, updated_at = now()
     from (select key_id, sum(qty) as q, sum(v) as v from v group by key_id) s
     where b.key_id = s.key_id`,
    [rows.map((r) => r.id), rows.map((r) => r.keyId), rows.map((r) => r.qty), postedAt],
  );
}
