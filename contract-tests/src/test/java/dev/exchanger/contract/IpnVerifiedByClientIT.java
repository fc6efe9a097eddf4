package dev.exchanger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.client.ApiClient;
import dev.exchanger.client.api.OrdersApi;
import dev.exchanger.client.ipn.IpnSignature;
import dev.exchanger.client.model.CreateOrderRequest;
import dev.exchanger.client.model.FieldValue;
import dev.exchanger.client.model.Order;
import dev.exchanger.client.model.OrderStatus;
import dev.exchanger.client.model.UpdateOrderStatusRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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

    @LocalServerPort
    int port;

    IpnReceiver receiver;

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void anIpnPostedByTheServerVerifiesWithTheClientsIpnSignature() throws Exception {
        receiver = new IpnReceiver();
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        OrdersApi orders = new OrdersApi(client);

        Order order = orders.createOrder(new CreateOrderRequest()
                .routeId("5d8e5f4ab80b7b4cd75a6402").amount(new BigDecimal("2"))
                .toValues(List.of(new FieldValue().key("5d8e5f4ab80b7b4cd75a6414").value("Z123456789012")))
                .routeValues(List.of(new FieldValue().key("5d8e5f4ab80b7b4cd75a6415").value("client@example.com")))
                .ipnUrl(receiver.url())
                .ipnSecret("SECRET123"), null).getData();
        orders.updateOrderStatus(new UpdateOrderStatusRequest()
                .orderUID(order.getUid()).orderSecret(order.getSecret()).status(OrderStatus.IN_PROGRESS));

        IpnReceiver.Received ipn = receiver.first();
        Map<String, String> form = ipn.form();

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
}
