-- Stamping: consignees' shipments received box by box, production orders against them, tax
-- regions with their stamps, stamp orders.

create table brand (
  id uuid primary key,
  code text not null,
  name text not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index brand_code on brand (lower(code));

-- A stamping product is a catalog item (one flavour of one brand); its variants carry the volume
-- (mL) and strength (mg) attributes, so 10 mg and 20 mg of one flavour are different variants.
create table stamping_product (
  item_id uuid primary key references item (id),
  brand_id uuid not null references brand (id),
  flavour text not null
);
create unique index stamping_product_flavour on stamping_product (brand_id, lower(flavour));

-- Each region's stamp is a consumable variant in the catalog; its stock is the stamp ledger.
create table tax_region (
  code text primary key check (code ~ '^[a-z][a-z0-9_-]*$'),
  name text not null,
  colour text not null default 'gray',
  stamp_variant_id uuid not null unique references variant (id),
  position int not null default 0,
  active boolean not null default true
);

-- Where stamping keeps things: one row.
create table stamping_setup (
  id boolean primary key default true check (id),
  site_id uuid not null references planning_site (id),
  -- stamps in stock
  stamp_location_id uuid not null references location (id),
  -- parent of every consignee's stock location
  consigned_location_id uuid not null references location (id)
);

-- A customer whose goods we stamp, and the location holding their goods while they are here.
create table consignee (
  customer_id uuid primary key references customer (id),
  location_id uuid not null unique references location (id)
);

create sequence shipment_seq;
create table shipment (
  id uuid primary key,
  number text not null,
  customer_id uuid not null references consignee (customer_id),
  -- the customer's own reference (bill of lading, ASN)
  reference text,
  status text not null check (status in ('expected', 'receiving', 'inventoried')),
  expected_on date,
  -- every unit received on this shipment sits in this lot, so its stock stays traceable to it
  lot_id uuid not null references lot (id),
  note text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  inventoried_at timestamptz,
  inventoried_by uuid references app_user (id),
  updated_at timestamptz not null default now()
);
create unique index shipment_number on shipment (lower(number));
create index shipment_customer on shipment (customer_id, created_at desc);

-- The packing list: what the consignee says is on the shipment.
create table shipment_line (
  shipment_id uuid not null references shipment (id),
  variant_id uuid not null references variant (id),
  qty numeric not null check (qty > 0),
  primary key (shipment_id, variant_id)
);

-- Box numbers are unique per brand within a shipment: Orbito #1 and Linvo #1 coexist.
create table shipment_box (
  id uuid primary key,
  shipment_id uuid not null references shipment (id),
  brand_id uuid not null references brand (id),
  box_no int not null check (box_no > 0),
  status text not null check (status in ('expected', 'received')),
  received_at timestamptz,
  received_by uuid references app_user (id),
  document_id uuid references stock_document (id),
  note text,
  unique (shipment_id, brand_id, box_no)
);

-- What one box holds, per variant: raw = good + damaged + missing.
create table shipment_box_line (
  id uuid primary key,
  box_id uuid not null references shipment_box (id),
  line_no int not null,
  variant_id uuid not null references variant (id),
  raw_qty numeric not null check (raw_qty >= 0),
  good_qty numeric not null check (good_qty >= 0),
  damaged_qty numeric not null default 0 check (damaged_qty >= 0),
  missing_qty numeric not null default 0 check (missing_qty >= 0),
  check (raw_qty = good_qty + damaged_qty + missing_qty),
  unique (box_id, variant_id)
);

-- Damage records: found-damaged (on arrival, from receiving) or production (caused on the line).
create table box_damage (
  id uuid primary key,
  box_line_id uuid not null references shipment_box_line (id),
  damage_type text not null check (damage_type in ('found-damaged', 'production')),
  qty numeric not null check (qty > 0),
  note text,
  recorded_by uuid references app_user (id),
  recorded_at timestamptz not null default now()
);
create index box_damage_line on box_damage (box_line_id);

create sequence production_order_seq;
create table production_order (
  id uuid primary key,
  number text not null,
  customer_id uuid not null references consignee (customer_id),
  shipment_id uuid not null references shipment (id),
  site_id uuid not null references planning_site (id),
  status text not null check (status in ('open', 'in_production', 'pending_verification', 'completed', 'cancelled')),
  urgent boolean not null default false,
  notes text,
  -- an auto-split parent holds its segments; only leaves (no segments) allocate units and get stamped
  parent_id uuid references production_order (id),
  segment_no int,
  has_segments boolean not null default false,
  -- a line increased after production started: the verification must be done (again)
  reverification_required boolean not null default false,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  check ((parent_id is null) = (segment_no is null))
);
create unique index production_order_number on production_order (customer_id, lower(number));
create index production_order_shipment on production_order (shipment_id) where status <> 'cancelled';
create index production_order_parent on production_order (parent_id) where parent_id is not null;

create table production_order_line (
  id uuid primary key,
  po_id uuid not null references production_order (id),
  line_no int not null,
  variant_id uuid not null references variant (id),
  region_code text not null references tax_region (code),
  qty numeric not null check (qty > 0),
  stamped_qty numeric not null default 0 check (stamped_qty >= 0),
  unique (po_id, variant_id, region_code)
);

create sequence stamp_order_seq;
create table stamp_order (
  id uuid primary key,
  number text not null unique,
  region_code text not null references tax_region (code),
  qty numeric not null check (qty > 0),
  supplier text,
  status text not null check (status in ('ordered', 'received', 'cancelled')),
  ordered_on date not null,
  received_at timestamptz,
  document_id uuid references stock_document (id),
  note text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index stamp_order_region on stamp_order (region_code, ordered_on desc);

-- Every stamping product variant with the words an operator reads: "Flavour — Brand · 30mL · 20mg".
create view stamping_variant as
select v.id as variant_id, v.item_id, v.code, p.brand_id, b.name as brand, p.flavour,
  v.attributes ->> 'volume_ml' as volume_ml, v.attributes ->> 'strength_mg' as strength_mg,
  p.flavour || ' — ' || b.name || ' · ' || (v.attributes ->> 'volume_ml') || 'mL · ' || (v.attributes ->> 'strength_mg') || 'mg' as label
from variant v
join stamping_product p on p.item_id = v.item_id
join brand b on b.id = p.brand_id;
