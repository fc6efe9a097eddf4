package dev.exchanger.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.ratelimit.HttpClientAt.Answer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The rate limits on the real server over HTTP, with small limits: each test speaks from
 * addresses of its own (forwarded by loopback, as a proxy would), so that the tests do not
 * share buckets. The periods are long enough that no token comes back while a test runs,
 * except where a test waits for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "exchanger.admin.api-key=" + RateLimitTest.OPERATOR_KEY,
        "server.forward-headers-strategy=native",
        "exchanger.ipn.allow-private-targets=true",
        "exchanger.rate-limit.create-per-address=5/1m",
        "exchanger.rate-limit.create-per-partner=8/1m",
        "exchanger.rate-limit.lookup-per-address=30/5m",
        "exchanger.rate-limit.failures-per-address=5/30s",
        "exchanger.rate-limit.test-ipn-per-partner=3/1m"})
class RateLimitTest {

    static final String OPERATOR_KEY = "rate-limit-operator-key";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpClientAt client;

    @BeforeEach
    void client() {
        client = new HttpClientAt(port);
    }

    /** A client address no other test uses (TEST-NET-3). */
    private static String newAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }

    private long orders() {
        Long n = jdbc.queryForObject("select count(*) from exchange_order", Long.class);
        return n == null ? 0 : n;
    }

    /** An order created from an address of its own: its {@code data}. */
    private JsonNode newOrder() throws Exception {
        Answer created = client.create(newAddress(), null);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("data");
    }

    /** A 429 in the envelope with a Retry-After of at most {@code maxSeconds}, naming the limit; answers the wait. */
    private static long assertRateLimited(Answer answer, String message, long maxSeconds) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        JsonNode body = answer.json();
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").path("errorType").asString()).isEqualTo("RateLimitError");
        assertThat(body.path("error").path("errorCode").asInt()).isEqualTo(4029);
        assertThat(body.path("error").path("message").asString()).startsWith(message).contains("retry after");
        assertThat(body.path("requestId").asString()).isNotEmpty();
        long seconds = Long.parseLong(answer.header("Retry-After"));
        assertThat(seconds).isBetween(1L, maxSeconds);
        answer.keepsTheSpec();
        return seconds;
    }

    @Test
    void createsPastTheAddressLimitAreRefusedWithRetryAfterAndStoreNothing() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            Answer created = client.create(address, null);
            assertThat(created.status()).as(created.body()).isEqualTo(200);
        }
        long before = orders();

        for (int i = 0; i < 3; i++) {
            assertRateLimited(client.create(address, null), "Too many orders created from this address", 12);
        }

        assertThat(orders()).isEqualTo(before);
        assertThat(client.create(newAddress(), null).status()).as("another address has its own bucket").isEqualTo(200);
    }

    @Test
    void aPartnerKeyHasItsOwnBucket() throws Exception {
        String address = newAddress();
        String shop = client.newPartnerKey(newAddress(), OPERATOR_KEY);
        String otherShop = client.newPartnerKey(newAddress(), OPERATOR_KEY);
        for (int i = 0; i < 5; i++) {
            assertThat(client.create(address, null).status()).isEqualTo(200);
        }
        assertRateLimited(client.create(address, null), "Too many orders created from this address", 12);

        // the same address with a partner's key: the partner's bucket, not the address's
        for (int i = 0; i < 8; i++) {
            Answer created = client.create(address, shop);
            assertThat(created.status()).as(created.body()).isEqualTo(200);
        }
        long before = orders();
        assertRateLimited(client.create(address, shop), "Too many orders created with this partner's keys", 8);
        assertRateLimited(client.create(newAddress(), shop), "Too many orders created with this partner's keys", 8);
        assertThat(orders()).isEqualTo(before);

        assertThat(client.create(address, otherShop).status()).as("another partner has its own bucket").isEqualTo(200);
    }

    @Test
    void wrongSecretsBrakeEveryLookupOfTheAddressUntilTheWaitIsOver() throws Exception {
        JsonNode order = newOrder();
        long uid = order.path("uid").asLong();
        String secret = order.path("secret").asString();
        String guesser = newAddress();

        for (int i = 0; i < 5; i++) {
            assertThat(client.getOrder(guesser, uid, "WrongSecretWrongSecret0" + i).status()).isEqualTo(404);
        }
        String failed = "Too many failed attempts from this address";
        assertRateLimited(client.getOrder(guesser, uid, "WrongSecretWrongSecret09"), failed, 6);
        // now even the right secret, on every lookup
        assertRateLimited(client.getOrder(guesser, uid, secret), failed, 6);
        assertRateLimited(client.updateStatus(guesser, uid, secret, "inProgress"), failed, 6);
        Answer page = client.page(guesser, "ru", uid, secret);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).isNotNull();
        assertThat(page.body()).contains("Слишком много запросов");
        long wait = Long.parseLong(page.header("Retry-After"));
        assertThat(wait).isBetween(1L, 6L);
        assertThat(client.getOrder(newAddress(), uid, secret).status()).as("another address is not braked").isEqualTo(200);

        Thread.sleep(wait * 1000 + 200);

        assertThat(client.getOrder(guesser, uid, secret).status()).isEqualTo(200);
        assertThat(client.page(guesser, "en", uid, secret).status()).isEqualTo(200);
    }

    @Test
    void lookupsPastTheAddressLimitAreRefused() throws Exception {
        JsonNode order = newOrder();
        long uid = order.path("uid").asLong();
        String secret = order.path("secret").asString();
        String address = newAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(client.getOrder(address, uid, secret).status()).isEqualTo(200);
        }

        assertRateLimited(client.getOrder(address, uid, secret), "Too many order lookups from this address", 10);
        Answer page = client.page(address, "en", uid, secret);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("Too many requests");
        assertThat(page.header("Retry-After")).isNotNull();
    }

    @Test
    void wrongApiKeysBrakeEveryKeyedRequestOfTheAddress() throws Exception {
        String shop = client.newPartnerKey(newAddress(), OPERATOR_KEY);
        String guesser = newAddress();
        for (int i = 0; i < 5; i++) {
            Answer refused = client.send(guesser, "GET", "/user/exchanger/order/history", null, null, "wrong-key-" + i);
            assertThat(refused.status()).isEqualTo(401);
        }

        String failed = "Too many failed attempts from this address";
        assertRateLimited(client.create(guesser, shop), failed, 6);
        assertThat(client.send(guesser, "GET", "/user/exchanger/order/history", null, null, shop).status()).isEqualTo(429);
        assertThat(client.send(guesser, "GET", "/admin/orders", null, null, OPERATOR_KEY).status()).isEqualTo(429);
        assertThat(client.create(guesser, null).status()).as("a create without a key guesses nothing").isEqualTo(200);
        assertThat(client.create(newAddress(), shop).status()).as("the key from another address").isEqualTo(200);
    }

    @Test
    void testIpnsAreLimitedPerPartner() throws Exception {
        String shop = client.newPartnerKey(newAddress(), OPERATOR_KEY);
        String otherShop = client.newPartnerKey(newAddress(), OPERATOR_KEY);
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            Answer sent = client.testIpn(address, shop).keepsTheSpec();
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            assertThat(sent.json().path("data").path("delivered").asBoolean()).isFalse();
        }

        assertRateLimited(client.testIpn(address, shop), "Too many test IPNs for this partner", 20);
        assertRateLimited(client.testIpn(newAddress(), shop), "Too many test IPNs for this partner", 20);
        assertThat(client.testIpn(address, otherShop).status()).isEqualTo(200);
    }
}
