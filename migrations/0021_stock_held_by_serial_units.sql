-- A serial unit in stock is one unit of its key (variant, location, lot, grade good): an ordinary
-- issue, transfer, adjustment or cancellation may not take the key below the units in stock there,
-- or a unit would be listed in stock with nothing on the ledger behind it. Checked where every
-- posting lands, as a balance falls; a unit's own event updates the unit before it posts, so the
-- unit it moves is not counted. (`shopfloor check` reports the same as stock.serials.)
create function stock_balance_serials_held() returns trigger language plpgsql as $$
declare
  k stock_key;
  held bigint;
begin
  select * into k from stock_key where id = new.key_id;
  if k.grade <> 'good' then return null; end if;
  -- (a key of no serial units may run below zero where its location allows, or for a moment while re-valued)
  select count(*) into held from serial_unit s
  where s.variant_id = k.variant_id and s.status = 'in_stock' and s.location_id = k.location_id and s.lot_id is not distinct from k.lot_id;
  if held > 0 and held > new.qty then
    raise exception 'stock held by serial units'
      using errcode = 'check_violation', constraint = 'stock_serial_units_held',
            detail = json_build_object('variant', (select code from variant where id = k.variant_id), 'location', (select code from location where id = k.location_id),
                                       'lot', (select code from lot where id = k.lot_id), 'held', held::text, 'left', new.qty::text)::text;
  end if;
  return null;
end $$;

create trigger stock_balance_serials_held after update of qty on stock_balance
  for each row when (new.qty < old.qty) execute function stock_balance_serials_held();
