package dev.exchanger.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.exchanger.client.ApiClient;
import dev.exchanger.client.api.OrdersApi;
import dev.exchanger.client.ipn.IpnSignature;
import dev.exchanger.client.model.CreateOrderRequest;
import dev.exchanger.client.model.FieldValue;
import dev.exchanger.client.model.Order;
import dev.exchanger.client.model.OrderStatus;
import dev.exchanger.client.model.UpdateOrderStatusRequest;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server signs IPNs and the client verifies them with two separate pieces of code; this
 * proves they agree: a real IPN posted by the server over HTTP passes {@link IpnSignature}'s
 * legacy hash and Standard Webhooks checks, and fails them with another secret.
 */
@ServerUnderTest
@org.junit.jupiter.api.Order(2)
class IpnVerifiedByClientIT {

    record Received(Map<String, String> headers, String body) {
    }

    @LocalServerPort
    int port;

    HttpServer receiver;

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void anIpnPostedByTheServerVerifiesWithTheClientsIpnSignature() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ipn", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        OrdersApi orders = new OrdersApi(client);

        Order order = orders.createOrder(new CreateOrderRequest()
                .routeId("5d8e5f4ab80b7b4cd75a6402").amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValue().key("5d8e5f4ab80b7b4cd75a6414").value("Z123456789012")))
                .routeValues(List.of(new FieldValue().key("5d8e5f4ab80b7b4cd75a6415").value("client@example.com")))
                .ipnUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/ipn")
                .ipnSecret("SECRET123"), null).getData();
        orders.updateOrderStatus(new UpdateOrderStatusRequest()
                .orderUID(order.getUid()).orderSecret(order.getSecret()).status(OrderStatus.IN_PROGRESS));

        await().atMost(Duration.ofSeconds(15)).until(() -> !received.isEmpty());
        Received ipn = received.get(0);
        Map<String, String> form = form(ipn.body());

        assertThat(form).containsEntry("orderId", order.getId()).containsEntry("newStatus", "inProgress")
                .containsEntry("inAmount", order.getInAmount()).containsEntry("outAmount", order.getOutAmount());
        assertThat(IpnSignature.verify(form, "SECRET123")).isTrue();
        assertThat(IpnSignature.verify(form, "SECRET124")).isFalse();
        String id = ipn.headers().get("webhook-id");
        String timestamp = ipn.headers().get("webhook-timestamp");
        String signature = ipn.headers().get("webhook-signature");
        assertThat(IpnSignature.verifyWebhook(id, timestamp, ipn.body(), signature, "SECRET123")).isTrue();
        assertThat(IpnSignature.verifyWebhook(id, timestamp, ipn.body(), signature, "SECRET124")).isFalse();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
