-- The IPNs of one order go out one at a time, in the order of its status changes: the dispatcher
-- claims an IPN only while no earlier IPN of its order is pending. This index answers "is there
-- an earlier pending one" from the order's few pending rows, however many were delivered.
--
-- redelivered: a finished IPN queued again by hand (IpnRedelivery). It stands outside its order's
-- sequence: it neither waits for the order's other IPNs nor holds them back.
alter table ipn_delivery add column redelivered boolean not null default false;

create index ipn_delivery_order_pending on ipn_delivery (order_id, id) where state = 'pending' and not redelivered;
