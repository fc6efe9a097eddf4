-- pgbench: the database work of one status change: lock the order by uid, change its status
-- (hold <-> inProgress) and updated_at (and the version, as Hibernate does), add the history
-- row and the IPN outbox row, commit. On a random order of a pool of its own (partner
-- 'pgbench'); the outbox rows are due in 100 years, so the server's dispatcher never sends them.
--   pgbench -D base=.. -D n=.. -D url=.. -D body=..
\set i random(0, :n - 1)
\set u :base + :i
\set r random(1, 1152921504606846975)
BEGIN;
SELECT id AS oid, status AS st, CASE WHEN status = 'hold' THEN 'inProgress' ELSE 'hold' END AS nx
  FROM exchange_order WHERE uid = :u FOR UPDATE \gset
UPDATE exchange_order SET status = :nx, updated_at = now(), version = version + 1 WHERE id = :oid;
INSERT INTO order_status_change (order_id, from_status, to_status, changed_at, actor, comment)
VALUES (:oid, :st, :nx, now(), 'operator', NULL);
INSERT INTO ipn_delivery (webhook_id, order_id, new_status, url, body, state, attempts, max_attempts, next_attempt_at, created_at)
VALUES ('pgb_' || lpad(to_hex(:r::bigint), 15, '0') || lpad(to_hex(:client_id::int), 9, '0'), :oid, :nx, :url, :body,
        'pending', 0, 7,
        greatest(now() + interval '100 years', (SELECT max(next_attempt_at)
                                                  FROM (SELECT next_attempt_at FROM ipn_delivery
                                                         WHERE order_id = :oid AND state = 'pending' AND NOT redelivered
                                                        OFFSET 0) pending)),
        now());
END;
