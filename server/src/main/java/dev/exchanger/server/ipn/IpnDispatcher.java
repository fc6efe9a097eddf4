package dev.exchanger.server.ipn;

import dev.exchanger.server.crypto.SealedColumn;
import dev.exchanger.server.crypto.SecretBox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: claims due IPNs (see {@link #CLAIM}: each is claimed by one instance at a
 * time, and at most as many per host as that host has free slots), posts each on a worker of
 * its own, and records every attempt (in batches, see {@link #recordOutcomes}). A 2xx is
 * delivered; 410 stops; anything else is retried after the backoff (or the receiver's
 * Retry-After, if longer) until max-attempts. A claim outlives the longest attempt, and expires,
 * so a crashed instance's IPNs are taken over. A slow receiver holds at most per-host-limit
 * workers and is left out of claims meanwhile, so other receivers' IPNs keep going. Each IPN
 * is signed as it is sent, with the order's ipnSecret decrypted on the worker.
 *
 * <p>The IPNs of one order go out one at a time, in the order of its status changes: the next
 * is not claimed before the previous one is delivered, stopped or given up, on any instance
 * (see {@link #CLAIM}), so retries of an earlier one hold the later ones back. A redelivery
 * ({@link IpnRedelivery}) of a finished IPN is an explicit ask outside that sequence.
 *
 * <p>Why not a library such as namastack-outbox (1.7, per-key ordering, retry policies): its
 * poll waits for every key of its batch, so one hung receiver would delay every merchant's IPNs
 * for up to the timeout, and it has no per-host limit; in its ordered mode a record that has
 * used up its retries blocks its key for good, where we release the next IPN; it keeps a failure
 * count, not a log of attempts, and cannot requeue one record with the same id; and it polls
 * (2 s) without the wake on commit, grouping every due row of its partitions on each poll.
 */
@Component
public class IpnDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IpnDispatcher.class);

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

    /**
     * The IPNs that wait behind one to be retried are not due before it, so that claims do not
     * read over them again and again while it waits (hours, towards the end of the backoff).
     */
    private static final String WAIT_BEHIND = """
            update ipn_delivery set next_attempt_at = ?
             where order_id = ? and id > ? and state = 'pending' and not redelivered and next_attempt_at < ?
            """;

    /** A claimed IPN: its stored (unsigned) body, and the order's ipnSecret as stored (encrypted). */
    record Claimed(long id, String webhookId, String url, String body, int attempts, int maxAttempts, String sealedSecret,
                   String host, String orderId, boolean redelivered) {
    }

    /** What an IPN whose ipnSecret cannot be decrypted records as its attempt's error (the log has the reason). */
    static final String UNREADABLE_SECRET = "not sent: the server could not decrypt the order's ipnSecret";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IpnSender sender;
    private final SecretBox box;
    private final IpnProperties properties;
    private final String instance;
    private final Semaphore freeWorkers;
    private final Map<String, AtomicInteger> inFlightByHost = new ConcurrentHashMap<>();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final Counter stopped;
    private final Timer latency;

    /** Ended attempts written per transaction at most. */
    private static final int RECORD_BATCH = 256;
    private static final int WRITE_ATTEMPTS = 3;

    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile boolean recorderDone;
    private Thread recorder;
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    IpnDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, IpnSender sender, SecretBox box, IpnProperties properties,
                  MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.box = box;
        this.properties = properties;
        // pid@host, cut to fit claimed_by (varchar 64) with room for a random suffix that tells restarts apart
        String name = ManagementFactory.getRuntimeMXBean().getName();
        this.instance = (name.length() > 54 ? name.substring(0, 54) : name) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        this.freeWorkers = new Semaphore(properties.workers());
        this.delivered = Counter.builder("exchanger.ipn.deliveries").tag("outcome", "delivered").register(meters);
        this.retried = Counter.builder("exchanger.ipn.deliveries").tag("outcome", "retry").register(meters);
        this.failed = Counter.builder("exchanger.ipn.deliveries").tag("outcome", "failed").register(meters);
        this.stopped = Counter.builder("exchanger.ipn.deliveries").tag("outcome", "stopped").register(meters);
        // buckets for Prometheus's histogram_quantile, from a fast receiver up to the 10 s timeout and beyond
        this.latency = Timer.builder("exchanger.ipn.attempt.latency").publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
                .description("How long each IPN attempt took, answer or not").register(meters);
    }

    /** Look for due IPNs now (after a commit that wrote one), rather than at the next poll. */
    public void wake() {
        if (running && wakeQueued.compareAndSet(false, true)) {
            poller.execute(() -> {
                wakeQueued.set(false);
                poll();
            });
        }
    }

    private void poll() {
        try {
            while (running) {
                int wanted = Math.min(freeWorkers.availablePermits(), properties.batchSize());
                if (wanted == 0) {
                    return;
                }
                List<Claimed> claimed = claim(wanted);
                for (Claimed delivery : claimed) {
                    dispatch(delivery);
                }
                if (claimed.size() < wanted) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not claim IPNs; trying again at the next poll", e);
        }
    }

    private List<Claimed> claim(int count) {
        long claimSeconds = properties.timeout().multipliedBy(2).plusSeconds(30).toSeconds();
        List<String> busyHosts = new ArrayList<>();
        List<Integer> inFlight = new ArrayList<>();
        List<String> fullHosts = new ArrayList<>();
        inFlightByHost.forEach((host, n) -> {
            int now = n.get();
            if (now > 0) {
                busyHosts.add(host);
                inFlight.add(now);
                if (now >= properties.perHostLimit()) {
                    fullHosts.add(host);
                }
            }
        });
        // A claim need not survive a crash: a lost one leaves the IPN unclaimed, and it is posted
        // again, as after any crash. So it does not wait for its WAL to reach the disk, which
        // held the dispatcher to one claim per fsync. And it is planned for its own values: the
        // generic plan of the prepared statement sorts every due IPN instead of reading the head
        // of the queue (2.6 ms with 5,000 due, and more with more). Nor may a bitmap scan do
        // that: with statistics taken before a backlog came the planner expects a handful of due
        // IPNs, collects them all and tests each for an earlier pending one of its order (8 ms
        // with 5,000 due) instead of reading the queue in order until it has enough.
        return transactions.execute(tx -> {
            jdbc.execute("set local synchronous_commit to off; set local plan_cache_mode to force_custom_plan;"
                    + " set local enable_bitmapscan to off");
            return claim(count, claimSeconds, busyHosts, inFlight, fullHosts);
        });
    }

    private List<Claimed> claim(int count, long claimSeconds, List<String> busyHosts, List<Integer> inFlight, List<String> fullHosts) {
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
            ps.setLong(++i, claimSeconds);
            return ps;
        }, (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10)));
    }

    private void dispatch(Claimed delivery) {
        AtomicInteger inFlight = inFlightByHost.computeIfAbsent(delivery.host(), h -> new AtomicInteger());
        if (inFlight.incrementAndGet() > properties.perHostLimit()) {
            inFlight.decrementAndGet();
            release(delivery);
            return;
        }
        freeWorkers.acquireUninterruptibly();
        try {
            workers.execute(() -> {
                try {
                    attempt(delivery);
                } finally {
                    inFlight.decrementAndGet();
                    freeWorkers.release();
                    if (running) {
                        wake();
                    }
                }
            });
        } catch (RuntimeException rejected) {
            inFlight.decrementAndGet();
            freeWorkers.release();
            release(delivery);
        }
    }

    private void attempt(Claimed delivery) {
        IpnSender.Result result = post(delivery);
        latency.record(Duration.ofMillis(result.latencyMillis()));
        int attempts = delivery.attempts() + 1;
        Instant now = Instant.now();
        String state;
        Instant next = null;
        if (result.delivered()) {
            state = "delivered";
            delivered.increment();
        } else if (result.status() != null && result.status() == 410) {
            state = "stopped";
            stopped.increment();
        } else if (attempts >= delivery.maxAttempts()) {
            state = "failed";
            failed.increment();
        } else {
            state = "pending";
            next = now.plus(wait(attempts, result.retryAfter()));
            retried.increment();
        }
        String error = result.error() != null ? result.error()
                : result.delivered() ? null : "HTTP " + result.status();
        outcomes.add(new Outcome(delivery, result, now, state, attempts, next, error));
    }

    /**
     * Decrypts the order's ipnSecret, signs the body with it and posts it. A secret that cannot
     * be decrypted (its key is not configured, or it was altered) is an attempt that failed
     * without sending: it is logged with the reason, never the value, and retried like any
     * other, so that configuring the missing key lets it through.
     */
    private IpnSender.Result post(Claimed delivery) {
        String secret;
        try {
            secret = box.open(delivery.sealedSecret(), SealedColumn.IPN_SECRET.context(delivery.orderId()));
        } catch (SecretBox.UnreadableSecretException e) {
            log.error("IPN {} of order {} was not sent: the order's ipnSecret cannot be decrypted: {}",
                    delivery.webhookId(), delivery.orderId(), e.getMessage());
            return new IpnSender.Result(null, null, UNREADABLE_SECRET, 0);
        }
        return sender.post(delivery.url(), IpnForm.sign(delivery.body(), secret), delivery.webhookId(), secret);
    }

    /** How one attempt ended, waiting to be written with the others that ended meanwhile. */
    private record Outcome(Claimed delivery, IpnSender.Result result, Instant at, String state, int attempts,
                           Instant nextAttempt, String error) {
    }

    /**
     * Writes ended attempts in batches, one transaction each: a commit per attempt (an fsync on a
     * durable PostgreSQL) held every host's deliveries to a few hundred a second. The IPN stays
     * claimed until its attempt is written, so nothing claims it in between; if the write fails,
     * or the instance dies first, the claim expires and the IPN is posted again (at least once,
     * with the same webhook-id).
     */
    private void recordOutcomes() {
        List<Outcome> batch = new ArrayList<>();
        while (!recorderDone || !outcomes.isEmpty()) {
            try {
                Outcome first = outcomes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            outcomes.drainTo(batch, RECORD_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    /**
     * Writes a batch of outcomes in one transaction, in the order of their deliveries' ids. A
     * deadlock with another instance's claim (which PostgreSQL resolves by aborting one of the
     * two) or another transient fault is tried again, a few times: left alone, the claims would
     * expire and the IPNs be posted a second time.
     */
    private void write(List<Outcome> batch) {
        batch.sort(Comparator.comparingLong(o -> o.delivery().id()));
        for (int attempt = 1; ; attempt++) {
            try {
                if (writeOnce(batch)) {
                    wake();
                }
                return;
            } catch (RuntimeException e) {
                if (!(e instanceof TransientDataAccessException) || attempt == WRITE_ATTEMPTS) {
                    log.error("Could not record the attempts of {} IPNs; their claims expire and they are tried again",
                            batch.size(), e);
                    return;
                }
            }
        }
    }

    /** Writes the batch in one transaction; true when an IPN left the queue with others of its order behind it. */
    private boolean writeOnce(List<Outcome> batch) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            jdbc.batchUpdate("insert into ipn_attempt (delivery_id, attempted_at, http_status, latency_ms, error, instance) values (?, ?, ?, ?, ?, ?)",
                    batch, batch.size(), (ps, o) -> {
                        ps.setLong(1, o.delivery().id());
                        ps.setTimestamp(2, Timestamp.from(o.at()));
                        ps.setObject(3, o.result().status(), Types.INTEGER);
                        ps.setInt(4, (int) o.result().latencyMillis());
                        ps.setString(5, o.error());
                        ps.setString(6, instance);
                    });
            int[][] updated = jdbc.batchUpdate("""
                    update ipn_delivery
                       set state = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at),
                           delivered_at = case when ? = 'delivered' then ? else delivered_at end,
                           last_error = ?, claimed_by = null, claimed_until = null
                     where id = ? and claimed_by = ?
                    """, batch, batch.size(), (ps, o) -> {
                        ps.setString(1, o.state());
                        ps.setInt(2, o.attempts());
                        ps.setTimestamp(3, o.nextAttempt() == null ? null : Timestamp.from(o.nextAttempt()));
                        ps.setString(4, o.state());
                        ps.setTimestamp(5, Timestamp.from(o.at()));
                        ps.setString(6, o.error());
                        ps.setLong(7, o.delivery().id());
                        ps.setString(8, instance);
                    });
            for (int i = 0; i < batch.size(); i++) {
                if (updated[0][i] == 0) {
                    log.warn("IPN {} was no longer claimed by this instance when its attempt ended", batch.get(i).delivery().webhookId());
                }
            }
            List<Outcome> retried = batch.stream().filter(o -> o.nextAttempt() != null && !o.delivery().redelivered()).toList();
            if (!retried.isEmpty()) {
                jdbc.batchUpdate(WAIT_BEHIND, retried, retried.size(), (ps, o) -> {
                    Timestamp next = Timestamp.from(o.nextAttempt());
                    ps.setTimestamp(1, next);
                    ps.setString(2, o.delivery().orderId());
                    ps.setLong(3, o.delivery().id());
                    ps.setTimestamp(4, next);
                });
            }
            return releasedAny(batch);
        }));
    }

    /**
     * Whether an IPN of the batch that is no longer pending had others of its order waiting
     * behind it, which may go now. Only then is the dispatcher woken: a wake that finds every
     * slot of a busy host taken reads over its whole queue for nothing. Each order is looked up
     * on its own ({@code lateral ... limit 1}): as one {@code order_id = any(?)}, with statistics
     * taken before a backlog came, the planner scanned every pending IPN (EXPLAIN ANALYZE with 3,000
     * pending: 0.74 ms, against 0.03 ms).
     */
    private boolean releasedAny(List<Outcome> batch) {
        Object[] orders = batch.stream().filter(o -> o.nextAttempt() == null && !o.delivery().redelivered())
                .map(o -> o.delivery().orderId()).distinct().toArray();
        return orders.length > 0 && Boolean.TRUE.equals(jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement(
                    "select exists (select 1 from unnest(?::varchar[]) as released(order_id) cross join lateral"
                            + " (select 1 from ipn_delivery d where d.order_id = released.order_id"
                            + " and d.state = 'pending' and not d.redelivered limit 1) waiting)");
            ps.setArray(1, connection.createArrayOf("varchar", orders));
            return ps;
        }, rs -> rs.next() && rs.getBoolean(1)));
    }

    /** The backoff for this attempt with ±20 % jitter, or the receiver's Retry-After when that is longer (capped at a day). */
    private Duration wait(int attempts, Duration retryAfter) {
        Duration base = properties.backoffAfter(attempts);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        Duration wait = Duration.ofMillis((long) (base.toMillis() * jitter));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : retryAfter;
        }
        return wait;
    }

    private void release(Claimed delivery) {
        jdbc.update("update ipn_delivery set claimed_by = null, claimed_until = null where id = ? and claimed_by = ?",
                delivery.id(), instance);
    }

    /**
     * Stops right after the web server's graceful shutdown (which stops taking requests and lets
     * those in flight finish), so the attempts in flight finish after the last request, within
     * their timeout, and the pool closes after both.
     */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 1;
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "ipn-worker-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ipn-poller");
            thread.setDaemon(true);
            return thread;
        });
        recorderDone = false;
        recorder = new Thread(this::recordOutcomes, "ipn-recorder");
        recorder.setDaemon(true);
        recorder.start();
        running = true;
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        log.info("IPN dispatcher {} started: {} workers, at most {} per host", instance, properties.workers(), properties.perHostLimit());
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
            // the attempts that ended are written before the database goes
            recorderDone = true;
            recorder.join(5000);
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
