-- Ledger performance. Valuation runs in the database: a posting that appends to its keys is one
-- call (stock_post), a re-valuation one ordered pass (stock_revalue_key). FIFO lookups start from
-- a head pointer on the balance instead of an index on positions, so rewriting a key's figures
-- changes no indexed column and stays on its pages (HOT updates, ~4x cheaper per row).

-- The FIFO head: the layer holding position out_qty (the first with fifo_pos >= out_qty), null
-- when there is none (no layers, or stock consumed past every layer).
alter table stock_balance add column fifo_head_at timestamptz, add column fifo_head_id bigint;
update stock_balance b set fifo_head_at = h.posted_at, fifo_head_id = h.entry_id
from stock_balance b2 cross join lateral (
  select v.posted_at, v.entry_id from stock_entry_value v
  where v.key_id = b2.key_id and v.layer and v.fifo_pos >= b2.out_qty order by v.fifo_pos limit 1
) h
where b2.key_id = b.key_id;

-- fifo_pos changes whenever an earlier entry is posted or cancelled; indexed, every rewrite of a
-- row was a new version with new index entries. Half of each page stays free for the rewrite.
drop index stock_entry_value_layers;
alter table stock_entry_value set (fillfactor = 45);

-- Whether an entry's value is tied to another key's: an incoming entry that takes its cost from
-- another entry (transfer, production output), an outgoing one whose value another entry takes.
-- Re-valuation reads carried costs again and follows outgoing changes to the keys they feed.
alter table stock_entry_value add column linked boolean not null default false;
-- the existing rows, set-based (the rule of stock_entry_linked below)
update stock_entry_value v set linked = true from stock_entry e
where e.id = v.entry_id and e.reverses_entry_id is null and (
  (e.qty > 0 and (e.cost_source_entry_id is not null or e.cost_share is not null))
  or (e.qty < 0 and (e.id in (select d.cost_source_entry_id from stock_entry d where d.cost_source_entry_id is not null)
                     or e.document_id in (select d.document_id from stock_entry d where d.cost_share is not null))));

-- A key's linked outgoing entries: a re-valuing posting locks the keys they feed up front.
create index stock_entry_value_linked on stock_entry_value (key_id, posted_at) where linked and qty < 0;

-- Foreign keys checked row by row cost a third of a 1,000-line posting, and guard nothing the
-- ledger does not: stock_post and post-entries.ts write an entry only for a key they resolved and
-- a document of the same transaction, and a figure row only for an entry they wrote; keys,
-- documents and entries are never deleted. `shopfloor check` proves it (stock.orphans).
alter table stock_entry drop constraint stock_entry_key_id_fkey, drop constraint stock_entry_document_id_fkey;
alter table stock_entry_value drop constraint stock_entry_value_entry_id_fkey;

-- F(x), the value of the first x units received on a key, defined once (see the inventory README):
-- inside layer L (ending at pos with cumulative value val, quantity lq, value lv) ...
create function stock_fifo_value(x numeric, pos numeric, val numeric, lv numeric, lq numeric) returns numeric
  language sql immutable parallel safe as $$ select val - round((pos - x) * lv / lq, 6) $$;

-- ... and past the last layer (negative stock), at the last layer's cost.
create function stock_fifo_past(x numeric, total_qty numeric, total_value numeric, lv numeric, lq numeric) returns numeric
  language sql immutable parallel safe as $$
  select case when lq is null then total_value else total_value + round((x - total_qty) * lv / lq, 6) end $$;

