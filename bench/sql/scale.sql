-- The scale step: :n past orders of many partners, as the server stores them (the order, its
-- wallet and e-mail, a history row), created over the last year, mostly done or deleted (none
-- new or waitPayment, which would have expired long ago). uid = :base + i, secret 'S' || i in
-- 23 digits, stored as its SHA-256 (bench/wrk/get-order.lua reads random ones). VACUUM ANALYZE
-- at the end, so that autovacuum has nothing to do during the measurements after it. Every other
-- order has an ipnUrl and an ipnSecret of the size the server stores encrypted (v1:<keyId>:base64
-- of 44 bytes); these orders send no IPN, so it is never decrypted.
--   psql -v n=.. -v base=.. -v route=.. -v to_key=.. -v route_key=.. -f scale.sql
\set ON_ERROR_STOP on
\timing on
insert into exchange_order (id, uid, secret_hash, route_id, status, in_amount, out_amount, rate, lang, partner, email,
                            agreement, hide_out_data, client_callback_url, ipn_url, ipn_secret,
                            created_at, updated_at, expires_at, version)
select 'b' || lpad(to_hex(g), 23, '0'), :base + g, encode(sha256(convert_to('S' || lpad(g::text, 23, '0'), 'UTF8')), 'hex'),
       :'route',
       (array['done', 'done', 'done', 'done', 'done', 'done', 'done', 'done', 'done', 'done', 'done', 'done',
              'deleted', 'deleted', 'deleted', 'deleted', 'returned', 'hold', 'inProgress', 'errorPayout'])[g % 20 + 1],
       0.5 + (g % 97) * 0.5, (0.5 + (g % 97) * 0.5) * 158.71, 158.71,
       case when g % 5 = 0 then 'ru' else 'en' end,
       case when g % 10 = 0 then null else 'shop' || (g % 50) end,
       'client' || (g % 100000) || '@example.com', true, g % 7 = 0,
       case when g % 3 = 0 then 'https://shop' || (g % 50) || '.example.com/done' end,
       case when g % 2 = 0 then 'https://shop' || (g % 50) || '.example.com/ipn' end,
       case when g % 2 = 0 then 'v1:bench:' || encode(sha256(convert_to('secret' || g, 'UTF8')) || '\x0123456789ab'::bytea, 'base64') end,
       created, created + interval '25 minutes', created + interval '30 minutes', 3
  from generate_series(0, :n - 1) g,
       lateral (select now() - interval '366 days' + (g::double precision / :n) * interval '365 days' as created) c;
insert into order_field_value (order_id, position, kind, field_key, name, value)
select 'b' || lpad(to_hex(g), 23, '0'), 0, 'toValues', :'to_key', 'wallet', 'Z' || lpad((g % 1000000000000)::text, 12, '0')
  from generate_series(0, :n - 1) g;
insert into order_field_value (order_id, position, kind, field_key, name, value)
select 'b' || lpad(to_hex(g), 23, '0'), 1, 'routeValues', :'route_key', 'email', 'client' || (g % 100000) || '@example.com'
  from generate_series(0, :n - 1) g;
insert into order_status_change (order_id, from_status, to_status, changed_at, actor)
select 'b' || lpad(to_hex(g), 23, '0'), null, 'new', now() - interval '366 days' + (g::double precision / :n) * interval '365 days', 'client'
  from generate_series(0, :n - 1) g;
vacuum analyze exchange_order;
vacuum analyze order_field_value;
vacuum analyze order_status_change;
checkpoint;
