-- The operator's search (GET /admin/orders) pages orders newest first, filtered by status or by
-- the affiliate code: without these it read the whole table (a million orders: 0.6-0.9 s).
create index exchange_order_status_created on exchange_order (status, created_at desc, uid desc);
create index exchange_order_partner_code_created on exchange_order (partner, created_at desc, uid desc)
    where partner is not null;