-- The value an incoming entry brings: for a production output its own cost plus its share of
-- what the document consumed (cumulative rounding, so the shares add up to the pool); else its
-- given cost; else minus the value of the outgoing entry it carries (a transfer).
create function stock_incoming_value(p_entry bigint) returns numeric language plpgsql stable as $$
begin
  return (select case
    when e.cost_share is not null then coalesce(e.qty * e.unit_cost, 0) + (
      select round(pool.v * sh.cum / sh.total, 6) - round(pool.v * (sh.cum - e.cost_share) / sh.total, 6)
      from (select -coalesce(sum(cv.value), 0) as v from stock_entry c join stock_entry_value cv on cv.entry_id = c.id
            where c.document_id = e.document_id and c.qty < 0 and c.reverses_entry_id is null) pool,
           (select sum(o.cost_share) filter (where o.id <= e.id) as cum, sum(o.cost_share) as total from stock_entry o
            where o.document_id = e.document_id and o.cost_share is not null and o.reverses_entry_id is null) sh)
    when e.unit_cost is not null then e.qty * e.unit_cost
    else -coalesce((select v.value from stock_entry_value v where v.entry_id = e.cost_source_entry_id), 0) end
  from stock_entry e where e.id = p_entry);
end $$;

-- Whether an entry's value is tied to another entry's (see stock_entry_value.linked).
create function stock_entry_linked(p_entry bigint) returns boolean language plpgsql stable as $$
begin
  return (select e.reverses_entry_id is null and case when e.qty > 0
      then e.cost_source_entry_id is not null or e.cost_share is not null
      else exists (select 1 from stock_entry d where d.cost_source_entry_id = e.id)
        or exists (select 1 from stock_entry d where d.document_id = e.document_id and d.cost_share is not null) end
    from stock_entry e where e.id = p_entry);
end $$;

-- Values one entry landing after every other entry of its key and moves the balance (the key is
-- locked by the caller): incoming at p_value, forming a layer; outgoing (p_value null) at
-- -(F(b) - F(a)) as it moves the key's outgoing position from a to b, found from the head.
-- p_linked: see stock_entry_value.linked.
create function stock_append(p_entry bigint, p_key bigint, p_at timestamptz, p_qty numeric, p_value numeric, p_linked boolean) returns void
language plpgsql as $$
declare
  b stock_balance;
  x numeric; fv numeric; prev numeric;
  -- the layer consumed up to x: time, entry, end position, cumulative value, value, quantity
  l_at timestamptz; l_id bigint; l_pos numeric; l_val numeric; l_v numeric; l_q numeric;
begin
  if p_qty > 0 then
    update stock_balance set qty = trim_scale(qty + p_qty), value = trim_scale(value + p_value),
      in_qty = trim_scale(in_qty + p_qty), in_value = trim_scale(in_value + p_value), last_posted_at = p_at, updated_at = now(),
      fifo_head_at = coalesce(fifo_head_at, p_at), fifo_head_id = coalesce(fifo_head_id, p_entry)
    where key_id = p_key returning * into b;
    insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after, fifo_pos, fifo_value, linked)
    values (p_entry, p_key, p_at, p_qty, trim_scale(p_value), true, b.qty, b.value, b.in_qty, b.in_value, p_linked);
    return;
  end if;
  select * into b from stock_balance where key_id = p_key;
  x := b.out_qty - p_qty;
  prev := b.out_value;
  if x <= b.in_qty then
    select v.posted_at, v.entry_id, v.fifo_pos, v.fifo_value, v.value, v.qty into l_at, l_id, l_pos, l_val, l_v, l_q
    from stock_entry_value v
    where v.key_id = p_key and v.layer and v.fifo_pos >= x
      and (v.posted_at, v.entry_id) >= (coalesce(b.fifo_head_at, '-infinity'), coalesce(b.fifo_head_id, 0))
    order by v.posted_at, v.entry_id limit 1;
    fv := stock_fifo_value(x, l_pos, l_val, l_v, l_q);
  else
    select v.value, v.qty into l_v, l_q from stock_entry_value v where v.key_id = p_key and v.layer
    order by v.posted_at desc, v.entry_id desc limit 1;
    fv := stock_fifo_past(x, b.in_qty, b.in_value, l_v, l_q);
  end if;
  update stock_balance set qty = trim_scale(qty + p_qty), value = trim_scale(value - (fv - prev)),
    out_qty = trim_scale(x), out_value = trim_scale(fv), last_posted_at = p_at, updated_at = now(),
    fifo_head_at = l_at, fifo_head_id = l_id
  where key_id = p_key returning * into b;
  insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after, fifo_pos, fifo_value, linked)
  values (p_entry, p_key, p_at, p_qty, trim_scale(prev - fv), false, b.qty, b.value, b.out_qty, b.out_value, p_linked);
