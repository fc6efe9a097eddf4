package dev.exchanger.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code exchanger.rate-limit.enabled=false}: the same small limits as RateLimitTest, and nothing is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "exchanger.rate-limit.enabled=false",
        "exchanger.rate-limit.create-per-address=5/1m",
        "exchanger.rate-limit.lookup-per-address=30/5m",
        "exchanger.rate-limit.failures-per-address=5/30s"})
class RateLimitOffTest {

    @LocalServerPort
    int port;

    @Test
    void nothingIsLimited() throws Exception {
        HttpClientAt client = new HttpClientAt(port);
        JsonNode order = null;
        for (int i = 0; i < 8; i++) {
            HttpClientAt.Answer created = client.create(null, null);
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            order = created.json().path("data");
        }
        long uid = order.path("uid").asLong();
        for (int i = 0; i < 8; i++) {
            assertThat(client.getOrder(null, uid, "WrongSecretWrongSecret0" + i).status()).isEqualTo(404);
        }
        for (int i = 0; i < 8; i++) {
            assertThat(client.send(null, "GET", "/user/exchanger/order/history", null, null, "wrong-key").status()).isEqualTo(401);
        }

        assertThat(client.getOrder(null, uid, order.path("secret").asString()).status()).isEqualTo(200);
        assertThat(client.page(null, "en", uid, order.path("secret").asString()).status()).isEqualTo(200);
    }
}
