package dev.exchanger.server.ipn;

import dev.exchanger.server.ipn.IpnDelivery.State;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one owner of the {@code ipn_delivery} rows' changes and their SQL: the outbox's insert,
 * the dispatcher's claims, the attempts' outcomes, releases, and the partner's redeliveries.
 * Every state it writes is an {@link State} bound as a parameter; the literal {@code 'pending'}
 * stays only in conditions, where PostgreSQL must see it to use the partial indexes on pending
 * rows (a bound value does not match an index predicate in a generic plan).
 *
 * <p>A redelivery asked for while an attempt is in flight is recorded on the row
 * ({@code redeliver_requested}) instead of waiting for the attempt: when that attempt's outcome
 * is written, the row is put back to pending, due now, with a fresh allowance of attempts, and
 * the outcome is kept only in the attempt log. The flag is set only on a claimed row and the
 * outcome is written only while the row is claimed, and each statement re-checks those
 * conditions on a row another transaction changed meanwhile, so neither can miss the other.
 */
@Component
class IpnDeliveries {

    private static final Logger log = LoggerFactory.getLogger(IpnDeliveries.class);

    /**
     * Due now by the database's clock, which claims compare with (the change's own time may be
     * ahead of it: it follows the order's previous change, made maybe on an instance whose clock
     * runs ahead); an IPN behind an earlier one of its order that waits for a retry is due no
     * sooner than that one (the dispatcher sends them in order, and its claims need not read
     * over it meanwhile). The {@code offset 0} keeps that look-up on the order's own pending
     * IPNs: written as a plain {@code max()}, with statistics taken before a backlog came, the
     * planner read the whole due queue backwards in {@code next_attempt_at} order looking for one
     * of the order's (EXPLAIN ANALYZE with 3,000 pending: 1.0 ms, against 0.03 ms).
     */
    private static final String INSERT = """
            insert into ipn_delivery (webhook_id, order_id, new_status, url, body, state, attempts, max_attempts,
                                      next_attempt_at, created_at)
            values (?, ?, ?, ?, ?, ?, 0, ?,
                    greatest(now(), (select max(next_attempt_at)
                                       from (select next_attempt_at from ipn_delivery
                                              where order_id = ? and state = 'pending' and not redelivered
                                             offset 0) pending)), ?)
            """;

    /**
     * Claims due IPNs, oldest first, at most as many per host as that host has free slots: hosts
     * at their limit are left out of the look-ahead, and the rest are capped with a window over
     * it. The look-ahead takes no locks; the update re-checks that each row is still pending and
     * unclaimed (PostgreSQL re-evaluates those conditions on a row another instance changed
     * meanwhile), so no IPN is claimed twice.
     *
     * <p>An IPN is claimed only while no earlier IPN of its order is pending (a redelivered one
     * stands outside that sequence). This test needs no lock: an order's status changes are
     * serialised by the order's row lock, so a statement whose snapshot sees an IPN also sees
     * every earlier one of its order, and an IPN that has left {@code pending} in that snapshot
     * never comes back into the sequence. The one head of each order is then claimed by one
     * instance at most, and stays pending (claimed, or waiting for its retry) until its
     * attempt is written, so the next one cannot be claimed before.
     *
     * <p>The update finds the picked rows by primary key whatever the statistics say: it names
     * the pending state by the states it is not, which no partial index matches. Statistics
     * taken before a backlog came (no pending rows) made the planner read every due row and
     * join its order before picking, 20 ms per claim with 5,000 due.
     */
    private static final String CLAIM = """
            with ahead as (
              select id, host, row_number() over (partition by host order by next_attempt_at, id) as n
                from (select d.id, d.host, d.next_attempt_at from ipn_delivery d
                       where d.state = 'pending' and d.next_attempt_at <= now()
                         and (d.claimed_until is null or d.claimed_until < now())
                         and d.host <> all(?::varchar[])
                         and (d.redelivered or not exists (
                               select 1 from ipn_delivery e
                                where e.order_id = d.order_id and e.id < d.id and e.state = 'pending' and not e.redelivered))
                       order by d.next_attempt_at, d.id
                       limit ?) due),
            picked as (
              select ahead.id from ahead
                left join unnest(?::varchar[], ?::int[]) as busy(host, in_flight) on busy.host = ahead.host
               where ahead.n <= ? - coalesce(busy.in_flight, 0)
               order by ahead.id
               limit ?)
            update ipn_delivery d
               set claimed_by = ?, claimed_until = now() + make_interval(secs => ?)
              from exchange_order o
             where o.id = d.order_id
               and d.id = any(array(select id from picked))
               and d.state not in ('delivered', 'failed', 'stopped') and (d.claimed_until is null or d.claimed_until < now())
            returning d.id, d.webhook_id, d.url, d.body, d.attempts, d.max_attempts, o.ipn_secret, d.host, d.order_id, d.redelivered
            """;

