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
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code exchanger.ipn.max-attempts=1} is the merchant documentation's send-once: a failure is not retried. */
@SpringBootTest(properties = {
        "exchanger.ipn.max-attempts=1",
        "exchanger.ipn.allow-private-targets=true",
        "exchanger.ipn.backoff=100ms",
        "exchanger.ipn.poll-interval=100ms"})
class IpnSendOnceTest {

    @Autowired
    OrderService orders;

    @Autowired
    JdbcTemplate jdbc;

    HttpServer receiver;

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void sendsOnceAndGivesUpOnAFailure() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            posts.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
        ExchangeOrder order = orders.create(OrderMapper.toNewOrder(new CreateOrderRequestDto()
                .routeId("5d8e5f4ab80b7b4cd75a6402").amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValueDto().key("5d8e5f4ab80b7b4cd75a6414").value("Z123456789012")))
                .routeValues(List.of(new FieldValueDto().key("5d8e5f4ab80b7b4cd75a6415").value("client@example.com")))
                .ipnUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/ipn").ipnSecret("S")), OrderOwner.NONE);

        orders.changeStatusByClient(order.getUid(), order.getSecret(), OrderStatus.DELETED);

        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(
                jdbc.queryForObject("select state from ipn_delivery where order_id = ?", String.class, order.getId())));
        Thread.sleep(1000);
        assertThat(posts.get()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ipn_attempt a join ipn_delivery d on d.id = a.delivery_id"
                + " where d.order_id = ?", Integer.class, order.getId())).isEqualTo(1);
    }
}
