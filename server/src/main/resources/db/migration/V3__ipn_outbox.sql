-- The IPN outbox: one row per status change of an order with an ipnUrl, written in the same
-- transaction as the change, so that a crash never loses one. Instances claim due rows with
-- FOR UPDATE SKIP LOCKED; a claim expires, so a crashed instance's rows are taken over.

create table ipn_delivery (
    id              bigserial     primary key,
    webhook_id      varchar(64)   not null unique,
    order_id        varchar(24)   not null references exchange_order (id) on delete cascade,
    new_status      varchar(24)   not null,
    url             varchar(2048) not null,
    body            text          not null,
    state           varchar(16)   not null check (state in ('pending', 'delivered', 'failed', 'stopped')),
    attempts        int           not null default 0,
    max_attempts    int           not null,
    next_attempt_at timestamptz   not null,
    claimed_by      varchar(64),
    claimed_until   timestamptz,
    created_at      timestamptz   not null,
    delivered_at    timestamptz,
    last_error      varchar(1024)
);

create index ipn_delivery_due on ipn_delivery (next_attempt_at) where state = 'pending';
create index ipn_delivery_order on ipn_delivery (order_id, id);

-- Every attempt: when, the answer's status, how long it took, what went wrong.
create table ipn_attempt (
    id           bigserial     primary key,
    delivery_id  bigint        not null references ipn_delivery (id) on delete cascade,
    attempted_at timestamptz   not null,
    http_status  int,
    latency_ms   int           not null,
    error        varchar(1024),
    instance     varchar(64)   not null
);

create index ipn_attempt_delivery on ipn_attempt (delivery_id, id);
