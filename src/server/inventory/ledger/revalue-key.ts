import type { Queryable } from '../../kernel/db/types';
import { F_INSIDE_LAYER, F_PAST_LAYERS, INCOMING_VALUE } from './fifo-sql';

export interface RevalueResult {
  /** Entry value rows written (new or changed). */
  changed: number;
  /** Keys holding incoming entries whose cost comes from an outgoing entry that changed here. */
  dependentKeys: string[];
  /** Lowest running quantity at or after `from` (null when the key has no entries there). */
  minQtyAfter: string | null;
  minQtyAt: Date | null;
}

/**
 * Re-values every entry of one key from its facts, in one set-based statement: FIFO positions,
 * entry values, running quantity and value, and the balance. Only rows whose figures changed are
 * written. Cancelled entries and their reversals leave the FIFO axis; a reversal is worth exactly
 * minus what it reverses.
 */
export async function revalueKey(tx: Queryable, keyId: string, from: Date): Promise<RevalueResult> {
  const [row] = await tx.query<{ changed: number; dependent_keys: string[] | null; min_qty: string | null; min_at: Date | null }>(
    `with e as (
      select se.id, se.posted_at, se.qty, se.reverses_entry_id,
        (se.reverses_entry_id is not null or rv.id is not null) as voided,
        case when se.qty > 0 and se.reverses_entry_id is null then ${INCOMING_VALUE('se')} end as vin
      from stock_entry se left join stock_entry rv on rv.reverses_entry_id = se.id
      where se.key_id = $1
    ),
    cum as (
      select e.id, e.posted_at, e.qty, e.vin as v,
        sum(case when e.qty > 0 then e.qty else 0 end) over w as in_pos,
        sum(case when e.qty > 0 then e.vin else 0 end) over w as in_val,
        sum(case when e.qty < 0 then -e.qty else 0 end) over w as out_pos
      from e where not e.voided
      window w as (order by e.posted_at, e.id rows unbounded preceding)
    ),
    totals as (
      select coalesce(max(in_pos), 0) as t_pos, coalesce(max(in_val), 0) as t_val from cum
    ),
    last_layer as (select v as lv, qty as lq from cum where qty > 0 order by in_pos desc limit 1),
    pts as (
      select id, posted_at, qty, in_pos as pos, 1 as kind, in_val as val, qty as lq, v as lv from cum where qty > 0
      union all
      select id, posted_at, qty, out_pos, 0, null, null, null from cum where qty < 0
    ),
    grouped as (
      select pts.*, count(*) filter (where kind = 1) over (order by pos desc, kind desc rows unbounded preceding) as grp
      from pts
    ),
    located as (
      select id, posted_at, qty, kind, pos, grp,
        first_value(pos) over g as l_pos, first_value(val) over g as l_val,
        first_value(lq) over g as l_lq, first_value(lv) over g as l_lv
      from grouped window g as (partition by grp order by pos desc, kind desc)
    ),
    f as (
      select l.id, l.posted_at, l.qty, l.pos,
        case when l.grp > 0 then ${F_INSIDE_LAYER('l.pos', 'l.l_pos', 'l.l_val', 'l.l_lv', 'l.l_lq')}
             else ${F_PAST_LAYERS('l.pos', 't.t_pos', 't.t_val', '(select lv from last_layer)', '(select lq from last_layer)')} end as fv
      from located l cross join totals t where l.kind = 0
    ),
    -- every entry once, from a single source each (no joins between large intermediate sets)
    parts as (
      select id, posted_at, qty, null::bigint as reverses, v, true as layer, in_pos as fifo_pos, in_val as fifo_value
        from cum where qty > 0
      union all
      select id, posted_at, qty, null, -(fv - coalesce(lag(fv) over (order by pos, id), 0)), false, pos, fv
        from f
      union all
      select e.id, e.posted_at, e.qty, null, case when e.qty > 0 then e.vin else old.value end, false, null, null
        from e left join stock_entry_value old on old.entry_id = e.id where e.voided and e.reverses_entry_id is null
      union all
      select id, posted_at, qty, reverses_entry_id, null, false, null, null from e where reverses_entry_id is not null
    ),
    -- a reversal is worth minus what it reverses: the pair shares a partition
    final as (
      select id, posted_at, qty, layer, fifo_pos, fifo_value,
        coalesce(v, -max(v) filter (where reverses is null) over (partition by coalesce(reverses, id)), 0) as v
      from parts
    ),
    running as (
      select final.*, sum(qty) over w as qty_after, sum(v) over w as value_after
      from final window w as (order by posted_at, id rows unbounded preceding)
    ),
    up as (
      insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after, fifo_pos, fifo_value)
      select id, $1, posted_at, qty, trim_scale(v), layer, trim_scale(qty_after), trim_scale(value_after),
        trim_scale(fifo_pos), trim_scale(fifo_value) from running
      on conflict (entry_id) do update set value = excluded.value, layer = excluded.layer,
        qty_after = excluded.qty_after, value_after = excluded.value_after,
        fifo_pos = excluded.fifo_pos, fifo_value = excluded.fifo_value
      where (stock_entry_value.value, stock_entry_value.layer, stock_entry_value.qty_after,
             stock_entry_value.value_after, stock_entry_value.fifo_pos, stock_entry_value.fifo_value)
        is distinct from (excluded.value, excluded.layer, excluded.qty_after, excluded.value_after,
             excluded.fifo_pos, excluded.fifo_value)
      returning entry_id, qty
    ),
    bal as (
      update stock_balance b set
        qty = trim_scale(s.q), value = trim_scale(s.v), in_qty = trim_scale(t.t_pos), in_value = trim_scale(t.t_val),
        out_qty = trim_scale(coalesce((select max(pos) from f), 0)),
        out_value = trim_scale(coalesce((select fv from f order by pos desc limit 1), 0)),
        last_posted_at = s.last_at, updated_at = now()
      from (select coalesce(sum(qty), 0) as q, coalesce(sum(v), 0) as v, max(posted_at) as last_at from final) s,
        totals t
      where b.key_id = $1
      returning 1
    ),
    low as (
      select qty_after, posted_at from running where posted_at >= $2 order by qty_after, posted_at, id limit 1
    )
    select (select count(*)::int from up) as changed,
      (select array_agg(distinct dep.key_id::text) from (
         select d.key_id from up join stock_entry d on d.cost_source_entry_id = up.entry_id where up.qty < 0
         union
         select d.key_id from up join stock_entry c on c.id = up.entry_id
           join stock_entry d on d.document_id = c.document_id and d.cost_share is not null where up.qty < 0
       ) dep where dep.key_id <> $1) as dependent_keys,
      (select qty_after from low) as min_qty, (select posted_at from low) as min_at,
      (select count(*) from bal) as balances`,
    [keyId, from],
  );
  return { changed: row?.changed ?? 0, dependentKeys: row?.dependent_keys ?? [], minQtyAfter: row?.min_qty ?? null, minQtyAt: row?.min_at ?? null };
}
