-- Stock: locations, lots, grades, the append-only ledger, its valuation, balances, reservations,
-- serial units.

create table location (
  id uuid primary key,
  code text not null,
  name text not null,
  kind text not null check (kind in ('warehouse', 'zone', 'slot', 'supplier', 'transit', 'customer', 'production', 'scrap')),
  parent_id uuid references location (id),
  -- materialised path of codes (WH1/A/03) for roll-ups by warehouse or zone
  path text not null,
  allow_negative boolean not null default false,
  customer_id uuid references customer (id),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index location_code on location (lower(code));
create index location_path on location (path text_pattern_ops);

create table grade (
  code text primary key,
  name text not null,
  -- whether stock of this grade counts as available for use
  usable boolean not null,
  position int not null default 0
);
insert into grade (code, name, usable, position) values
  ('good', 'Good', true, 0), ('rework', 'Rework', false, 1),
  ('defective', 'Defective', false, 2), ('damaged', 'Damaged', false, 3);

create table lot (
  id uuid primary key,
  code text not null,
  item_id uuid references item (id),
  variant_id uuid references variant (id),
  expiry_date date,
  supplier text,
  received_date date,
  note text,
  created_at timestamptz not null default now()
);
create unique index lot_code on lot (lower(code));
create index lot_expiry on lot (item_id, expiry_date);

-- One row per (variant, location, lot, grade): the key every entry and balance hangs on.
create table stock_key (
  id bigserial primary key,
  variant_id uuid not null references variant (id),
  location_id uuid not null references location (id),
  lot_id uuid references lot (id),
  grade text not null references grade (code),
  unique nulls not distinct (variant_id, location_id, lot_id, grade)
);
create index stock_key_location on stock_key (location_id);
create index stock_key_lot on stock_key (lot_id) where lot_id is not null;

-- The documents that post stock: receipt, issue, transfer, adjustment, count, production, return.
create table stock_document (
  id uuid primary key,
  number text not null unique,
  type text not null,
  status text not null check (status in ('posted', 'cancelled')),
  posted_at timestamptz not null,
  reason text,
  note text,
  source_type text,
  source_id text,
  created_by uuid,
  created_at timestamptz not null default now(),
  cancelled_at timestamptz,
  cancelled_by uuid
);
create index stock_document_posted on stock_document (posted_at desc);
create index stock_document_source on stock_document (source_type, source_id);

-- Document numbers come from one sequence: gaps are possible, a lock per document type is not.
create sequence stock_document_seq;

-- The ledger. Facts only, never changed: quantity, when it counts (posted_at) and when it was
-- written (recorded_at), the cost it came in at, and what caused it. A cancellation is a new
-- entry dated like the one it reverses.
create table stock_entry (
  id bigserial primary key,
  key_id bigint not null references stock_key (id),
  posted_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  qty numeric not null check (qty <> 0),
  -- incoming only: the unit cost given by the document (null when taken from cost_source_entry_id)
  unit_cost numeric check (unit_cost >= 0),
  -- incoming only: an outgoing entry whose value this entry carries (transfers)
  cost_source_entry_id bigint references stock_entry (id),
  reverses_entry_id bigint unique references stock_entry (id),
  document_id uuid not null references stock_document (id),
  document_line int not null,
  reason text,
  serial_id uuid,
  actor_id uuid,
  check (qty > 0 or (unit_cost is null and cost_source_entry_id is null) or reverses_entry_id is not null)
);
create index stock_entry_key_time on stock_entry (key_id, posted_at, id);
create index stock_entry_document on stock_entry (document_id);
create index stock_entry_cost_source on stock_entry (cost_source_entry_id) where cost_source_entry_id is not null;
create trigger stock_entry_append_only before update or delete on stock_entry
  for each row execute function shopfloor_refuse_change();
create trigger stock_entry_no_truncate before truncate on stock_entry
  for each statement execute function shopfloor_refuse_change();

-- Derived from the ledger and rewritten whenever an earlier posting changes it (back-dated
-- receipts, cancellations): running quantity and value after the entry in posting order, the
-- entry's value, and its position on the key's FIFO axis.
--   incoming: fifo_pos = cumulative incoming quantity after it, fifo_value = cumulative incoming value
--   outgoing: fifo_pos = cumulative outgoing quantity after it, fifo_value = FIFO value consumed so far
create table stock_entry_value (
  entry_id bigint primary key references stock_entry (id),
  key_id bigint not null,
  posted_at timestamptz not null,
  qty numeric not null,
  value numeric not null,
  -- true for an incoming entry that forms a FIFO layer (not cancelled, not a reversal)
  layer boolean not null,
  qty_after numeric not null,
  value_after numeric not null,
  fifo_pos numeric,
  fifo_value numeric
);
create index stock_entry_value_asof on stock_entry_value (key_id, posted_at desc, entry_id desc);
create index stock_entry_value_layers on stock_entry_value (key_id, fifo_pos) where layer;

create table stock_balance (
  key_id bigint primary key references stock_key (id),
  qty numeric not null default 0,
  value numeric not null default 0,
  reserved numeric not null default 0 check (reserved >= 0),
  in_qty numeric not null default 0,
  in_value numeric not null default 0,
  out_qty numeric not null default 0,
  out_value numeric not null default 0,
  last_posted_at timestamptz,
  updated_at timestamptz not null default now()
);

create table stock_reservation (
  id uuid primary key,
  key_id bigint not null references stock_key (id),
  qty numeric not null check (qty > 0),
  remaining numeric not null check (remaining >= 0),
  status text not null check (status in ('active', 'consumed', 'released', 'expired')),
  source_type text,
  source_id text,
  expires_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create index stock_reservation_key on stock_reservation (key_id) where status = 'active';
create index stock_reservation_source on stock_reservation (source_type, source_id);

create table serial_unit (
  id uuid primary key,
  variant_id uuid not null references variant (id),
  serial_no text not null,
  status text not null,
  stage text,
  location_id uuid references location (id),
  lot_id uuid references lot (id),
  order_ref text,
  iteration int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (variant_id, serial_no)
);
create index serial_unit_status on serial_unit (variant_id, status);

create table serial_event (
  id bigserial primary key,
  serial_id uuid not null references serial_unit (id),
  at timestamptz not null default now(),
  event text not null,
  from_status text,
  to_status text,
  stage text,
  location_id uuid,
  document_id uuid,
  iteration int not null,
  actor_id uuid,
  note text
);
create index serial_event_serial on serial_event (serial_id, at);
create trigger serial_event_append_only before update or delete on serial_event
  for each row execute function shopfloor_refuse_change();
