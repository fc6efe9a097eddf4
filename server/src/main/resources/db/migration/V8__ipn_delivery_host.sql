-- The host each IPN goes to, as the dispatcher counts deliveries in flight per host: it claims
-- due IPNs only for hosts below their limit, so that a slow receiver's backlog neither starves
-- other receivers nor makes the dispatcher claim and release the same rows over and over.
-- Derived from the URL by the database itself, so every instance and every row agree on it.
alter table ipn_delivery add column host varchar(2048) generated always as (
    coalesce(lower(substring(url from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^]/?#]*\]|[^:/?#]*)')), '')
) stored;

-- Due IPNs in the order they are claimed (oldest first, then by id), so that a claim reads
-- the head of the queue and stops, however long the queue behind it.
create index ipn_delivery_due_order on ipn_delivery (next_attempt_at, id) where state = 'pending';
drop index ipn_delivery_due;
