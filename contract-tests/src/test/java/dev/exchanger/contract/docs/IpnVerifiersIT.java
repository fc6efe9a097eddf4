package dev.exchanger.contract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.client.ApiClient;
import dev.exchanger.client.api.OrdersApi;
import dev.exchanger.client.model.CreateOrderRequest;
import dev.exchanger.client.model.FieldValue;
import dev.exchanger.client.model.Order;
import dev.exchanger.client.model.OrderStatus;
import dev.exchanger.client.model.UpdateOrderStatusRequest;
import dev.exchanger.contract.IpnReceiver;
import dev.exchanger.contract.ServerUnderTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An IPN the running server really posts, captured byte for byte on a loopback receiver and
 * written to {@code target/ipn-capture}, passes every verifier of {@code docs/ipn} run as its own
 * process, with a non-ASCII ipnSecret; the same IPN with another secret is refused.
 */
@ServerUnderTest
@org.junit.jupiter.api.Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpnVerifiersIT {

    static final String SECRET = "ключ-€-🙂-SECRET";

    @LocalServerPort
    int port;

    IpnFiles captured;
    Order order;

    @BeforeAll
    void captureOneIpn() throws Exception {
        try (IpnReceiver receiver = new IpnReceiver()) {
            ApiClient client = new ApiClient();
            client.updateBaseUri("http://127.0.0.1:" + port);
            OrdersApi orders = new OrdersApi(client);
            order = orders.createOrder(new CreateOrderRequest()
                    .routeId("5d8e5f4ab80b7b4cd75a6402").amount(new BigDecimal("2.5"))
                    .toValues(List.of(new FieldValue().key("5d8e5f4ab80b7b4cd75a6414").value("Z123456789012")))
                    .routeValues(List.of(new FieldValue().key("5d8e5f4ab80b7b4cd75a6415").value("client@example.com")))
                    .ipnUrl(receiver.url()).ipnSecret(SECRET), null).getData();
            orders.updateOrderStatus(new UpdateOrderStatusRequest()
                    .orderUID(order.getUid()).orderSecret(order.getSecret()).status(OrderStatus.IN_PROGRESS));
            IpnReceiver.Received ipn = receiver.first();
            Path dir = Paths.get("target", "ipn-capture").toAbsolutePath();
            captured = IpnFiles.write(dir, SECRET, ipn.body(), ipn.headers());
            assertThat(ipn.form()).containsEntry("orderId", order.getId()).containsEntry("inAmount", "2.5");
        }
    }

    @ParameterizedTest
    @EnumSource(IpnVerifier.class)
    void aRealIpnIsGenuine(IpnVerifier verifier) throws Exception {
        OutsideTools.Run run = captured.verifyWith(verifier);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("genuine " + order.getId() + " inProgress");
    }

    @ParameterizedTest
    @EnumSource(IpnVerifier.class)
    void aRealIpnIsRefusedWithAnotherSecret(IpnVerifier verifier) throws Exception {
        OutsideTools.Run run = captured.withSecret("ключ-€-🙂-SECRET!").verifyWith(verifier);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("refused").contains("webhook-signature");
    }
}
