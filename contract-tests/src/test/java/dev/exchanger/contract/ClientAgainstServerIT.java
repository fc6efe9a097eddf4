package dev.exchanger.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exchanger.client.ApiClient;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.ApiResponse;
import dev.exchanger.client.api.OrdersApi;
import dev.exchanger.client.api.RoutesApi;
import dev.exchanger.client.model.CreateOrderRequest;
import dev.exchanger.client.model.FieldDefinition;
import dev.exchanger.client.model.FieldValue;
import dev.exchanger.client.model.Order;
import dev.exchanger.client.model.OrderResponse;
import dev.exchanger.client.model.OrderStatus;
import dev.exchanger.client.model.Route;
import dev.exchanger.client.model.UpdateOrderStatusRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The generated Java client against the real server on PostgreSQL: what a partner's code does.
 * The order's fields are filled from the route's own definitions (their {@code example} values).
 * <p>
 * A Failsafe test beside the provider verification, with the same Spring context, so that the
 * module boots the server and its embedded PostgreSQL once.
 */
@ServerUnderTest
@org.junit.jupiter.api.Order(2) // after the provider verification, before the gates
class ClientAgainstServerIT {

    @LocalServerPort
    int port;

    OrdersApi orders;
    RoutesApi routes;

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        orders = new OrdersApi(client);
        routes = new RoutesApi(client);
    }

    @Test
    void createsReadsAndPaysAnOrderThroughTheClient() throws Exception {
        Route route = routes.getRouteByXml("ETH", "WMZ").getData();

        Order created = orders.createOrder(new CreateOrderRequest()
                .routeId(route.getId())
                .amount(new BigDecimal("2"))
                .toValues(examples(route.getToValues()))
                .routeValues(examples(route.getRouteValues()))
                .ipnUrl("https://shop.example.com/ipn")
                .ipnSecret("SECRET123"), null).getData();

        assertThat(created.getStatus()).isEqualTo(OrderStatus.NEW);
        assertThat(created.getInAmount()).isEqualTo("2");
        assertThat(created.getOutAmount()).isEqualTo("317.42");
        assertThat(created.getId()).matches("^[0-9a-f]{24}$");
        assertThat(created.getSecret()).matches("^[0-9A-Za-z]{24}$");
        assertThat(created.getPaymentUrl()).endsWith("/en/payment/" + created.getUid() + "/" + created.getSecret());

        Order read = orders.getOrder(created.getUid(), created.getSecret(), "payment").getData();
        assertThat(read.getId()).isEqualTo(created.getId());
        assertThat(read.getPayment()).isNotNull();
        assertThat(read.getPayment().getAmount()).isEqualTo("2");
        assertThat(read.getPayment().getCurrency().getXml()).isEqualTo("ETH");

        Order paid = orders.updateOrderStatus(new UpdateOrderStatusRequest()
                .orderUID(created.getUid()).orderSecret(created.getSecret()).status(OrderStatus.IN_PROGRESS)).getData();
        assertThat(paid.getStatus()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(orders.getOrder(created.getUid(), created.getSecret(), null).getData().getStatus())
                .isEqualTo(OrderStatus.IN_PROGRESS);
    }

    @Test
    void clientSeesTheErrorEnvelopeOfAnIllegalChange() throws Exception {
        Route route = routes.getRoute("5d8e5f4ab80b7b4cd75a6402").getData();
        Order created = orders.createOrder(new CreateOrderRequest()
                .routeId(route.getId()).amount(new BigDecimal("0.5"))
                .toValues(examples(route.getToValues())).routeValues(examples(route.getRouteValues())), null).getData();

        assertThatThrownBy(() -> orders.updateOrderStatus(new UpdateOrderStatusRequest()
                .orderUID(created.getUid()).orderSecret(created.getSecret()).status(OrderStatus.DONE)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("\"errorType\":\"ConflictError\"");
                });
        assertThatThrownBy(() -> orders.getOrder(created.getUid(), "AAAAAAAAAAAAAAAAAAAAAAAA", null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameOrder() throws Exception {
        Route route = routes.getRouteByXml("ETH", "WMZ").getData();
        CreateOrderRequest request = new CreateOrderRequest()
                .routeId(route.getId()).amount(new BigDecimal("1.5"))
                .toValues(examples(route.getToValues())).routeValues(examples(route.getRouteValues()));
        String key = "client-retry-" + UUID.randomUUID();

        ApiResponse<OrderResponse> first = orders.createOrderWithHttpInfo(request, key);
        ApiResponse<OrderResponse> retry = orders.createOrderWithHttpInfo(request, key);

        assertThat(first.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(retry.getHeaders().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(retry.getData().getData().getUid()).isEqualTo(first.getData().getData().getUid());
        assertThat(retry.getData().getData().getSecret()).isEqualTo(first.getData().getData().getSecret());
        assertThatThrownBy(() -> orders.createOrder(request.amount(new BigDecimal("3")), key))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("\"errorCode\":3002");
                });
    }

    @Test
    void sendsAnExactDecimalAmount() throws Exception {
        Route route = routes.getRouteByXml("ETH", "WMZ").getData();
        BigDecimal amount = new BigDecimal("0.1").add(new BigDecimal("0.2"));

        Order created = orders.createOrder(new CreateOrderRequest().routeId(route.getId()).amount(amount)
                .toValues(examples(route.getToValues())).routeValues(examples(route.getRouteValues())), null).getData();

        assertThat(created.getInAmount()).isEqualTo("0.3");
        assertThat(created.getOutAmount()).isEqualTo("47.61");
    }

    private static List<FieldValue> examples(List<FieldDefinition> fields) {
        return fields.stream().map(f -> new FieldValue().key(f.getKey()).value(f.getExample())).toList();
    }
}
