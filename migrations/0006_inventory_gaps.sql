-- Reservations get a note and are listed newest first; transfers can be shipped through a transit
-- location as one document (posted → in transit → received).

alter table stock_reservation add column note text;
create index stock_reservation_created on stock_reservation (created_at desc, id desc);

alter table stock_document drop constraint stock_document_status_check;
alter table stock_document add constraint stock_document_status_check
  check (status in ('posted', 'in_transit', 'received', 'cancelled'));
alter table stock_document add column via_location_id uuid references location (id);
alter table stock_document add column received_at timestamptz;
alter table stock_document add column received_by uuid;

-- The plan of a shipped transfer: what left each source for which destination (the first leg's
-- entries only know the transit location), and what arrived.
create table stock_transit_line (
  document_id uuid not null references stock_document (id),
  line int not null,
  variant_id uuid not null references variant (id),
  lot_id uuid references lot (id),
  grade text not null references grade (code),
  from_location_id uuid not null references location (id),
  to_location_id uuid not null references location (id),
  to_grade text not null references grade (code),
  qty numeric not null check (qty > 0),
  received_qty numeric check (received_qty >= 0 and received_qty <= qty),
  -- the grade the shortfall was posted to at the destination; null: it stayed in transit
  shortfall_grade text references grade (code),
  primary key (document_id, line)
);
