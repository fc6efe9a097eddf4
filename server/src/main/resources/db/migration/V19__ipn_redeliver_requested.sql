-- A redelivery asked for while an instance is attempting the IPN: applied, in place of that
-- attempt's outcome, when the attempt is written, so the request need not wait for it.
alter table ipn_delivery add column redeliver_requested boolean not null default false;
