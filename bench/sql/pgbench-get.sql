-- pgbench: the database work of one order/get: the order by uid with its route, both
-- currencies and its field values in one query (as the server's OrderRepository.findByUid),
-- on a random order of a pool (bench/sql/pool.sql).
--   pgbench -D base=.. -D n=..
\set i random(0, :n - 1)
\set u :base + :i
SELECT o.*, r.*, f.*, t.*, v.*
  FROM exchange_order o
  JOIN route r ON r.id = o.route_id
  JOIN currency f ON f.id = r.from_currency_id
  JOIN currency t ON t.id = r.to_currency_id
  LEFT JOIN order_field_value v ON v.order_id = o.id
 WHERE o.uid = :u;