    private static final String INSERT_ATTEMPT = """
            insert into ipn_attempt (delivery_id, attempted_at, http_status, latency_ms, error, instance) values (?, ?, ?, ?, ?, ?)
            """;

    /** An attempt's outcome, on a row no redelivery was asked for meanwhile. */
    private static final String WRITE_OUTCOME = """
            update ipn_delivery
               set state = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at),
                   delivered_at = coalesce(?, delivered_at),
                   last_error = ?, claimed_by = null, claimed_until = null
             where id = ? and claimed_by = ? and not redeliver_requested
            """;

    /**
     * An attempt's end on a row a redelivery was asked for meanwhile: pending and due now with a
     * fresh allowance of attempts, as if the redelivery had come right after the attempt (so an
     * IPN the attempt finished leaves its order's sequence, like any redelivered finished one).
     */
    private static final String REQUEUE_AFTER_ATTEMPT = """
            update ipn_delivery
               set state = ?, attempts = ?, next_attempt_at = now(), max_attempts = ?, redelivered = redelivered or ?,
                   delivered_at = coalesce(?, delivered_at),
                   last_error = ?, redeliver_requested = false, claimed_by = null, claimed_until = null
             where id = ? and claimed_by = ? and redeliver_requested
            """;

    /**
     * The IPNs that wait behind one to be retried are not due before it, so that claims do not
     * read over them again and again while it waits (hours, towards the end of the backoff).
     */
    private static final String WAIT_BEHIND = """
            update ipn_delivery set next_attempt_at = ?
             where order_id = ? and id > ? and state = 'pending' and not redelivered and next_attempt_at < ?
            """;

    /**
     * Whether any of the orders has a pending IPN in its sequence. Each order is looked up on its
     * own ({@code lateral ... limit 1}): as one {@code order_id = any(?)}, with statistics taken
     * before a backlog came, the planner scanned every pending IPN (EXPLAIN ANALYZE with 3,000
     * pending: 0.74 ms, against 0.03 ms).
     */
    private static final String ANY_WAITING = """
            select exists (select 1 from unnest(?::varchar[]) as released(order_id) cross join lateral
                             (select 1 from ipn_delivery d where d.order_id = released.order_id
                                 and d.state = 'pending' and not d.redelivered limit 1) waiting)
            """;

    /** Gives a claim up unused; a redelivery asked for meanwhile gets its fresh allowance (the IPN is due already). */
    private static final String RELEASE = """
            update ipn_delivery
               set claimed_by = null, claimed_until = null,
                   max_attempts = case when redeliver_requested then attempts + ? else max_attempts end, redeliver_requested = false
             where id = ? and claimed_by = ?
            """;

    /**
     * A redelivery of an IPN no instance is attempting: pending, due now, a fresh allowance of
     * attempts; one that had finished leaves its order's sequence. An expired claim belongs to an
     * instance that died mid-attempt, and is taken over.
     */
    private static final String REQUEUE = """
            update ipn_delivery d
               set state = ?, next_attempt_at = now(), max_attempts = d.attempts + ?,
                   claimed_by = null, claimed_until = null, redeliver_requested = false,
                   redelivered = d.redelivered or d.state <> 'pending'
              from exchange_order o
             where d.order_id = o.id and o.uid = ? and o.partner_id = ? and o.test = ? and d.webhook_id = ?
               and (d.claimed_until is null or d.claimed_until < now())
            returning d.id
            """;

    /** A redelivery of an IPN an instance is attempting now: asked for on the row, applied when the attempt is written. */
    private static final String ASK_REDELIVERY = """
            update ipn_delivery d set redeliver_requested = true
              from exchange_order o
             where d.order_id = o.id and o.uid = ? and o.partner_id = ? and o.test = ? and d.webhook_id = ?
               and d.claimed_until >= now()
            returning d.id
            """;

    /** The IPNs that waited behind a pending one for its retry wait no longer than it now does. */
    private static final String DUE_BEHIND = """
            update ipn_delivery l set next_attempt_at = now()
              from ipn_delivery d
             where d.id = ? and not d.redelivered
               and l.order_id = d.order_id and l.id > d.id and l.state = 'pending' and not l.redelivered
               and l.next_attempt_at > now()
            """;

    private static final String EXISTS = """
            select count(*) from ipn_delivery d join exchange_order o on o.id = d.order_id
             where o.uid = ? and o.partner_id = ? and o.test = ? and d.webhook_id = ?
            """;

    static final String BACKLOG = """
            select count(*) filter (where next_attempt_at <= now()) as due,
                   coalesce(extract(epoch from now() - min(next_attempt_at) filter (where next_attempt_at <= now())), 0) as oldest,
                   count(*) as pending
              from ipn_delivery where state = 'pending'
            """;

