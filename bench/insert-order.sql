-- pgbench: one order-sized row per transaction, the database's own ceiling for order/create
insert into bench_order (id, uid, secret, route_id, status, in_amount, out_amount, rate, lang, partner, email,
                         created_at, updated_at, expires_at, values_json)
values (md5(random()::text)::varchar(24), nextval('bench_order_uid'), 'dGqwF2M2eBPaSN1G5ljMS1cb',
        '5d8e5f4ab80b7b4cd75a6402', 'new', 2, 317.42, 158.71, 'en', 'bench', 'client@example.com',
        now(), now(), now() + interval '30 minutes',
        '[{"key":"5d8e5f4ab80b7b4cd75a6414","name":"wallet","value":"Z123456789012"},{"key":"5d8e5f4ab80b7b4cd75a6415","name":"email","value":"client@example.com"}]');