end $$;

-- Many receipts at a given cost landing after everything on their keys (bulk documents): valued,
-- running figures computed per key, and balances moved, in one statement.
create function stock_append_receipts(p_at timestamptz, p_ids bigint[], p_keys bigint[], p_qtys numeric[], p_costs numeric[]) returns void
-- planned once, by key only (see stock_post)
language plpgsql set plan_cache_mode = force_generic_plan set enable_seqscan = off set enable_hashjoin = off
  set enable_mergejoin = off set enable_material = off as $$
begin
  with v as (
    select t.id, t.key_id, t.qty, coalesce(t.qty * t.cost, 0) as v from unnest(p_ids, p_keys, p_qtys, p_costs) as t(id, key_id, qty, cost)
  ),
  c as (
    select v.*, sum(v.qty) over w as cq, sum(v.v) over w as cv from v
    window w as (partition by v.key_id order by v.id rows unbounded preceding)
  ),
  ins as (
    insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after, fifo_pos, fifo_value)
    select c.id, c.key_id, p_at, c.qty, trim_scale(c.v), true, trim_scale(b.qty + c.cq), trim_scale(b.value + c.cv),
      trim_scale(b.in_qty + c.cq), trim_scale(b.in_value + c.cv)
    from c join stock_balance b on b.key_id = c.key_id
  )
  update stock_balance b set qty = trim_scale(b.qty + s.q), value = trim_scale(b.value + s.v),
    in_qty = trim_scale(b.in_qty + s.q), in_value = trim_scale(b.in_value + s.v), last_posted_at = p_at, updated_at = now(),
    fifo_head_at = coalesce(b.fifo_head_at, p_at), fifo_head_id = coalesce(b.fifo_head_id, s.first)
  from (select v.key_id, sum(v.qty) as q, sum(v.v) as v, min(v.id) as first from v group by v.key_id) s
  where b.key_id = s.key_id;
end $$;

-- A reversal is worth exactly minus what it cancels: a cancelled entry keeps its value (an
-- incoming one its cost, read again when carried; an outgoing one its last value).
create function stock_reversal_value(p_cancelled bigint) returns numeric language plpgsql stable as $$
begin
  return coalesce((select -(case when x.linked and x.qty > 0 then stock_incoming_value(x.entry_id) else x.value end)
    from stock_entry_value x where x.entry_id = p_cancelled), 0);
end $$;

-- An entry's figures as a re-valuation yields them, with its stored row.
create type stock_revalued as (
  row_ctid tid, linked boolean, value numeric, layer boolean, qty_after numeric, value_after numeric, fifo_pos numeric, fifo_value numeric
);

-- Every entry of a key valued again in one ordered pass over its stored rows, and the balance.
-- Entries with id >= p_new_from are this posting's: their rows are placeholders, their facts are
-- read; p_cancelled are the entries its reversals cancel. Layers go into arrays as they come; an
-- outgoing entry finds its layer with a pointer that only moves forward. Where stock is negative
-- on the FIFO axis an outgoing entry's layer arrives later: rows wait in a buffer until it does
-- (or, past every layer, until the end). Yields every entry's figures; leaves in the transaction's
-- setting shopfloor.revalued the lowest running quantity from p_from on and its time, and whether
-- the balance changed.
create function stock_revalue_rows(p_key bigint, p_from timestamptz, p_new_from bigint, p_cancelled bigint[]) returns setof stock_revalued
-- the entries in posting order straight from the index, for a key of any size: whatever the
-- estimates, sorting a large key costs more than the whole pass
language plpgsql set plan_cache_mode = force_generic_plan set enable_sort = off set enable_bitmapscan = off as $$
declare
  r record;
  o stock_revalued;
  -- layers in FIFO order: end position, cumulative value, quantity, value, entry
  l_pos numeric[] := '{}'; l_val numeric[] := '{}'; l_q numeric[] := '{}'; l_v numeric[] := '{}'; l_id bigint[] := '{}';
  n int := 0;
  li int := 1;
  in_pos numeric := 0; in_val numeric := 0; out_pos numeric := 0; out_val numeric := 0;
  q_run numeric := 0; v_run numeric := 0; last_at timestamptz;
  low numeric := 'Infinity'; low_at timestamptz;
  -- rows waiting for a later layer: the row, its quantity and time, and the outgoing position
  -- still to value (null: valued)
  w stock_revalued[] := '{}'; w_q numeric[] := '{}'; w_at timestamptz[] := '{}';
  w_x numeric[] := '{}'; w_n int := 0; w_max numeric;
  v numeric; fv numeric; j int;
  b stock_balance;
  head_id bigint; head_at timestamptz;
