import com.example.shop.exchanger.ApiClient;
import com.example.shop.exchanger.ApiException;
import com.example.shop.exchanger.ApiResponse;
import com.example.shop.exchanger.api.ExportApi;
import com.example.shop.exchanger.api.OrdersApi;
import com.example.shop.exchanger.api.RoutesApi;
import com.example.shop.exchanger.model.CreateOrderRequest;
import com.example.shop.exchanger.model.DecimalAmount;
import com.example.shop.exchanger.model.FieldDefinition;
import com.example.shop.exchanger.model.FieldValue;
import com.example.shop.exchanger.model.Order;
import com.example.shop.exchanger.model.OrderStatus;
import com.example.shop.exchanger.model.RatesResponse;
import com.example.shop.exchanger.model.Route;
import com.example.shop.exchanger.model.UpdateOrderStatusRequest;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One order through the exchanger with a client generated in this build: create it, read it back,
 * confirm the payment, and receive and verify the IPN of that change on a loopback port.
 * Argument: the server's base URL. Exits 0 when everything checked out.
 */
public final class ExchangerExample {

    /**
     * The one place that turns an amount into what the generated request takes: the spec's
     * {@code amount} is a decimal string or a number ({@code DecimalAmount}), and the string
     * form travels exactly as written. Never build it from a double.
     */
    static DecimalAmount amount(String exact) {
        return new DecimalAmount(exact);
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        String ipnSecret = "shop-secret-" + UUID.randomUUID();

        // the shop's IPN endpoint: keep the raw body and the headers exactly as they came
        CompletableFuture<Map<String, String>> ipn = new CompletableFuture<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ipn", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            String rawBody;
            try (InputStream in = exchange.getRequestBody()) {
                rawBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                ipn.complete(VerifyIpn.verify(rawBody, headers, ipnSecret));
                exchange.sendResponseHeaders(200, -1);
            } catch (VerifyIpn.Refused refused) {
                ipn.completeExceptionally(refused);
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        receiver.start();
        try {
            run(baseUrl, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/ipn", ipnSecret, ipn);
        } finally {
            receiver.stop(0);
        }
    }

    static void run(String baseUrl, String ipnUrl, String ipnSecret, CompletableFuture<Map<String, String>> ipn) throws Exception {
        // configure the ApiClient completely before making the API objects: they copy it
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setReadTimeout(Duration.ofSeconds(10));
        String apiKey = System.getenv("EXCHANGER_API_KEY");
        if (apiKey != null) {
            // the generated client does not send the spec's X-Api-Key by itself
            client.setRequestInterceptor(request -> request.header("X-Api-Key", apiKey));
        }
        RoutesApi routes = new RoutesApi(client);
        OrdersApi orders = new OrdersApi(client);
        ExportApi export = new ExportApi(client);

        Route route = routes.getRouteByXml("ETH", "WMZ").getData();
        Order created = orders.createOrder(new CreateOrderRequest()
                        .routeId(route.getId())
                        .amount(amount("2"))
                        .fromValues(examples(route.getFromValues()))
                        .toValues(examples(route.getToValues()))
                        .routeValues(examples(route.getRouteValues()))
                        .ipnUrl(ipnUrl)
                        .ipnSecret(ipnSecret),
                "shop-order-" + UUID.randomUUID())                      // Idempotency-Key: the same on a retry
                .getData();
        System.out.println("created " + created.getUid() + ": " + created.getInAmount() + " ETH -> " + created.getOutAmount() + " WMZ");

        Order read = orders.getOrder(created.getUid(), created.getSecret(), "order").getData();
        check(read.getStatus() == OrderStatus.NEW, "a new order is new, not " + read.getStatus());

        Order paid = orders.updateOrderStatus(new UpdateOrderStatusRequest()
                .orderUID(created.getUid()).orderSecret(created.getSecret()).status(OrderStatus.IN_PROGRESS)).getData();
        check(paid.getStatus() == OrderStatus.IN_PROGRESS, "the order is inProgress after the client paid");

        Map<String, String> form = ipn.get(30, TimeUnit.SECONDS);
        check(created.getId().equals(form.get("orderId")) && "inProgress".equals(form.get("newStatus")),
                "the IPN is about this order's change to inProgress: " + form);
        // amounts travel as exact decimal strings: compare them as BigDecimal, never as double
        check(new BigDecimal(form.get("inAmount")).compareTo(new BigDecimal("2")) == 0, "the IPN's inAmount is 2");
        System.out.println("IPN verified: order " + form.get("orderId") + " is " + form.get("newStatus"));

        // the rates export answers 304 to the ETag it gave; the generated client throws for a 304
        ApiResponse<RatesResponse> rates = export.exportRatesJsonWithHttpInfo(null, null);
        String etag = rates.getHeaders().get("etag").get(0);
        try {
            export.exportRatesJson(etag, null);
            check(false, "the export changed although nothing did");
        } catch (ApiException notModified) {
            check(notModified.getCode() == 304, "the export answers 304 to its own ETag, not " + notModified.getCode());
        }
        System.out.println("rates export: " + rates.getData().getData().size() + " routes, 304 on ETag " + etag);
    }

    /** Every field of the route filled with its documented example (a real shop asks its customer). */
    static List<FieldValue> examples(List<FieldDefinition> fields) {
        return fields.stream().map(f -> new FieldValue().key(f.getKey()).value(f.getExample())).toList();
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
