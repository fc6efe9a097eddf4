-- A pool of bench orders made by SQL, much faster than through the API, each as order/create
-- stores it: the order, its wallet and e-mail (order_field_value) and its first history row.
-- uid = :base + i, secret = :prefix || i in 23 digits (bench/wrk/common.lua pool_secret), stored
-- as its SHA-256 like the server's, id = :idp || i in hex (24 hex digits). With :ipn_url ('' for
-- none) the orders have an ipnUrl, and their encrypted ipnSecrets come on standard input, as
-- bench/SealIpnSecrets.java writes them ("i<TAB>value" lines; nothing without :ipn_url), so
-- that their status changes send IPNs signed as the server's own.
--   java bench/SealIpnSecrets.java .. | psql -v base=.. -v n=.. -v idp=.. -v prefix=.. -v status=..
--        -v route=.. -v to_key=.. -v route_key=.. -v ipn_url=.. -v partner=.. -f pool.sql
\set ON_ERROR_STOP on
begin;
create temporary table sealed (g int primary key, ipn_secret text not null) on commit drop;
\copy sealed from pstdin
insert into exchange_order (id, uid, secret_hash, route_id, status, in_amount, out_amount, rate, lang, partner, email,
                            agreement, hide_out_data, ipn_url, ipn_secret, created_at, updated_at, expires_at, version)
select :'idp' || lpad(to_hex(g), 24 - length(:'idp'), '0'), :base + g,
       encode(sha256(convert_to(:'prefix' || lpad(g::text, 23, '0'), 'UTF8')), 'hex'),
       :'route', :'status', 2, 317.42, 158.71, 'en', :'partner', 'client@example.com', false, false,
       nullif(:'ipn_url', ''), s.ipn_secret, now(), now(), now() + interval '7 days', 0
  from generate_series(0, :n - 1) as gs(g) left join sealed s using (g);
insert into order_field_value (order_id, position, kind, field_key, name, value)
select :'idp' || lpad(to_hex(g), 24 - length(:'idp'), '0'), 0, 'toValues', :'to_key', 'wallet', 'Z123456789012'
  from generate_series(0, :n - 1) g
union all
select :'idp' || lpad(to_hex(g), 24 - length(:'idp'), '0'), 1, 'routeValues', :'route_key', 'email', 'client@example.com'
  from generate_series(0, :n - 1) g;
insert into order_status_change (order_id, from_status, to_status, changed_at, actor)
select :'idp' || lpad(to_hex(g), 24 - length(:'idp'), '0'), null, 'new', now(), 'client'
  from generate_series(0, :n - 1) g;
commit;
