package dev.exchanger.server.ipn;

import dev.exchanger.server.crypto.SealedColumn;
import dev.exchanger.server.crypto.SecretBox;
import dev.exchanger.server.ipn.IpnDeliveries.Claimed;
import dev.exchanger.server.ipn.IpnDeliveries.Ended;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims due IPNs (see {@link IpnDeliveries#claim}: each is claimed by one
 * instance at a time, and at most as many per host as that host has free slots), posts each on a
 * worker of its own, asks {@link IpnRetryPolicy} how the IPN stands after the attempt, and has
 * {@link IpnDeliveries} write the outcomes (in batches, see {@link #recordOutcomes}). This class
 * keeps the threads, the claims' scheduling and the metrics; the rows and their SQL belong to
 * {@link IpnDeliveries}, the retry rules to {@link IpnRetryPolicy}. A claim outlives the longest
 * attempt, and expires, so a crashed instance's IPNs are taken over. A slow receiver holds at
 * most per-host-limit workers and is left out of claims meanwhile, so other receivers' IPNs keep
 * going. Each IPN is signed as it is sent, with the order's ipnSecret decrypted on the worker.
 *
 * <p>The IPNs of one order go out one at a time, in the order of its status changes: the next
 * is not claimed before the previous one is delivered, stopped or given up, on any instance
 * (see {@link IpnDeliveries#claim}), so retries of an earlier one hold the later ones back. A redelivery
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

    /** What an IPN whose ipnSecret cannot be decrypted records as its attempt's error (the log has the reason). */
    static final String UNREADABLE_SECRET = "not sent: the server could not decrypt the order's ipnSecret";

    private final IpnDeliveries deliveries;
    private final IpnRetryPolicy policy;
    private final IpnSender sender;
    private final SecretBox box;
    private final IpnProperties properties;
    private final String instance;
    private final Semaphore freeWorkers;
    private final Map<String, AtomicInteger> inFlightByHost = new ConcurrentHashMap<>();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Map<IpnDelivery.State, Counter> outcomeCounters = new EnumMap<>(IpnDelivery.State.class);
    private final Timer latency;

    /** Ended attempts written per transaction at most. */
    private static final int RECORD_BATCH = 256;
    private static final int WRITE_ATTEMPTS = 3;

    private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile boolean recorderDone;
    private Thread recorder;
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    IpnDispatcher(IpnDeliveries deliveries, IpnRetryPolicy policy, IpnSender sender, SecretBox box, IpnProperties properties,
                  MeterRegistry meters) {
        this.deliveries = deliveries;
        this.policy = policy;
        this.sender = sender;
        this.box = box;
        this.properties = properties;
        // pid@host, cut to fit claimed_by (varchar 64) with room for a random suffix that tells restarts apart
        String name = ManagementFactory.getRuntimeMXBean().getName();
        this.instance = (name.length() > 54 ? name.substring(0, 54) : name) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        this.freeWorkers = new Semaphore(properties.workers());
        for (IpnDelivery.State state : IpnDelivery.State.values()) {
            String outcome = state == IpnDelivery.State.pending ? "retry" : state.name();
            outcomeCounters.put(state, Counter.builder("exchanger.ipn.deliveries").tag("outcome", outcome).register(meters));
        }
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
        Duration claimFor = properties.timeout().multipliedBy(2).plusSeconds(30);
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
        return deliveries.claim(instance, count, claimFor, busyHosts, inFlight, fullHosts);
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
        int attempt = delivery.attempts() + 1;
        IpnRetryPolicy.Outcome outcome = policy.decide(result, attempt, delivery.maxAttempts());
        outcomeCounters.get(outcome.state()).increment();
        ended.add(new Ended(delivery, attempt, result, outcome));
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

    /**
     * Writes ended attempts in batches, one transaction each: a commit per attempt (an fsync on a
     * durable PostgreSQL) held every host's deliveries to a few hundred a second. The IPN stays
     * claimed until its attempt is written, so nothing claims it in between; if the write fails,
     * or the instance dies first, the claim expires and the IPN is posted again (at least once,
     * with the same webhook-id).
     */
    private void recordOutcomes() {
        List<Ended> batch = new ArrayList<>();
        while (!recorderDone || !ended.isEmpty()) {
            try {
                Ended first = ended.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ended.drainTo(batch, RECORD_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    /**
     * Writes a batch of ended attempts ({@link IpnDeliveries#record}). A deadlock with another
     * instance's claim (which PostgreSQL resolves by aborting one of the two) or another transient
     * fault is tried again, a few times: left alone, the claims would expire and the IPNs be
     * posted a second time.
     */
    private void write(List<Ended> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (deliveries.record(batch, instance)) {
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

    private void release(Claimed delivery) {
        deliveries.release(delivery, instance);
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
