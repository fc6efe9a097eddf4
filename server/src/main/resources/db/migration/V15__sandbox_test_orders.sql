-- Sandbox: a partner's test key creates test orders, which the partner moves through the
-- statuses itself and which are kept apart from real orders (the operator's search and the
-- cabinet of a live key do not list them).
alter table partner_api_key add column test boolean not null default false;

alter table exchange_order add column test boolean not null default false;

-- the few test orders, for the operator's search with test=true; real ones use the other indexes
create index exchange_order_test_created on exchange_order (created_at desc) where test;
