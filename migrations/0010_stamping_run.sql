-- The stamp run: boxes confirmed at the workstation, skids, verification, outbounds, and the
-- customer portal's PO requests.

-- A confirmation may be overridden past the stamp balance (audited): the stamp store allows it,
-- and the confirm command itself refuses a shortage unless the operator overrides.
update location set allow_negative = true where id in (select stamp_location_id from stamping_setup);

alter table production_order
  add column started_by uuid references app_user (id),
  add column completed_by uuid references app_user (id);

create table skid (
  id uuid primary key,
  po_id uuid not null references production_order (id),
  seq int not null check (seq > 0),
  -- SK-<PO>-NN
  label text not null,
  -- where it was put away (a zone or slot)
  location_id uuid not null references location (id),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid references app_user (id)
);
-- a deleted skid's number is free again; a live one never collides
create unique index skid_seq on skid (po_id, seq) where deleted_at is null;
create unique index skid_label on skid (lower(label)) where deleted_at is null;

-- One box line stamped for a PO line: a physical line is stamped once, ever.
create table run_box (
  id uuid primary key,
  po_id uuid not null references production_order (id),
  box_id uuid not null references shipment_box (id),
  box_line_id uuid not null unique references shipment_box_line (id),
  po_line_id uuid not null references production_order_line (id),
  region_code text not null references tax_region (code),
  -- units stamped, and units the line damaged or found missing during the run
  qty numeric not null check (qty >= 0),
  damaged_qty numeric not null default 0 check (damaged_qty >= 0),
  missing_qty numeric not null default 0 check (missing_qty >= 0),
  stamps numeric not null check (stamps >= 0),
  -- the stamp issue in the ledger
  document_id uuid references stock_document (id),
  override_reason text,
  -- null while staged for the current skid
  skid_id uuid references skid (id),
  confirmed_by uuid references app_user (id),
  confirmed_at timestamptz not null default now()
);
create index run_box_po on run_box (po_id, confirmed_at);
create index run_box_skid on run_box (skid_id) where skid_id is not null;

-- Boxes the operator skipped on a PO (a shortage choice, or not stamped on this run).
create table run_skip (
  po_id uuid not null references production_order (id),
  box_id uuid not null references shipment_box (id),
  reason text,
  skipped_by uuid references app_user (id),
  skipped_at timestamptz not null default now(),
  primary key (po_id, box_id)
);

-- Every change to a skid's boxes, one row per box and side; a batch groups one transfer.
create table skid_amendment (
  id uuid primary key,
  skid_id uuid not null references skid (id),
  run_box_id uuid not null references run_box (id),
  kind text not null check (kind in ('added', 'appended', 'transferred_in', 'transferred_out')),
  reason text,
  batch_id uuid,
  by_user uuid references app_user (id),
  at timestamptz not null default now()
);
create index skid_amendment_skid on skid_amendment (skid_id, at);

-- The four-eyes sign-off: per line estimate, actual, damaged, missing and found-damaged, frozen.
create table po_verification (
  id uuid primary key,
  po_id uuid not null unique references production_order (id),
  verified_by uuid not null references app_user (id),
  verified_at timestamptz not null default now(),
  lines jsonb not null,
  note text
);

-- What leaves for a consignee: one outbound per consignee per completion day.
create sequence outbound_seq;
create table outbound (
  id uuid primary key,
  number text not null unique,
  customer_id uuid not null references consignee (customer_id),
  day date not null,
  created_at timestamptz not null default now(),
  unique (customer_id, day)
);
create table outbound_po (
  outbound_id uuid not null references outbound (id),
  po_id uuid not null unique references production_order (id),
  primary key (outbound_id, po_id)
);

-- A customer's request for production, reviewed by the plant.
create sequence po_request_seq;
create table po_request (
  id uuid primary key,
  number text not null unique,
  customer_id uuid not null references consignee (customer_id),
  shipment_id uuid not null references shipment (id),
  status text not null check (status in ('pending', 'modified', 'approved', 'declined', 'rejected')),
  requested_day date not null,
  delivery_date date,
  delivery_details text,
  -- a modification the plant proposes: another day and/or smaller quantities per line
  proposed_day date,
  reject_reason text,
  po_id uuid references production_order (id),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  updated_at timestamptz not null default now()
);
create index po_request_customer on po_request (customer_id, created_at desc);
create index po_request_pending on po_request (created_at) where status in ('pending', 'modified');

create table po_request_line (
  request_id uuid not null references po_request (id),
  line_no int not null,
  variant_id uuid not null references variant (id),
  region_code text not null references tax_region (code),
  qty numeric not null check (qty > 0),
  proposed_qty numeric check (proposed_qty >= 0),
  primary key (request_id, line_no),
  unique (request_id, variant_id, region_code)
);
