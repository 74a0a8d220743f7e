-- People and access: customers (consignees), departments, teams, users, sessions, API tokens.

create table customer (
  id uuid primary key,
  code text not null,
  name text not null,
  email text,
  phone text,
  address text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index customer_code on customer (lower(code));

create table department (
  id uuid primary key,
  code text not null,
  name text not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index department_code on department (lower(code));

create table app_user (
  id uuid primary key,
  username text not null,
  display_name text not null,
  email text,
  password_hash text not null,
  roles text[] not null check (cardinality(roles) > 0),
  department_id uuid references department (id),
  team_id uuid,
  customer_id uuid references customer (id),
  active boolean not null default true,
  must_change_password boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_login_at timestamptz,
  -- the tenant boundary: a customer user is only ever a customer user, of exactly one customer
  constraint customer_user_shape check (
    (customer_id is null and not ('customer' = any (roles)))
    or (customer_id is not null and roles = array['customer']))
);
create unique index app_user_username on app_user (lower(username));
create index app_user_customer on app_user (customer_id) where customer_id is not null;

create table team (
  id uuid primary key,
  department_id uuid not null references department (id),
  code text not null,
  name text not null,
  lead_user_id uuid references app_user (id),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index team_code on team (lower(code));
alter table app_user add constraint app_user_team foreign key (team_id) references team (id);

create table user_session (
  id_hash text primary key,
  user_id uuid not null references app_user (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  max_expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text,
  ip text
);
create index user_session_user on user_session (user_id);

create table api_token (
  id uuid primary key,
  user_id uuid not null references app_user (id),
  name text not null,
  prefix text not null,
  secret_hash text not null,
  scopes text[] not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_user on api_token (user_id);

-- Failed sign-ins, for rate limiting across every instance.
create table login_failure (
  id bigserial primary key,
  username_key text not null,
  ip text not null,
  at timestamptz not null default now()
);
create index login_failure_user on login_failure (username_key, at);
create index login_failure_ip on login_failure (ip, at);