begin
  p_from := coalesce(p_from, '-infinity');

  for r in
    -- a stored incoming entry's value is its cost (a carried cost is read again), an outgoing
    -- one's is its last value; off the axis: a reversal (of what?), or cancelled - before, as its
    -- row says, or now
    select v.entry_id as id, v.posted_at, v.qty, v.ctid as vt,
      case when v.entry_id >= p_new_from then stock_entry_linked(v.entry_id) else v.linked end as linked,
      case when v.entry_id >= p_new_from or (v.linked and v.qty > 0) then stock_incoming_value(v.entry_id) else v.value end as vin,
      (v.fifo_pos is null and not v.layer and v.entry_id < coalesce(p_new_from, v.entry_id + 1)) or v.entry_id = any (p_cancelled) as off,
      case when v.fifo_pos is null and not v.layer then (select e.reverses_entry_id from stock_entry e where e.id = v.entry_id) end as rev
    from stock_entry_value v where v.key_id = p_key
    order by v.posted_at, v.entry_id
  loop
    if w_n = 0 then
      -- the usual case: every row valued as it comes, yielded at once
      if r.rev is not null then
        v := stock_reversal_value(r.rev);
        q_run := q_run + r.qty; v_run := v_run + v;
        if q_run < low and r.posted_at >= p_from then low := q_run; low_at := r.posted_at; end if;
        return next row(r.vt, r.linked, v, false, q_run, v_run, null, null)::stock_revalued;
      elsif r.off then
        -- a cancelled entry leaves the FIFO axis; an outgoing one keeps its last value
        q_run := q_run + r.qty; v_run := v_run + r.vin;
        if q_run < low and r.posted_at >= p_from then low := q_run; low_at := r.posted_at; end if;
        return next row(r.vt, r.linked, r.vin, false, q_run, v_run, null, null)::stock_revalued;
      elsif r.qty > 0 then
        in_pos := in_pos + r.qty; in_val := in_val + r.vin;
        n := n + 1; l_pos[n] := in_pos; l_val[n] := in_val; l_q[n] := r.qty; l_v[n] := r.vin; l_id[n] := r.id;
        q_run := q_run + r.qty; v_run := v_run + r.vin;
        if q_run < low and r.posted_at >= p_from then low := q_run; low_at := r.posted_at; end if;
        return next row(r.vt, r.linked, r.vin, true, q_run, v_run, in_pos, in_val)::stock_revalued;
      elsif out_pos - r.qty <= in_pos then
        out_pos := out_pos - r.qty;
        while l_pos[li] < out_pos loop li := li + 1; end loop;
        fv := stock_fifo_value(out_pos, l_pos[li], l_val[li], l_v[li], l_q[li]);
        v := out_val - fv; out_val := fv;
        q_run := q_run + r.qty; v_run := v_run + v;
        if q_run < low and r.posted_at >= p_from then low := q_run; low_at := r.posted_at; end if;
        return next row(r.vt, r.linked, v, false, q_run, v_run, out_pos, fv)::stock_revalued;
      else
        -- consumed past the layers received so far: its layer comes later, wait for it
        out_pos := out_pos - r.qty;
        w_n := 1; w_max := out_pos; w_x[1] := out_pos; w_q[1] := r.qty; w_at[1] := r.posted_at;
        w[1] := row(r.vt, r.linked, null, false, null, null, null, null);
      end if;
      continue;
    end if;

    -- waiting: value what can be valued, and buffer the row
    w_n := w_n + 1; w_x[w_n] := null; w_q[w_n] := r.qty; w_at[w_n] := r.posted_at;
    if r.rev is not null then
      w[w_n] := row(r.vt, r.linked, stock_reversal_value(r.rev), false, null, null, null, null);
    elsif r.off then
      w[w_n] := row(r.vt, r.linked, r.vin, false, null, null, null, null);
    elsif r.qty > 0 then
      in_pos := in_pos + r.qty; in_val := in_val + r.vin;
      n := n + 1; l_pos[n] := in_pos; l_val[n] := in_val; l_q[n] := r.qty; l_v[n] := r.vin; l_id[n] := r.id;
      w[w_n] := row(r.vt, r.linked, r.vin, true, null, null, in_pos, in_val);
    else
      out_pos := out_pos - r.qty;
      w_max := out_pos; w_x[w_n] := out_pos;
      w[w_n] := row(r.vt, r.linked, null, false, null, null, null, null);
    end if;
    if r.qty > 0 and r.rev is null and not r.off and in_pos >= w_max then
      -- the axis reached every waiting position: value and yield the waiting rows in order
      for j in 1..w_n loop
        o := w[j];
        if w_x[j] is not null then
          while l_pos[li] < w_x[j] loop li := li + 1; end loop;
          fv := stock_fifo_value(w_x[j], l_pos[li], l_val[li], l_v[li], l_q[li]);
          o.value := out_val - fv; o.fifo_pos := w_x[j]; o.fifo_value := fv; out_val := fv;
        end if;
        q_run := q_run + w_q[j]; v_run := v_run + o.value;
        if q_run < low and w_at[j] >= p_from then low := q_run; low_at := w_at[j]; end if;
        o.qty_after := q_run; o.value_after := v_run;
        return next o;
      end loop;
      w_n := 0;
    end if;
  end loop;
  if found then last_at := r.posted_at; end if;

  -- still waiting at the end: consumed past every layer, priced at the last layer's cost
  for j in 1..w_n loop
    o := w[j];
    if w_x[j] is not null then
      while li <= n and l_pos[li] < w_x[j] loop li := li + 1; end loop;
      fv := case when li <= n then stock_fifo_value(w_x[j], l_pos[li], l_val[li], l_v[li], l_q[li])
                 else stock_fifo_past(w_x[j], in_pos, in_val, l_v[n], l_q[n]) end;
      o.value := out_val - fv; o.fifo_pos := w_x[j]; o.fifo_value := fv; out_val := fv;
    end if;
    q_run := q_run + w_q[j]; v_run := v_run + o.value;
    if q_run < low and w_at[j] >= p_from then low := q_run; low_at := w_at[j]; end if;
    o.qty_after := q_run; o.value_after := v_run;
    return next o;
  end loop;

  -- the balance, and its FIFO head: the first layer reaching the outgoing position
  while li <= n and l_pos[li] < out_pos loop li := li + 1; end loop;
  if li <= n then
    head_id := l_id[li];
    select e.posted_at into head_at from stock_entry e where e.id = head_id;
  end if;
  select * into b from stock_balance where key_id = p_key;
  perform set_config('shopfloor.revalued', json_build_object(
    'min_qty', case when low < 'Infinity' then low end, 'min_at', low_at,
    'balance_changed', (b.qty, b.value, b.in_qty, b.in_value, b.out_qty, b.out_value, b.last_posted_at, b.fifo_head_at, b.fifo_head_id)
      is distinct from (q_run, v_run, in_pos, in_val, out_pos, out_val, coalesce(last_at, b.last_posted_at), head_at, head_id))::text, true);
  update stock_balance set qty = trim_scale(q_run), value = trim_scale(v_run), in_qty = trim_scale(in_pos), in_value = trim_scale(in_val),
    out_qty = trim_scale(out_pos), out_value = trim_scale(out_val), last_posted_at = coalesce(last_at, last_posted_at), updated_at = now(),
    fifo_head_at = head_at, fifo_head_id = head_id
  where key_id = p_key;