    /** A claimed IPN: its stored (unsigned) body, and the order's ipnSecret as stored (encrypted). */
    record Claimed(long id, String webhookId, String url, String body, int attempts, int maxAttempts, String sealedSecret,
                   String host, String orderId, boolean redelivered) {
    }

    /** One ended attempt of a claimed IPN, to be written: its number, what the receiver answered, and the outcome decided. */
    record Ended(Claimed delivery, int attempt, IpnSender.Result result, IpnRetryPolicy.Outcome outcome) {

        boolean retried() {
            return outcome.state() == State.pending;
        }
    }

    /** The outbox's backlog: due IPNs, how long the oldest has been due, and every pending one. */
    record Backlog(long due, double oldestDueSeconds, long pending) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IpnProperties properties;

    IpnDeliveries(JdbcTemplate jdbc, TransactionTemplate transactions, IpnProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Adds a pending IPN to the outbox, in the caller's transaction. */
    void insert(String webhookId, String orderId, String newStatus, String url, String body, OffsetDateTime createdAt) {
        jdbc.update(INSERT, webhookId, orderId, newStatus, url, body, State.pending.name(), properties.maxAttempts(), orderId, createdAt);
    }

    /**
     * Claims up to {@code count} due IPNs for {@code instance} for {@code claimFor}, leaving out
     * {@code fullHosts} and giving each of {@code busyHosts} only its slots left of the per-host
     * limit ({@code inFlight} to it now, in the same order).
     *
     * <p>A claim need not survive a crash: a lost one leaves the IPN unclaimed, and it is posted
     * again, as after any crash. So it does not wait for its WAL to reach the disk, which held
     * the dispatcher to one claim per fsync. And it is planned for its own values: the generic
     * plan of the prepared statement sorts every due IPN instead of reading the head of the queue
     * (2.6 ms with 5,000 due, and more with more). Nor may a bitmap scan do that: with statistics
     * taken before a backlog came the planner expects a handful of due IPNs, collects them all
     * and tests each for an earlier pending one of its order (8 ms with 5,000 due) instead of
     * reading the queue in order until it has enough.
     */
    List<Claimed> claim(String instance, int count, Duration claimFor, List<String> busyHosts, List<Integer> inFlight,
                        List<String> fullHosts) {
        return transactions.execute(tx -> {
            jdbc.execute("set local synchronous_commit to off; set local plan_cache_mode to force_custom_plan;"
                    + " set local enable_bitmapscan to off");
            return jdbc.query(connection -> {
                PreparedStatement ps = connection.prepareStatement(CLAIM);
                int i = 0;
                ps.setArray(++i, connection.createArrayOf("varchar", fullHosts.toArray()));
                ps.setInt(++i, Math.max(2 * count, 16));
                ps.setArray(++i, connection.createArrayOf("varchar", busyHosts.toArray()));
                ps.setArray(++i, connection.createArrayOf("int4", inFlight.toArray()));
                ps.setInt(++i, properties.perHostLimit());
                ps.setInt(++i, count);
                ps.setString(++i, instance);
                ps.setLong(++i, claimFor.toSeconds());
                return ps;
            }, (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10)));
        });
    }

    /** Gives up {@code instance}'s claim on an IPN it did not attempt. */
    void release(Claimed delivery, String instance) {
        jdbc.update(RELEASE, properties.maxAttempts(), delivery.id(), instance);
    }

