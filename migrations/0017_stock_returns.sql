-- Returns: a document giving back part of an earlier receipt (to the supplier) or issue (into
-- stock). Its entries keep the returned document's line numbers, so what was returned of a line
-- is the sum of its posted returns' entries on that line.
alter table stock_document add column return_of uuid references stock_document (id);
create index stock_document_return_of on stock_document (return_of) where return_of is not null;

-- A carried cost may now come from another document's entry of a different quantity: a return of
-- part of an issue brings its share of what the issue took out. A transfer's legs have equal
-- quantities and carry the whole value, exactly as before.
create or replace function stock_incoming_value(p_entry bigint) returns numeric language plpgsql stable as $$
begin
  return (select case
    when e.cost_share is not null then coalesce(e.qty * e.unit_cost, 0) + (
      select round(pool.v * sh.cum / sh.total, 6) - round(pool.v * (sh.cum - e.cost_share) / sh.total, 6)
      from (select -coalesce(sum(cv.value), 0) as v from stock_entry c join stock_entry_value cv on cv.entry_id = c.id
            where c.document_id = e.document_id and c.qty < 0 and c.reverses_entry_id is null) pool,
           (select sum(o.cost_share) filter (where o.id <= e.id) as cum, sum(o.cost_share) as total from stock_entry o
            where o.document_id = e.document_id and o.cost_share is not null and o.reverses_entry_id is null) sh)
    when e.unit_cost is not null then e.qty * e.unit_cost
    else coalesce((select case when s.qty = -e.qty then -v.value else round(e.qty * v.value / s.qty, 6) end
      from stock_entry s join stock_entry_value v on v.entry_id = s.id where s.id = e.cost_source_entry_id), 0) end
  from stock_entry e where e.id = p_entry);
end $$;

-- A key may now carry its own cost: a return into the key its issue came from. Its own later
-- entries carrying a cost rewritten here are named too, and re-valued again from then on.
create or replace function stock_revalue_key(p_key bigint, p_from timestamptz, p_new_from bigint,
  out changed int, out balance_changed boolean, out dependent_keys bigint[], out dependent_from timestamptz[],
  out min_qty numeric, out min_at timestamptz)
-- a large key's written rows stay in memory until counted
language plpgsql set work_mem = '128MB' as $$
declare
  s json;
  cancelled bigint[];
  -- outgoing entries written here whose value another entry carries
  fed bigint[];
begin
  -- placeholders for this posting's entries (rewritten with the others), and what it cancels;
  -- they are dated p_from or later, which keeps the lookup to the key's rows from then on
  with n as (select e.id, e.key_id, e.posted_at, e.qty, e.reverses_entry_id from stock_entry e
             where e.key_id = p_key and e.posted_at >= coalesce(p_from, '-infinity') and e.id >= p_new_from),
  ins as (insert into stock_entry_value (entry_id, key_id, posted_at, qty, value, layer, qty_after, value_after)
          select n.id, n.key_id, n.posted_at, n.qty, 0, false, 0, 0 from n)
  select coalesce(array_agg(n.reverses_entry_id) filter (where n.reverses_entry_id is not null), '{}') into cancelled from n;
  select count(*), coalesce(array_agg(w.entry_id) filter (where w.feeds), '{}') into changed, fed
  from stock_revalue_rows(p_key, p_from, p_new_from, cancelled) w;
  s := current_setting('shopfloor.revalued')::json;
  balance_changed := (s->>'balance_changed')::boolean;
  min_qty := (s->>'min_qty')::numeric;
  min_at := (s->>'min_at')::timestamptz;
  -- a transfer's incoming entry carries its outgoing entry's value; a production output shares
  -- what its document consumed
  select array_agg(d.key_id order by d.key_id), array_agg(d.at order by d.key_id) into dependent_keys, dependent_from from (
    -- (to the millisecond, down: the caller passes it back as a JavaScript date)
    select d.key_id, date_trunc('milliseconds', min(d.posted_at)) as at from (
      select d.key_id, d.posted_at from stock_entry d where d.cost_source_entry_id = any (fed)
      union all
      select d.key_id, d.posted_at from stock_entry c join stock_entry d on d.document_id = c.document_id and d.cost_share is not null
      where c.id = any (fed)
    ) d group by d.key_id
  ) d;
end $$;
