-- Stock is negative at a moment when the balance as of that moment is: the sum of every entry
-- dated then or earlier. Cancelling an issue posts its reversal at the issue's own moment; a
-- receipt before it could then not be cancelled, the running figure between the issue and its
-- reversal counting as a negative moment. The re-valuation now judges moments (below), as
-- `shopfloor check` does.
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
  -- A moment's balance is what all of its entries leave. A cancelled entry and its reversal share
  -- their moment, so the running figure between them (the reversal comes later in entry order) is
  -- no moment's balance: measured by the pass row by row, a figure below zero is looked at again
  -- moment by moment (rare: only where a posting is refused, or cancelled entries sit in between).
  if min_qty < 0 then
    select v.qty_after, v.posted_at into min_qty, min_at from stock_entry_value v
    where v.key_id = p_key and v.posted_at >= coalesce(p_from, '-infinity') and v.qty_after < 0
      and not exists (select 1 from stock_entry_value n where n.key_id = p_key and n.posted_at = v.posted_at and n.entry_id > v.entry_id)
    order by v.qty_after, v.posted_at limit 1;
  end if;
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