    /**
     * Writes a batch of {@code instance}'s ended attempts in one transaction, in the order of
     * their deliveries' ids: each attempt to the log, and each IPN's outcome (or, where a
     * redelivery was asked for meanwhile, its requeue). Answers whether the dispatcher should look
     * for due IPNs now: an IPN was requeued, or left the queue with others of its order behind it.
     */
    boolean record(List<Ended> batch, String instance) {
        List<Ended> sorted = batch.stream().sorted(Comparator.comparingLong(e -> e.delivery().id())).toList();
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            jdbc.batchUpdate(INSERT_ATTEMPT, sorted, sorted.size(), (ps, e) -> {
                ps.setLong(1, e.delivery().id());
                ps.setTimestamp(2, Timestamp.from(e.outcome().at()));
                ps.setObject(3, e.result().status(), Types.INTEGER);
                ps.setInt(4, (int) e.result().latencyMillis());
                ps.setString(5, e.outcome().error());
                ps.setString(6, instance);
            });
            int[] written = counts(jdbc.batchUpdate(WRITE_OUTCOME, sorted, sorted.size(), (ps, e) -> {
                ps.setString(1, e.outcome().state().name());
                ps.setInt(2, e.attempt());
                ps.setTimestamp(3, timestamp(e.outcome().nextAttemptAt()));
                ps.setTimestamp(4, deliveredAt(e));
                ps.setString(5, e.outcome().error());
                ps.setLong(6, e.delivery().id());
                ps.setString(7, instance);
            }));
            List<Ended> outcomes = new ArrayList<>();
            List<Ended> notWritten = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                (written[i] > 0 ? outcomes : notWritten).add(sorted.get(i));
            }
            List<Ended> requeued = requeueAfterAttempt(notWritten, instance);
            waitBehind(outcomes.stream().filter(e -> e.retried() && !e.delivery().redelivered()).toList());
            for (Ended e : requeued) {
                jdbc.update(DUE_BEHIND, e.delivery().id());
            }
            return !requeued.isEmpty() || releasedAny(outcomes);
        }));
    }

    /** Requeues those of the IPNs whose redelivery was asked for during their attempt; answers them. */
    private List<Ended> requeueAfterAttempt(List<Ended> ended, String instance) {
        if (ended.isEmpty()) {
            return List.of();
        }
        int[] requeued = counts(jdbc.batchUpdate(REQUEUE_AFTER_ATTEMPT, ended, ended.size(), (ps, e) -> {
            ps.setString(1, State.pending.name());
            ps.setInt(2, e.attempt());
            ps.setInt(3, e.attempt() + properties.maxAttempts());
            ps.setBoolean(4, !e.retried());
            ps.setTimestamp(5, deliveredAt(e));
            ps.setString(6, e.outcome().error());
            ps.setLong(7, e.delivery().id());
            ps.setString(8, instance);
        }));
        List<Ended> done = new ArrayList<>();
        for (int i = 0; i < ended.size(); i++) {
            if (requeued[i] > 0) {
                done.add(ended.get(i));
            } else {
                log.warn("IPN {} was no longer claimed by this instance when its attempt ended", ended.get(i).delivery().webhookId());
            }
        }
        return done;
    }

    private void waitBehind(List<Ended> retried) {
        if (!retried.isEmpty()) {
            jdbc.batchUpdate(WAIT_BEHIND, retried, retried.size(), (ps, e) -> {
                Timestamp next = Timestamp.from(e.outcome().nextAttemptAt());
                ps.setTimestamp(1, next);
                ps.setString(2, e.delivery().orderId());
                ps.setLong(3, e.delivery().id());
                ps.setTimestamp(4, next);
            });
        }
    }

    /**
     * Whether an IPN of the batch that is no longer pending had others of its order waiting
     * behind it, which may go now. Only then is the dispatcher woken: a wake that finds every
     * slot of a busy host taken reads over its whole queue for nothing.
     */
    private boolean releasedAny(List<Ended> written) {
        Object[] orders = written.stream().filter(e -> !e.retried() && !e.delivery().redelivered())
                .map(e -> e.delivery().orderId()).distinct().toArray();
        return orders.length > 0 && Boolean.TRUE.equals(jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement(ANY_WAITING);
            ps.setArray(1, connection.createArrayOf("varchar", orders));
            return ps;
        }, rs -> rs.next() && rs.getBoolean(1)));
    }

    /**
     * Redelivers the IPN {@code webhookId} of the partner's order {@code orderUid}, in the
     * caller's transaction: requeued at once when no instance is attempting it, or else asked for
     * on the row (see the class comment). Answers its id, or null when the partner has no such IPN
     * or it was claimed or released just between the two statements (asking again settles that).
     */
    Long redeliver(long orderUid, String partnerId, boolean test, String webhookId) {
        List<Long> requeued = jdbc.queryForList(REQUEUE, Long.class, State.pending.name(), properties.maxAttempts(),
                orderUid, partnerId, test, webhookId);
        if (!requeued.isEmpty()) {
            jdbc.update(DUE_BEHIND, requeued.get(0));
            return requeued.get(0);
        }
        List<Long> asked = jdbc.queryForList(ASK_REDELIVERY, Long.class, orderUid, partnerId, test, webhookId);
        return asked.isEmpty() ? null : asked.get(0);
    }

    /** Whether the partner's order {@code orderUid} has the IPN {@code webhookId}. */
    boolean exists(long orderUid, String partnerId, boolean test, String webhookId) {
        Long found = jdbc.queryForObject(EXISTS, Long.class, orderUid, partnerId, test, webhookId);
        return found != null && found > 0;
    }

    /** The outbox's backlog now, over the whole database. */
    Backlog backlog() {
        return jdbc.queryForObject(BACKLOG, (rs, i) -> new Backlog(rs.getLong("due"), rs.getDouble("oldest"), rs.getLong("pending")));
    }

    private static Timestamp deliveredAt(Ended e) {
        return e.outcome().state() == State.delivered ? Timestamp.from(e.outcome().at()) : null;
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** The update counts of a batch run as one (JdbcTemplate splits a batch only when it is larger than the batch size). */
    private static int[] counts(int[][] batches) {
        return batches.length == 0 ? new int[0] : batches[0];
    }
}