end $$;

-- Re-values one key (locked by the caller) and writes only the figures that changed; entries with
-- id >= p_new_from (this posting's) get their first figures. Returns how many entry rows were
-- written, whether the balance changed, the keys whose incoming cost comes from an outgoing entry
-- written here, and the lowest running quantity from p_from on.
create function stock_revalue_key(p_key bigint, p_from timestamptz, p_new_from bigint,
  out changed int, out balance_changed boolean, out dependent_keys bigint[], out min_qty numeric, out min_at timestamptz)
-- a large key's figures stay in memory between the pass and the rewrite
language plpgsql set work_mem = '128MB' as $$
declare
  s json;
  cancelled bigint[];
  -- outgoing entries written here whose value another entry carries
  fed bigint[];
begin
  -- placeholders for this posting's entries (rewritten with the others), and what it cancels
  with n as (select e.id, e.key_id, e.posted_at, e.qty, e.reverses_entry_id from stock_entry e where e.key_id = p_key and e.id >= p_new_from),
  ins as (insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after)
          select n.id, n.key_id, n.posted_at, n.qty, 0, false, 0, 0 from n)
  select coalesce(array_agg(n.reverses_entry_id) filter (where n.reverses_entry_id is not null), '{}') into cancelled from n;
  with up as (
    update stock_entry_value v set value = trim_scale(r.value), layer = r.layer, qty_after = trim_scale(r.qty_after),
      value_after = trim_scale(r.value_after), fifo_pos = trim_scale(r.fifo_pos), fifo_value = trim_scale(r.fifo_value), linked = r.linked
    from stock_revalue_rows(p_key, p_from, p_new_from, cancelled) r
    where v.ctid = r.row_ctid and v.key_id = p_key
      and (v.value, v.layer, v.qty_after, v.value_after, v.fifo_pos, v.fifo_value, v.linked)
        is distinct from (r.value, r.layer, r.qty_after, r.value_after, r.fifo_pos, r.fifo_value, r.linked)
    returning v.entry_id, v.qty < 0 and v.linked as feeds
  )
  select count(*), coalesce(array_agg(up.entry_id) filter (where up.feeds), '{}') into changed, fed from up;
  s := current_setting('shopfloor.revalued')::json;
  balance_changed := (s->>'balance_changed')::boolean;
  min_qty := (s->>'min_qty')::numeric;
  min_at := (s->>'min_at')::timestamptz;
  -- a transfer's incoming entry carries its outgoing entry's value; a production output shares
  -- what its document consumed
  select array_agg(distinct d.key_id) into dependent_keys from (
    select d.key_id from stock_entry d where d.cost_source_entry_id = any (fed)
    union all
    select d.key_id from stock_entry c join stock_entry d on d.document_id = c.document_id and d.cost_share is not null
    where c.id = any (fed)
  ) d where d.key_id <> p_key;
