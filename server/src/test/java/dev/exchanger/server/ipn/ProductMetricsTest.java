package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The product's metrics as Prometheus scrapes them, over real HTTP: {@code /actuator/prometheus}
 * is the operator's (no key 401, a partner's key 403), and after orders are created and refused,
 * moved by the client and the operator, and their IPNs delivered, it shows each of them, with
 * the IPN backlog gauges. The context is shared with other tests, so counts are compared before
 * and after.
 */
class ProductMetricsTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final IpnReceiver receiver = new IpnReceiver();

    @Autowired
    IpnBacklog backlog;

    private HttpResponse<String> scrape(String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10));
        if (header != null) {
            request.header(header, value);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every sample of the operator's scrape, by its name and labels as written ({@code name{a="b"}}). */
    private Map<String, Double> samples() throws Exception {
        HttpResponse<String> scrape = scrape("Authorization", "Bearer " + OPERATOR_KEY);
        assertThat(scrape.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : scrape.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    @Test
    void theMetricsAreNotPublic() throws Exception {
        assertThat(scrape(null, null).statusCode()).isEqualTo(401);
        assertThat(scrape("X-Api-Key", "wrong-key").statusCode()).isEqualTo(401);
        assertThat(scrape("Authorization", "Bearer wrong-key").statusCode()).isEqualTo(401);
        PartnerKey partner = newPartner("Curious shop");
        assertThat(scrape("X-Api-Key", partner.key()).statusCode()).isEqualTo(403);
        HttpResponse<String> operator = scrape("X-Api-Key", OPERATOR_KEY);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("# TYPE exchanger_ipn_due gauge");
    }

    @Test
    void showsOrdersStatusChangesAndIpnsAfterTraffic() throws Exception {
        String created = "exchanger_orders_create_total{error=\"none\",outcome=\"created\",route=\"" + ETH_WMZ + "\"}";
        String refusedAmount = "exchanger_orders_create_total{error=\"1002\",outcome=\"refused\",route=\"" + ETH_WMZ + "\"}";
        String unknownRoute = "exchanger_orders_create_total{error=\"2002\",outcome=\"refused\",route=\"unknown\"}";
        String byClient = "exchanger_orders_status_changes_total{by=\"client\",from=\"new\",to=\"inProgress\"}";
        String byOperator = "exchanger_orders_status_changes_total{by=\"operator\",from=\"inProgress\",to=\"done\"}";
        String delivered = "exchanger_ipn_deliveries_total{outcome=\"delivered\"}";
        String attempts = "exchanger_ipn_attempt_latency_seconds_count";
        Map<String, Double> before = samples();

        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", receiver.url("/metrics"));
        body.put("ipnSecret", "metrics-secret");
        JsonNode order = createdOrder(body);
        createdOrder();
        Map<String, Object> tooMuch = ethToWmz();
        tooMuch.put("amount", 5000);
        assertThat(answerChecked(createJson(tooMuch)).status()).isEqualTo(400);
        Map<String, Object> nowhere = ethToWmz();
        nowhere.put("routeId", "0123456789abcdef01234567");
        assertThat(answerChecked(createJson(nowhere)).status()).isEqualTo(404);
        long uid = order.path("uid").asLong();
        assertThat(strict(updateStatus(uid, order.path("secret").asString(), "inProgress")).status()).isEqualTo(200);
        assertThat(strict(post("/admin/orders/{uid}/status", uid).header("X-Api-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("status", "done")))).status()).isEqualTo(200);

        // inProgress and done: two IPNs, delivered in order
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(samples().get(delivered) - before.getOrDefault(delivered, 0.0)).isGreaterThanOrEqualTo(2));
        Map<String, Double> after = samples();
        assertThat(after.get(created) - before.getOrDefault(created, 0.0)).isGreaterThanOrEqualTo(2);
        assertThat(after.get(refusedAmount) - before.getOrDefault(refusedAmount, 0.0)).isGreaterThanOrEqualTo(1);
        assertThat(after.get(unknownRoute) - before.getOrDefault(unknownRoute, 0.0)).isGreaterThanOrEqualTo(1);
        assertThat(after.get(byClient) - before.getOrDefault(byClient, 0.0)).isGreaterThanOrEqualTo(1);
        assertThat(after.get(byOperator) - before.getOrDefault(byOperator, 0.0)).isGreaterThanOrEqualTo(1);
        assertThat(after.get(attempts) - before.getOrDefault(attempts, 0.0)).isGreaterThanOrEqualTo(2);
        assertThat(after).containsKey("exchanger_ipn_attempt_latency_seconds_bucket{le=\"1.0\"}");
    }

    @Test
    void theBacklogGaugesCountDueIpnsAndTheOldestWait() throws Exception {
        JsonNode order = createdOrder();
        // a due IPN that no dispatcher takes meanwhile: claimed by nobody real for an hour
        long id = jdbc.queryForObject("""
                insert into ipn_delivery (webhook_id, order_id, new_status, url, body, state, attempts, max_attempts,
                                          next_attempt_at, claimed_by, claimed_until, created_at)
                values (?, ?, 'new', 'http://127.0.0.1:9/late', 'status=new', 'pending', 0, 4,
                        now() - interval '10 minutes', 'metrics-test', now() + interval '1 hour', now() - interval '10 minutes')
                returning id
                """, Long.class, "msg_metrics_" + System.nanoTime(), order.path("_id").asString());
        try {
            backlog.refresh();
            Map<String, Double> samples = samples();
            assertThat(samples.get("exchanger_ipn_due")).isGreaterThanOrEqualTo(1);
            assertThat(samples.get("exchanger_ipn_pending")).isGreaterThanOrEqualTo(1);
            assertThat(samples.get("exchanger_ipn_due_oldest_seconds")).isGreaterThanOrEqualTo(600);
        } finally {
            jdbc.update("delete from ipn_delivery where id = ?", id);
        }
    }
}
