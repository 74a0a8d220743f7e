-- Planning: capacity calendars that any kind of run books onto (stamping POs, batches, work orders).

create table planning_site (
  id uuid primary key,
  code text not null,
  name text not null,
  location_id uuid references location (id),
  -- units a day may take across all runs; going over is a warning, never a refusal
  daily_cap numeric not null default 12000 check (daily_cap > 0),
  -- ISO weekdays that are working days (1 = Monday … 7 = Sunday)
  working_days smallint[] not null default '{1,2,3,4,5}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index planning_site_code on planning_site (lower(code));

create table planning_closed_day (
  site_id uuid not null references planning_site (id),
  day date not null,
  reason text,
  primary key (site_id, day)
);

-- One booking per run: which day it is planned on, how many units, and its place in the day's queue.
create table planning_booking (
  run_type text not null,
  run_id uuid not null,
  site_id uuid not null references planning_site (id),
  day date not null,
  qty numeric not null check (qty >= 0),
  urgent boolean not null default false,
  -- drag order within the day; ties keep booking time
  sequence int not null default 0,
  booked_at timestamptz not null default now(),
  primary key (run_type, run_id)
);
create index planning_booking_day on planning_booking (site_id, day, sequence, booked_at);
