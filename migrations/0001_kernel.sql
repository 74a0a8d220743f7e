-- Command kernel: audit chain, idempotency keys, outbox of domain events.

-- Refuses UPDATE and DELETE on append-only tables (audit, later the stock ledger).
create or replace function shopfloor_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: % refused', tg_table_name, tg_op
    using errcode = 'P0001';
end $$;

-- The audit log is split into 64 hash chains ("shards"). Each command holds one head from its
-- first statement to its commit, taking whichever is free (FOR UPDATE SKIP LOCKED), so commands do
-- not queue on one global lock, yet every event sits in exactly one verifiable chain.
create table audit_chain_head (
  shard smallint primary key,
  seq bigint not null default 0,
  hash text not null
);
insert into audit_chain_head (shard, hash)
  select s, repeat('0', 64) from generate_series(0, 63) as s;

create table audit_event (
  id uuid primary key,
  shard smallint not null references audit_chain_head (shard),
  seq bigint not null,
  occurred_at timestamptz not null,
  actor_id uuid,
  actor_label text not null,
  command text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null,
  unique (shard, seq)
);
create index audit_event_entity on audit_event (entity_type, entity_id, occurred_at);
create index audit_event_time on audit_event (occurred_at desc, id desc);
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function shopfloor_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function shopfloor_refuse_change();

-- A client's Idempotency-Key, scoped to who sent it. The row is written in the command's own
-- transaction, so a response is stored exactly when the change it describes is committed.
create table idempotency_key (
  scope text not null,
  key text not null,
  command text not null,
  request_hash text not null,
  status int not null,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- Domain events, written in the command's transaction and announced with NOTIFY, which
-- PostgreSQL delivers only on commit: every instance hears exactly the committed events.
create table outbox_event (
  id bigserial primary key,
  topic text not null,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  summary text not null,
  payload jsonb not null default '{}',
  permission text,
  customer_id uuid
);
create index outbox_event_time on outbox_event (occurred_at);