end $$;

-- The keys a posting dated p_from on p_keys will most likely re-value through carried costs: the
-- keys of the entries that take their cost from these keys' outgoing entries from then on, and
-- theirs in turn. Read before locking, so a re-valuing posting can lock the keys it will write in
-- key order, as postings appending to them do (a key it reaches beyond these it locks when it gets
-- there).
create function stock_cost_dependents(p_keys bigint[], p_from timestamptz) returns setof bigint language sql stable as $$
  with recursive c(key_id, from_at) as (
    select k, p_from from unnest(p_keys) as k
    union
    select d.key_id, d.posted_at
    from c join stock_entry_value o on o.key_id = c.key_id and o.posted_at >= c.from_at and o.linked and o.qty < 0
    join stock_entry e on e.id = o.entry_id
    cross join lateral (
      select d.key_id, d.posted_at from stock_entry d where d.cost_source_entry_id = e.id
      union all
      select d.key_id, d.posted_at from stock_entry d where d.document_id = e.document_id and d.cost_share is not null
    ) d
  )
  select distinct key_id from c where key_id <> all (p_keys)
$$;

-- A posting in one call: resolves (creating) the drafts' keys, locks their balances in key order,
-- and, when every entry lands after everything on its key (not back-dated, not filling negative
-- stock, not eating into reserved or missing stock), writes the document (when p_number_prefix is
-- given), the entries, their values and the balances, and returns the entries as the document
-- read returns them. Otherwise it writes nothing and returns no rows: the caller posts the slow
-- way (re-valuation, or the refusal with its explanation). p_cost_from: the 0-based draft whose
-- value an incoming entry carries.
create function stock_post(
  p_doc uuid, p_posted_at timestamptz, p_is_now boolean, p_now timestamptz, p_actor uuid,
  p_number_prefix text, p_type text, p_reason text, p_note text, p_source_type text, p_source_id text,
  p_variant uuid[], p_location uuid[], p_lot uuid[], p_grade text[], p_qty numeric[], p_unit_cost numeric[],
  p_cost_from int[], p_line int[], p_entry_reason text[], p_serial uuid[])
