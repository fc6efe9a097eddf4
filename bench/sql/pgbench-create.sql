-- pgbench: the database work of one order/create, in one transaction as the server does it:
-- the order (uid from exchange_order_uid_seq), its 2 field values (wallet and e-mail, one
-- statement as Hibernate's batch), its first history row (null -> new). partner 'pgbench'. The
-- secret is stored as its SHA-256 (hex), computed by the server: here that of 'pgbench00000000000000000'.
--   pgbench -D route=.. -D to_key=.. -D route_key=..
\set r random(1, 1152921504606846975)
BEGIN;
INSERT INTO exchange_order (id, uid, secret_hash, route_id, status, in_amount, out_amount, rate, lang, partner, email,
                            agreement, hide_out_data, created_at, updated_at, expires_at, version)
VALUES (lpad(to_hex(:r::bigint), 15, '0') || lpad(to_hex(:client_id::int), 9, '0'), nextval('exchange_order_uid_seq'),
        'e88e6fbe7d1035f7a6dbcceaf2b0ad4cb3464e1740afbf4f0545e5f08f41dcc9',
        :route, 'new', 2, 317.42, 158.71, 'en', 'pgbench', 'client@example.com',
        false, false, now(), now(), now() + interval '7 days', 0);
INSERT INTO order_field_value (order_id, position, kind, field_key, name, value)
VALUES (lpad(to_hex(:r::bigint), 15, '0') || lpad(to_hex(:client_id::int), 9, '0'), 0, 'toValues', :to_key, 'wallet', 'Z123456789012'),
       (lpad(to_hex(:r::bigint), 15, '0') || lpad(to_hex(:client_id::int), 9, '0'), 1, 'routeValues', :route_key, 'email', 'client@example.com');
INSERT INTO order_status_change (order_id, from_status, to_status, changed_at, actor)
VALUES (lpad(to_hex(:r::bigint), 15, '0') || lpad(to_hex(:client_id::int), 9, '0'), NULL, 'new', now(), 'client');
END;
