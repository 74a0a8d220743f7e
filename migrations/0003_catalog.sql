-- Catalog: units, attributes, items (templates) with their own attribute mapping, variants.

create table uom (
  code text primary key,
  name text not null,
  decimals smallint not null default 0 check (decimals between 0 and 6)
);
insert into uom (code, name, decimals) values
  ('ea', 'each', 0), ('kg', 'kilogram', 3), ('g', 'gram', 2), ('m', 'metre', 3), ('l', 'litre', 3),
  ('ml', 'millilitre', 1), ('box', 'box', 0), ('h', 'hour', 2);

create table attribute (
  id uuid primary key,
  code text not null,
  name text not null,
  created_at timestamptz not null default now()
);
create unique index attribute_code on attribute (lower(code));

create table attribute_value (
  attribute_id uuid not null references attribute (id),
  value text not null,
  position int not null default 0,
  primary key (attribute_id, value)
);

create table item (
  id uuid primary key,
  code text not null,
  name text not null,
  kind text not null check (kind in ('material', 'product', 'consumable', 'service')),
  uom text not null references uom (code),
  category text,
  low_stock_threshold numeric check (low_stock_threshold >= 0),
  -- the attribute whose value is the production stage (e.g. Cut → Sewn → Packed), if any
  stage_attribute_id uuid references attribute (id),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index item_code on item (lower(code));

-- The item's own copy of its attributes and allowed values: editing one item never affects another.
create table item_attribute (
  item_id uuid not null references item (id),
  attribute_id uuid not null references attribute (id),
  position int not null default 0,
  allowed_values text[] not null,
  primary key (item_id, attribute_id)
);

-- For items with a stage attribute: which other attributes apply at each stage.
create table item_stage_attribute (
  item_id uuid not null references item (id),
  stage text not null,
  attribute_id uuid not null references attribute (id),
  primary key (item_id, stage, attribute_id)
);

-- A concrete, stockable combination of attribute values. `key` is canonical (attribute codes
-- sorted, lower-case), so one combination is one variant, found and created by key.
create table variant (
  id uuid primary key,
  item_id uuid not null references item (id),
  key text not null,
  code text not null,
  name text not null,
  attributes jsonb not null default '{}',
  stage text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (item_id, key)
);
create index variant_code on variant (lower(code));
