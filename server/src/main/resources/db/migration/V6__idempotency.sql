-- Idempotency-Key of order/create: the first answer to a key, kept 24 hours. The row is
-- inserted (ON CONFLICT DO NOTHING) in the same transaction that creates the order, before
-- the order, so that a concurrent request with the same key waits on the primary key until
-- the first one commits (then replays its answer) or rolls back (then creates the order).
-- scope is the owning partner's id, or '' for callers without a partner key.

create table idempotency_key (
    scope         varchar(24)  not null,
    idem_key      varchar(255) not null,
    -- sha256 (hex) of the request in a canonical form: JSON and bracket form alike
    request_hash  char(64)     not null,
    -- the first answer's envelope, as sent
    response_body text         not null,
    created_at    timestamptz  not null,
    primary key (scope, idem_key)
);

-- expired keys are purged in batches, oldest first
create index idempotency_key_created_at on idempotency_key (created_at);
