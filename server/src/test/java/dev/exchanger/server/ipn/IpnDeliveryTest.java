package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.exchanger.server.api.model.CreateOrderRequestDto;
import dev.exchanger.server.api.model.FieldValueDto;
import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderMapper;
import dev.exchanger.server.order.OrderOwner;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.testing.ApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * IPN delivery end to end: real status changes on PostgreSQL, posted over real HTTP to a
 * receiver on loopback.
 */
class IpnDeliveryTest extends ApiTest {

    record Received(String path, Map<String, String> headers, String body, long atMillis) {
        Map<String, String> form() {
            return IpnReceiver.form(body);
        }
    }

    static HttpServer receiver;
    static final List<Received> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger failures = new AtomicInteger();
    /** Lets the hung receiver of the backlog test answer once that test is over. */
    static final CountDownLatch backlogReleased = new CountDownLatch(1);

    @Autowired
    OrderService orders;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(path, headers, body, System.currentTimeMillis()));
            int status = switch (path) {
                case "/fail-twice" -> failures.incrementAndGet() <= 2 ? 500 : 200;
                case "/gone" -> 410;
                case "/always-500" -> 500;
                case "/redirect" -> {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/redirected");
                    yield 302;
                }
                case "/hang/backlog" -> {
                    awaitRelease(backlogReleased, Duration.ofSeconds(20));
                    yield 200;
                }
                case "/hang" -> {
                    sleep(Duration.ofSeconds(20));
                    yield 200;
                }
                default -> 200;
            };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void receiverGetsTheSeedFieldsWithAHashAndWebhookSignatureThatVerify() {
        ExchangeOrder order = createOrder("/ok/seed", "SECRET123");
        orders.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);

        Received ipn = awaitReceived("/ok/seed", 1).get(0);
        Map<String, String> form = ipn.form();
        assertThat(form.keySet()).containsExactly("orderUID", "orderId", "newStatus", "inAmount", "outAmount", "xml_from",
                "xml_to", "timestamp", "toValues[0][key]", "toValues[0][name]", "toValues[0][value]", "hash");
        assertThat(form).containsEntry("orderUID", Long.toString(order.getUid()))
                .containsEntry("orderId", order.getId())
                .containsEntry("newStatus", "inProgress")
                .containsEntry("inAmount", "2")
                .containsEntry("outAmount", "317.42")
                .containsEntry("xml_from", "ETH")
                .containsEntry("xml_to", "WMZ")
                .containsEntry("toValues[0][name]", "wallet")
                .containsEntry("toValues[0][value]", "Z123456789012");
        String expectedHash = IpnForm.hash(form.get("orderId"), form.get("newStatus"), form.get("inAmount"),
                form.get("outAmount"), form.get("xml_from"), form.get("xml_to"), form.get("timestamp"), "SECRET123");
        assertThat(form.get("hash")).isEqualTo(expectedHash);
        assertThat(ipn.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(ipn.headers().get("webhook-signature")).isEqualTo(IpnSender.signature(
                ipn.headers().get("webhook-id"), ipn.headers().get("webhook-timestamp"), ipn.body(), "SECRET123"));
    }

    @Test
    void hashUsesTheSeedsFormula() {
        assertThat(IpnForm.hash("5d8e6002b80b7b4cd75a6424", "inProgress", "2", "317.42", "ETH", "WMZ", "1571328406072", "SECRET123"))
                .isEqualTo("af3acf947e6f0e0f2c267e300b8582e504dba12d1f2d058652b7414163c09f48");
    }

    @Test
    void retriesUntilTheReceiverAcceptsWithTheSameWebhookId() {
        ExchangeOrder order = createOrder("/fail-twice", "S1");
        orders.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.DELETED);

        List<Received> attempts = awaitReceived("/fail-twice", 3);
        assertThat(attempts).extracting(r -> r.headers().get("webhook-id")).containsOnly(attempts.get(0).headers().get("webhook-id"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveryState(order)).isEqualTo("delivered"));
        assertThat(jdbc.queryForList("select http_status from ipn_attempt a join ipn_delivery d on d.id = a.delivery_id"
                + " where d.order_id = ? order by a.id", Integer.class, order.getId())).containsExactly(500, 500, 200);
    }

    @Test
    void goneStopsAtOnce() throws Exception {
        ExchangeOrder order = createOrder("/gone", "S2");
        orders.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryState(order)).isEqualTo("stopped"));
        Thread.sleep(1000);
        assertThat(received.stream().filter(r -> r.path().equals("/gone")).count()).isEqualTo(1);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        ExchangeOrder order = createOrder("/always-500", "S3");
        orders.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(deliveryState(order)).isEqualTo("failed"));
        assertThat(received.stream().filter(r -> r.path().equals("/always-500")).count()).isEqualTo(4);
    }

    @Test
    void neverFollowsARedirect() {
        ExchangeOrder order = createOrder("/redirect", "S6");
        orders.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);

        awaitReceived("/redirect", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select http_status from ipn_attempt a join ipn_delivery d on d.id = a.delivery_id where d.order_id = ?",
                Integer.class, order.getId()).contains(302));
        assertThat(received).noneMatch(r -> r.path().equals("/redirected"));
        assertThat(deliveryState(order)).isNotEqualTo("delivered");
    }

    @Test
    void aHungReceiverDoesNotDelayAnotherReceiver() {
        ExchangeOrder hung = createOrder("/hang", "S4");
        ExchangeOrder quick = createOrder("/ok/quick", "S5");
        orders.changeStatusByClient(hung.getUid(), hung.getSecret(), OrderStatus.IN_PROGRESS);
        awaitReceived("/hang", 1);
        long changedAt = System.currentTimeMillis();
        orders.changeStatusByClient(quick.getUid(), quick.getSecret(), OrderStatus.IN_PROGRESS);

        Received ipn = awaitReceived("/ok/quick", 1).get(0);
        assertThat(ipn.atMillis() - changedAt).isLessThan(2000);
    }

    @Test
    void aHungReceiverWithABacklogDoesNotDelayAnotherReceiver() {
        // more IPNs for the hung host than the dispatcher has workers, so they would fill every claim;
        // the hung host is named localhost, which no other test uses, and the quick one 127.0.0.1
        String hungBase = "http://localhost:" + receiver.getAddress().getPort();
        try {
            for (int i = 0; i < 100; i++) {
                ExchangeOrder order = createOrder(hungBase, "/hang/backlog", "S6");
                orders.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);
            }
            awaitReceived("/hang/backlog", 4);
            // another host name, so another receiver as far as the dispatcher can tell
            ExchangeOrder quick = createOrder("/ok/after-backlog", "S7");
            long changedAt = System.currentTimeMillis();
            orders.changeStatusByClient(quick.getUid(), quick.getSecret(), OrderStatus.IN_PROGRESS);

            Received ipn = awaitReceived("/ok/after-backlog", 1).get(0);
            assertThat(ipn.atMillis() - changedAt).isLessThan(1000);
            assertThat(received.stream().filter(r -> r.path().equals("/hang/backlog")).count())
                    .as("no more than the per-host limit in flight to the hung receiver").isLessThanOrEqualTo(4);
        } finally {
            jdbc.update("update ipn_delivery set state = 'stopped' where state = 'pending' and url like '%/hang/backlog'");
            backlogReleased.countDown();
        }
    }

    @Test
    void aReceiverThatRefusesTheConnectionIsLoggedInWords() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ExchangeOrder order = createOrder("http://127.0.0.1:" + closedPort, "/closed", "S8");
        orders.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.IN_PROGRESS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !attemptErrors(order).isEmpty());
        assertThat(attemptErrors(order).get(0)).isEqualTo("connection refused");
        assertThat(jdbc.queryForObject("select last_error from ipn_delivery where order_id = ?", String.class, order.getId()))
                .isEqualTo("connection refused");
    }

    private List<String> attemptErrors(ExchangeOrder order) {
        return jdbc.queryForList("select a.error from ipn_attempt a join ipn_delivery d on d.id = a.delivery_id"
                + " where d.order_id = ? order by a.id", String.class, order.getId());
    }

    private ExchangeOrder createOrder(String path, String secret) {
        return createOrder("http://127.0.0.1:" + receiver.getAddress().getPort(), path, secret);
    }

    private ExchangeOrder createOrder(String base, String path, String secret) {
        return orders.create(OrderMapper.toNewOrder(new CreateOrderRequestDto()
                .routeId("5d8e5f4ab80b7b4cd75a6402")
                .amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValueDto().key("5d8e5f4ab80b7b4cd75a6414").value("Z123456789012")))
                .routeValues(List.of(new FieldValueDto().key("5d8e5f4ab80b7b4cd75a6415").value("client@example.com")))
                .ipnUrl(base + path)
                .ipnSecret(secret)), OrderOwner.NONE);
    }

    private String deliveryState(ExchangeOrder order) {
        return jdbc.queryForObject("select state from ipn_delivery where order_id = ?", String.class, order.getId());
    }

    private static List<Received> awaitReceived(String path, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().filter(r -> r.path().equals(path)).count() >= count);
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static void awaitRelease(CountDownLatch latch, Duration atMost) {
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
