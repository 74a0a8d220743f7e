-- A posting in one call (migration 0011) reads its entries back with what they share - document,
-- times, actor - on the first row only: the rest of the function is as it was.

create or replace function stock_post(
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
  d stock_document;
  v_actor text;
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

  -- read back: what every entry shares (document, times, actor) on the first row only, which the
  -- caller copies to the others; a 1,000-line document sends and parses a third less
  select * into d from stock_document where stock_document.id = p_doc;
  select u.username into v_actor from app_user u where u.id = p_actor;
  return query
  select e.id::text, case when f then d.id end, case when f then d.number end, case when f then d.type end, e.document_line,
    case when f then e.posted_at end, case when f then e.recorded_at end, k.variant_id, v.code, k.location_id, loc.code,
    k.lot_id, lot.code, k.grade, e.qty, ev.qty_after, ev.value, e.reason, case when f then d.note end, case when f then e.actor_id end,
    case when f then v_actor end, e.reverses_entry_id::text, case when f then d.status end, case when f then d.reason end, e.key_id::text
  from stock_entry e
  cross join lateral (select e.id = ids[1] as f) r1
  join stock_key k on k.id = e.key_id
  join variant v on v.id = k.variant_id
  join location loc on loc.id = k.location_id
  left join lot on lot.id = k.lot_id
  left join stock_entry_value ev on ev.entry_id = e.id
  where e.id = any (ids) order by e.id;
end $$;
