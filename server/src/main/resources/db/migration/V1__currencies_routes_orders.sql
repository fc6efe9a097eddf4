-- Currencies, routes with their field definitions, and orders with their details and status history.
-- Identifiers are 24-hex ObjectIds; money is numeric, never floating point.

create table currency (
    id                   varchar(24)       primary key,
    xml                  varchar(32)    not null unique check (xml ~ '^[A-Za-z0-9_]{1,32}$'),
    name                 varchar(128)   not null,
    scale                int            not null check (scale between 0 and 18),
    reserve              numeric(38, 18) not null default 0 check (reserve >= 0),
    payment_instructions text           not null default '',
    manual_payment       boolean        not null default true
);

create table route (
    id                     varchar(24)        primary key,
    from_currency_id       varchar(24)        not null references currency (id),
    to_currency_id         varchar(24)        not null references currency (id),
    rate                   numeric(38, 18) not null check (rate > 0),
    fee_percent            numeric(9, 4)   not null default 0 check (fee_percent >= 0 and fee_percent < 100),
    fee_fixed              numeric(38, 18) not null default 0 check (fee_fixed >= 0),
    min_amount             numeric(38, 18) not null check (min_amount > 0),
    max_amount             numeric(38, 18) not null,
    active                 boolean         not null default true,
    payment_window_minutes int             not null default 30 check (payment_window_minutes > 0),
    constraint route_direction_unique unique (from_currency_id, to_currency_id),
    constraint route_limits check (max_amount >= min_amount),
    constraint route_two_currencies check (from_currency_id <> to_currency_id)
);

-- One field an order on the route carries; its id is the key clients send.
create table route_field (
    id       varchar(24)     primary key,
    route_id varchar(24)     not null references route (id),
    kind     varchar(16)  not null check (kind in ('fromValues', 'toValues', 'routeValues')),
    position int          not null,
    name     varchar(64)  not null,
    required boolean      not null,
    regexp   varchar(512),
    example  varchar(512),
    constraint route_field_position unique (route_id, kind, position)
);

create sequence exchange_order_uid_seq start with 1001;

create table exchange_order (
    id                  varchar(24)        primary key,
    uid                 bigint          not null unique,
    secret              varchar(24)        not null,
    route_id            varchar(24)        not null references route (id),
    status              varchar(24)     not null,
    in_amount           numeric(38, 18) not null check (in_amount > 0),
    out_amount          numeric(38, 18) not null check (out_amount > 0),
    rate                numeric(38, 18) not null,
    lang                varchar(2)      not null,
    partner             varchar(64),
    email               varchar(254),
    agreement           boolean         not null default false,
    hide_out_data       boolean         not null default false,
    client_callback_url varchar(2048),
    ipn_url             varchar(2048),
    ipn_secret          varchar(256),
    created_at          timestamptz     not null,
    updated_at          timestamptz     not null,
    expires_at          timestamptz     not null,
    version             bigint          not null default 0
);

create index exchange_order_status_expires on exchange_order (status, expires_at);

-- The order's details as the client gave them, with the field names of the time.
create table order_field_value (
    order_id  varchar(24)     not null references exchange_order (id) on delete cascade,
    position  int          not null,
    kind      varchar(16)  not null check (kind in ('fromValues', 'toValues', 'routeValues')),
    field_key varchar(64)  not null,
    name      varchar(64)  not null,
    value     varchar(512) not null,
    primary key (order_id, position)
);

-- Every status change: from, to, when, by whom.
create table order_status_change (
    id          bigserial    primary key,
    order_id    varchar(24)     not null references exchange_order (id) on delete cascade,
    from_status varchar(24),
    to_status   varchar(24)  not null,
    changed_at  timestamptz  not null,
    actor       varchar(64)  not null,
    comment     varchar(1024)
);

create index order_status_change_order on order_status_change (order_id, id);