returns table (id text, document_id uuid, document_number text, document_type text, document_line int, posted_at timestamptz,
  recorded_at timestamptz, variant_id uuid, variant_code text, location_id uuid, location_code text, lot_id uuid, lot_code text,
  grade text, qty numeric, qty_after numeric, value numeric, reason text, note text, actor_id uuid, actor_label text,
  reverses_entry_id text, d_status text, d_reason text, key_id text)
-- planned once per connection, not at every call, and by key only: a plan made while the tables
-- were small stays right as they grow
language plpgsql set plan_cache_mode = force_generic_plan set enable_seqscan = off set enable_hashjoin = off
  set enable_mergejoin = off set enable_material = off as $$
#variable_conflict use_column
declare
  n int := cardinality(p_qty);
  keys bigint[];
  ids bigint[];
  v_at timestamptz;
  blocked boolean;
  bn int := 0;
  b_id bigint[] := '{}'; b_key bigint[] := '{}'; b_qty numeric[] := '{}'; b_cost numeric[] := '{}';
begin
  -- the usual case: every key exists already (keys and their balances are created together)
  keys := array(
    select k.id from unnest(p_variant, p_location, p_lot, p_grade) with ordinality as w(variant_id, location_id, lot_id, grade, ord)
    join stock_key k on (k.variant_id, k.location_id, k.grade) = (w.variant_id, w.location_id, w.grade) and k.lot_id is not distinct from w.lot_id
    order by w.ord);
  if cardinality(keys) <> n then
    insert into stock_key (variant_id, location_id, lot_id, grade)
    select distinct * from unnest(p_variant, p_location, p_lot, p_grade) on conflict do nothing;
    -- a statement of its own: it sees a key another posting created and committed meanwhile
    keys := array(
      select k.id from unnest(p_variant, p_location, p_lot, p_grade) with ordinality as w(variant_id, location_id, lot_id, grade, ord)
      join stock_key k on (k.variant_id, k.location_id, k.grade) = (w.variant_id, w.location_id, w.grade) and k.lot_id is not distinct from w.lot_id
      order by w.ord);
    if cardinality(keys) <> n then raise exception 'stock key resolution lost a row'; end if;
    insert into stock_balance (key_id) select distinct unnest(keys) on conflict do nothing;
  end if;

  -- a back-dated posting re-values: decline before taking any lock (a key's latest posting time
  -- only grows), so the caller can lock the keys its re-valuation reaches together with these
  if not p_is_now and exists (select 1 from stock_balance bl where bl.key_id = any (keys) and bl.last_posted_at > p_posted_at) then
    return;
  end if;

  -- lock the balances in key order (two postings over the same keys cannot deadlock), then decide
  -- on the locked figures, following each key through the document's lines in order
  with b as materialized (
    select bl.key_id, bl.qty, bl.reserved, bl.in_qty, bl.out_qty, bl.last_posted_at, loc.allow_negative
    from stock_balance bl join stock_key k on k.id = bl.key_id join location loc on loc.id = k.location_id
    where bl.key_id = any (keys) order by bl.key_id for update of bl
  ),
  t as (
    -- a posting made now never counts before the latest posting on its keys
    select case when p_is_now then greatest(p_posted_at, (select max(b.last_posted_at) from b)) else p_posted_at end as at
  ),
  d as (
    select w.key_id, w.q,
      coalesce(sum(case when w.q < 0 then -w.q else 0 end) over before, 0) as out_before,
      coalesce(sum(case when w.q > 0 then w.q else 0 end) over before, 0) as in_before,
      sum(w.q) over upto as run
    from unnest(keys, p_qty) with ordinality as w(key_id, q, ord)
    window before as (partition by w.key_id order by w.ord rows between unbounded preceding and 1 preceding),
           upto as (partition by w.key_id order by w.ord rows unbounded preceding)
  )
  select t.at, coalesce(bool_or(t.at < b.last_posted_at
      or (d.q > 0 and b.out_qty + d.out_before > b.in_qty + d.in_before)
      or (d.q < 0 and not b.allow_negative and b.qty + d.run < b.reserved)), false)
  into v_at, blocked
  from d join b on b.key_id = d.key_id cross join t group by t.at;
  if blocked then return; end if;

  ids := array(select nextval('stock_entry_id_seq') from generate_series(1, n));
  if p_number_prefix is null and v_at <> p_posted_at then
    update stock_document set posted_at = v_at where id = p_doc;
  end if;
  with doc as (
    insert into stock_document (id, number, type, status, posted_at, reason, note, source_type, source_id, created_by)
    select p_doc, p_number_prefix || '-' || lpad(nextval('stock_document_seq')::text, 6, '0'), p_type, 'posted', v_at,
      p_reason, p_note, p_source_type, p_source_id, p_actor
    where p_number_prefix is not null
  )
  insert into stock_entry (id, key_id, posted_at, recorded_at, qty, unit_cost, cost_source_entry_id, reverses_entry_id,
    document_id, document_line, reason, serial_id, actor_id, cost_share)
  select ids[t.ord::int], keys[t.ord::int], v_at, p_now, t.q, case when t.q > 0 then t.cost end, ids[t.src + 1], null,
    p_doc, t.line, t.reason, t.serial, p_actor, null
  from unnest(p_qty, p_unit_cost, p_cost_from, p_line, p_entry_reason, p_serial) with ordinality as t(q, cost, src, line, reason, serial, ord);

  -- values in line order; receipts at a given cost are valued together, flushed before anything else
  for i in 1..n loop
    if p_qty[i] > 0 and p_cost_from[i] is null then
      bn := bn + 1; b_id[bn] := ids[i]; b_key[bn] := keys[i]; b_qty[bn] := p_qty[i]; b_cost[bn] := p_unit_cost[i];
      continue;
    end if;
    if bn > 0 then
      perform stock_append_receipts(v_at, b_id[1:bn], b_key[1:bn], b_qty[1:bn], b_cost[1:bn]);
      bn := 0;
    end if;
    perform stock_append(ids[i], keys[i], v_at, p_qty[i], case when p_qty[i] > 0 then stock_incoming_value(ids[i]) end,
      stock_entry_linked(ids[i]));
  end loop;
  if bn > 0 then
    perform stock_append_receipts(v_at, b_id[1:bn], b_key[1:bn], b_qty[1:bn], b_cost[1:bn]);
  end if;

  return query
  select e.id::text, e.document_id, doc.number, doc.type, e.document_line, e.posted_at, e.recorded_at, k.variant_id, v.code,
    k.location_id, loc.code, k.lot_id, lot.code, k.grade, e.qty, ev.qty_after, ev.value, e.reason, doc.note, e.actor_id,
    u.username, e.reverses_entry_id::text, doc.status, doc.reason, e.key_id::text
  from stock_entry e
  join stock_key k on k.id = e.key_id
  join stock_document doc on doc.id = e.document_id
  join variant v on v.id = k.variant_id
  join location loc on loc.id = k.location_id
  left join lot on lot.id = k.lot_id
  left join stock_entry_value ev on ev.entry_id = e.id
  left join app_user u on u.id = e.actor_id
  where e.id = any (ids) order by e.id;
end $$;
