package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.api.model.CreateOrderRequestDto;
import dev.exchanger.server.api.model.FieldValueDto;
import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderMapper;
import dev.exchanger.server.order.OrderOwner;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.testing.ApiTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The IPNs of one order reach its receiver one at a time, in the order of its status changes:
 * the next one is not sent before the previous one is delivered, stopped or given up, also
 * while the receiver refuses and stalls at random. (The tests run with max-attempts 4 and a
 * 200 ms backoff, see {@link ApiTest}.)
 */
class IpnOrderTest extends ApiTest {

    private static final List<OrderStatus> PATH = List.of(OrderStatus.WAIT_PAYMENT, OrderStatus.IN_PROGRESS,
            OrderStatus.IN_PROGRESS_PAYOUT, OrderStatus.DONE);

    @Autowired
    OrderService orders;

    @Test
    void eachOrdersIpnsArriveInStatusOrderThoughTheReceiverFailsAtRandom() throws Exception {
        // at most 3 refusals per IPN: each is accepted within the 4 attempts
        try (FlakyReceiver receiver = new FlakyReceiver(20260511L, 0.3, 0.25, 300, 3)) {
            List<ExchangeOrder> created = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                created.add(createOrder(receiver.url("/flaky/" + i)));
            }
            ExecutorService operators = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> moves = new ArrayList<>();
                for (ExchangeOrder order : created) {
                    // each order through its statuses as fast as the operator can click
                    moves.add(operators.submit(() -> PATH.forEach(next -> orders.changeStatusByOperator(order.getUid(), next, null))));
                }
                for (Future<?> move : moves) {
                    move.get(30, TimeUnit.SECONDS);
                }
            } finally {
                operators.shutdownNow();
            }
            Map<Long, List<String>> expected = new LinkedHashMap<>();
            created.forEach(order -> expected.put(order.getUid(), PATH.stream().map(OrderStatus::wireName).toList()));

            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() ->
                    expected.keySet().stream().allMatch(uid -> receiver.accepted(uid).size() >= PATH.size()));

            receiver.assertEachOrderGotItsStatusesInOrder(expected);
            assertThat(receiver.received()).as("the receiver refused some").anyMatch(r -> !r.accepted());
            for (ExchangeOrder order : created) {
                assertThat(jdbc.queryForList("select state from ipn_delivery where order_id = ? order by id", String.class, order.getId()))
                        .containsExactly("delivered", "delivered", "delivered", "delivered");
            }
        }
    }

    @ParameterizedTest(name = "answered {0}: {1} after {2} attempts")
    @CsvSource({"500, failed, 4", "410, stopped, 1"})
    void anIpnGivenUpOrStoppedReleasesTheNextOfItsOrder(int answer, String state, int attempts) {
        try (FlakyReceiver receiver = FlakyReceiver.reliable().answer("waitPayment", answer, 0)) {
            long uid = createOrder(receiver.url("/refuses-waitPayment")).getUid();
            orders.changeStatusByOperator(uid, OrderStatus.WAIT_PAYMENT, null);
            orders.changeStatusByOperator(uid, OrderStatus.IN_PROGRESS, null);

            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted(uid).equals(List.of("inProgress")));
            List<String> expected = new ArrayList<>(Collections.nCopies(attempts, "waitPayment"));
            expected.add("inProgress");
            assertThat(receiver.received(uid)).extracting(FlakyReceiver.Request::newStatus)
                    .as("every attempt at waitPayment before inProgress").containsExactlyElementsOf(expected);
            assertThat(jdbc.queryForList("select state || ' after ' || attempts from ipn_delivery d join exchange_order o on o.id = d.order_id"
                    + " where o.uid = ? order by d.id", String.class, uid))
                    .containsExactly(state + " after " + attempts, "delivered after 1");
        }
    }

    @Test
    void aRedeliveredIpnIsSentAtOnceAndHoldsBackNoLaterOne() throws Exception {
        try (FlakyReceiver receiver = FlakyReceiver.reliable()) {
            PartnerKey shop = newPartner("Shop " + UUID.randomUUID());
            Map<String, Object> body = ethToWmz();
            body.put("ipnUrl", receiver.url("/redelivered"));
            body.put("ipnSecret", "order-secret");
            Reply created = strict(shop.on(createJson(body)));
            assertThat(created.status()).as(created.text()).isEqualTo(200);
            long uid = created.data().path("uid").asLong();
            orders.changeStatusByOperator(uid, OrderStatus.WAIT_PAYMENT, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted(uid).equals(List.of("waitPayment")));
            String webhookId = receiver.received(uid).get(0).webhookId();
            // the copy is refused, slowly: it is retried for seconds (4 attempts of 0.5 s, 0.2 s apart)
            receiver.answer("waitPayment", 500, 500);

            Reply queued = strict(shop.on(post("/user/exchanger/order/{uid}/ipn/{id}/redeliver", uid, webhookId)));
            assertThat(queued.status()).as(queued.text()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received(uid).size() == 2);
            orders.changeStatusByOperator(uid, OrderStatus.IN_PROGRESS, null);

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.accepted(uid).contains("inProgress"));
            assertThat(jdbc.queryForObject("select state from ipn_delivery where webhook_id = ?", String.class, webhookId))
                    .as("the redelivered IPN, still being retried when the later one was accepted").isEqualTo("pending");
            assertThat(receiver.received(uid)).extracting(FlakyReceiver.Request::webhookId).startsWith(webhookId, webhookId);
        }
    }

    @Test
    void anOrdersIpnTimestampsRiseThoughTheInstanceBeforeHadAClockAhead() {
        try (FlakyReceiver receiver = FlakyReceiver.reliable()) {
            long uid = createOrder(receiver.url("/skewed")).getUid();
            // the last change was made by an instance whose clock is a minute ahead of this one's
            long ahead = jdbc.queryForObject("update exchange_order set updated_at = date_trunc('milliseconds', now() + interval '1 minute') where uid = ?"
                    + " returning (extract(epoch from updated_at) * 1000)::bigint", Long.class, uid);
            orders.changeStatusByOperator(uid, OrderStatus.WAIT_PAYMENT, null);
            orders.changeStatusByOperator(uid, OrderStatus.IN_PROGRESS, null);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted(uid).size() == 2);
            assertThat(receiver.received(uid)).extracting(FlakyReceiver.Request::timestamp).containsExactly(ahead + 1, ahead + 2);
        }
    }

    private ExchangeOrder createOrder(String ipnUrl) {
        return orders.create(OrderMapper.toNewOrder(new CreateOrderRequestDto()
                .routeId(ETH_WMZ)
                .amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValueDto().key(ETH_WMZ_WALLET).value("Z123456789012")))
                .routeValues(List.of(new FieldValueDto().key(ETH_WMZ_EMAIL).value("client@example.com")))
                .ipnUrl(ipnUrl)
                .ipnSecret("order-secret")), OrderOwner.NONE);
    }
}
