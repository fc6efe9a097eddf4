-- Partner (merchant) accounts and their API keys. A key is stored only as its SHA-256 hash
-- (keys are 40 random base62 characters, so a plain hash cannot be reversed) and its first
-- 12 characters, by which the partner and the operator recognise it.

create table partner (
    id         varchar(24)  primary key,
    name       varchar(128) not null,
    created_at timestamptz  not null
);

create table partner_api_key (
    id         varchar(24)  primary key,
    partner_id varchar(24)  not null references partner (id),
    name       varchar(128) not null,
    prefix     varchar(12)  not null,
    key_hash   varchar(64)  not null unique,
    created_at timestamptz  not null,
    revoked_at timestamptz
);

create index partner_api_key_partner on partner_api_key (partner_id, created_at);

-- The partner account whose key created the order (null: created without a key).
alter table exchange_order add column partner_id varchar(24) references partner (id);

create index exchange_order_partner_created on exchange_order (partner_id, created_at desc)
    where partner_id is not null;
