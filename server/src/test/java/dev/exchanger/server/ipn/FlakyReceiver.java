package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An IPN receiver on 127.0.0.1 that refuses (500) and answers slowly at random, drawn from a
 * fixed seed, and records what each order's IPNs got: in what order they came, which were
 * accepted, and whether two of one order were ever in flight at once. It refuses one IPN (one
 * webhook-id) at most {@code maxRefusals} times, so that every IPN is accepted within the
 * attempts the dispatcher has. {@link #answer} scripts a status for every IPN of one
 * {@code newStatus} instead.
 */
final class FlakyReceiver implements AutoCloseable {

    /** One request: its order, status, webhook-id and form timestamp, and what it was answered. */
    record Request(long orderUid, String newStatus, String webhookId, long timestamp, int answeredWith) {
        boolean accepted() {
            return answeredWith >= 200 && answeredWith < 300;
        }
    }

    /** A scripted answer for every IPN of one newStatus, given after {@code delayMillis}. */
    private record Scripted(int status, long delayMillis) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "flaky-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random;
    private final double refuseRate;
    private final double slowRate;
    private final int maxSlowMillis;
    private final int maxRefusals;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();
    private final Map<String, Scripted> scripted = new ConcurrentHashMap<>();

    /**
     * @param seed          the seed of every random answer
     * @param refuseRate    the share of requests answered 500
     * @param slowRate      the share of requests answered only after up to {@code maxSlowMillis}
     * @param maxSlowMillis keep it well below the IPN timeout: a slow answer is still an answer
     * @param maxRefusals   at most this many 500s for one webhook-id
     */
    FlakyReceiver(long seed, double refuseRate, double slowRate, int maxSlowMillis, int maxRefusals) {
        this.random = new Random(seed);
        this.refuseRate = refuseRate;
        this.slowRate = slowRate;
        this.maxSlowMillis = maxSlowMillis;
        this.maxRefusals = maxRefusals;
        this.server = IpnReceiver.serve(this::handle, threads);
    }

    /** A receiver that accepts everything at once, unless {@link #answer} says otherwise. */
    static FlakyReceiver reliable() {
        return new FlakyReceiver(0, 0, 0, 1, 0);
    }

    /** Every IPN with this newStatus is answered {@code status}, after {@code delayMillis}. */
    FlakyReceiver answer(String newStatus, int status, long delayMillis) {
        scripted.put(newStatus, new Scripted(status, delayMillis));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> form = IpnReceiver.form(body);
            long order = Long.parseLong(form.get("orderUID"));
            String status = form.get("newStatus");
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            AtomicInteger orderInFlight = inFlight.computeIfAbsent(order, o -> new AtomicInteger());
            if (orderInFlight.incrementAndGet() > 1) {
                overlaps.add("order " + order + ": " + status + " came while another IPN of the order was unanswered");
            }
            int answer;
            long delay;
            Scripted script = scripted.get(status);
            if (script != null) {
                answer = script.status();
                delay = script.delayMillis();
            } else {
                synchronized (random) {
                    boolean refuse = random.nextDouble() < refuseRate;
                    delay = random.nextDouble() < slowRate ? 1 + random.nextInt(maxSlowMillis) : 0;
                    answer = refuse && refusals.computeIfAbsent(webhookId, w -> new AtomicInteger()).incrementAndGet() <= maxRefusals
                            ? 500 : 200;
                }
            }
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // recorded, and no longer in flight, before the dispatcher can see the answer
            received.add(new Request(order, status, webhookId, Long.parseLong(form.get("timestamp")), answer));
            orderInFlight.decrementAndGet();
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every request so far, in the order they were answered. */
    List<Request> received() {
        return new ArrayList<>(received);
    }

    /** The requests of one order, in the order they were answered. */
    List<Request> received(long orderUid) {
        return received.stream().filter(r -> r.orderUid() == orderUid).toList();
    }

    /** The newStatus of each accepted IPN of the order, in the order they were accepted. */
    List<String> accepted(long orderUid) {
        return received(orderUid).stream().filter(Request::accepted).map(Request::newStatus).toList();
    }

    /**
     * Every order got its IPNs one at a time and in status order: each order's accepted IPNs
     * are exactly its status changes, in order, once each; no request of a later status came
     * before the earlier one was accepted; and the timestamps rise.
     */
    void assertEachOrderGotItsStatusesInOrder(Map<Long, List<String>> statusesByOrder) {
        assertThat(overlaps).as("two IPNs of one order in flight at once").isEmpty();
        Map<Long, List<String>> accepted = statusesByOrder.keySet().stream()
                .collect(Collectors.toMap(uid -> uid, this::accepted));
        assertThat(accepted).as("accepted IPNs per order, in the order they were accepted").isEqualTo(statusesByOrder);
        statusesByOrder.forEach((uid, statuses) -> {
            List<Request> requests = received(uid);
            int expected = 0;
            for (Request request : requests) {
                assertThat(request.newStatus()).as("order %d: every request, in the order they came: %s", uid, requests)
                        .isEqualTo(statuses.get(expected));
                if (request.accepted()) {
                    expected++;
                }
            }
            List<Long> timestamps = requests.stream().filter(Request::accepted).map(Request::timestamp).toList();
            assertThat(timestamps).as("order %d: timestamps of its accepted IPNs", uid).isSorted().doesNotHaveDuplicates();
        });
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
