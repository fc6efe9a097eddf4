package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.exchanger.server.crypto.CryptoProperties;
import dev.exchanger.server.crypto.SealedColumn;
import dev.exchanger.server.crypto.SecretBox;
import dev.exchanger.server.ipn.IpnReceiver.Received;
import dev.exchanger.server.ipn.ServerProcess.CreatedOrder;
import dev.exchanger.server.support.Hashes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Secrets at rest across real server processes on one PostgreSQL, configured through the
 * environment as an operator does it: an upgrade of a database whose secrets are in clear, then
 * a key rotation.
 *
 * <ol>
 * <li>The database is at V9 with an order stored the old way (plain secret and ipnSecret, a
 *     pending IPN whose body has its hash, a stored {@code Idempotency-Key} answer). A server with
 *     key k1 migrates it: the secret becomes its hash and still opens the order, the ipnSecret
 *     and the answer are encrypted with k1, and the pending IPN goes out byte for byte as before.</li>
 * <li>k2 is added and made current: values of k1 and of k2 both decrypt (IPNs signed right, the
 *     idempotent replay gives the same secret), and nothing is re-encrypted before its time.</li>
 * <li>With re-encryption due, every value moves to k2 and the log says k1 may go.</li>
 * <li>A server with k2 only starts, and the old order's IPN is still signed right.</li>
 * <li>A key of the wrong length stops the start with a message naming the setting, not the key.</li>
 * </ol>
 */
class SecretsAtRestUpgradeAndRotationIT {

    private static final String K1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String K2 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    private static final String LEGACY_ID = "c0ffee000000000000000001";
    private static final long LEGACY_UID = 900_001;
    private static final String LEGACY_SECRET = "LegacySecret0123456789ab";
    private static final String LEGACY_IPN_SECRET = "LEGACY-IPN-SECRET";
    private static final String LEGACY_ANSWER = "{\"success\":true,\"data\":{\"secret\":\"" + LEGACY_SECRET + "\"},\"requestId\":\"r1\"}";
    private static final String WALLET_KEY = "5d8e5f4ab80b7b4cd75a6414";

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void plainSecretsAreMigratedAndAKeyRotationKeepsEveryValueReadable() throws Exception {
        try (EmbeddedPostgres postgres = ServerProcess.postgres();
             IpnReceiver receiver = new IpnReceiver()) {
            receiver.acceptAll();
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
            String legacyIpn = storeTheOldWay(jdbcUrl, db, receiver.url("/legacy"));
            List<ServerProcess> servers = new ArrayList<>();
            boolean passed = false;
            try {
                // 1. the upgrade, with k1
                ServerProcess k1 = ServerProcess.launch("secrets-k1", jdbcUrl, Map.of("EXCHANGER_CRYPTO_KEYS", "k1:" + K1));
                servers.add(k1);
                Received legacySent = await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("msg_legacy"), r -> !r.isEmpty()).get(0);
                assertThat(legacySent.body()).isEqualTo(legacyIpn);
                assertThat(db.queryForObject("select body from ipn_delivery where webhook_id = 'msg_legacy'", String.class)).doesNotContain("hash=");
                assertThat(db.queryForObject("select secret_hash from exchange_order where id = ?", String.class, LEGACY_ID))
                        .isEqualTo(Hashes.sha256Hex(LEGACY_SECRET));
                JsonNode legacy = k1.call("GET", "/public/exchanger/order/get?orderUID=" + LEGACY_UID + "&orderSecret=" + LEGACY_SECRET, null);
                assertThat(legacy.path("secret").asString()).isEqualTo(LEGACY_SECRET);
                assertThat(legacy.path("paymentUrl").asString()).endsWith("/en/payment/" + LEGACY_UID + "/" + LEGACY_SECRET);
                assertThat(ipnSecretOf(db, LEGACY_ID)).startsWith("v1:k1:");
                String legacyAnswer = db.queryForObject("select response_body from idempotency_key where idem_key = 'legacy-key'", String.class);
                assertThat(box("k1:" + K1).open(legacyAnswer, SealedColumn.IDEMPOTENT_ANSWER.context("", "legacy-key"))).isEqualTo(LEGACY_ANSWER);
                CreatedOrder a = k1.createOrder(receiver.url("/a"), "SECRET-A", "rotation-a");
                k1.close();

                // 2. k2 added and current: both keys' values decrypt
                Map<String, String> rotating = Map.of("EXCHANGER_CRYPTO_KEYS", "k1:" + K1 + ",k2:" + K2, "EXCHANGER_CRYPTO_CURRENT_KEY", "k2");
                ServerProcess both = ServerProcess.launch("secrets-k1-k2", jdbcUrl, rotating);
                servers.add(both);
                CreatedOrder b = both.createOrder(receiver.url("/b"), "SECRET-B");
                assertThat(ipnSecretOf(db, a.id())).startsWith("v1:k1:");
                assertThat(ipnSecretOf(db, b.id())).startsWith("v1:k2:");
                both.changeStatus(a, "inProgress");
                both.changeStatus(b, "inProgress");
                assertSignedWith(awaitIpn(receiver, "/a", 1), "SECRET-A");
                assertSignedWith(awaitIpn(receiver, "/b", 1), "SECRET-B");
                assertThat(both.createOrder(receiver.url("/a"), "SECRET-A", "rotation-a")).isEqualTo(withVia(a, both));
                assertThat(ipnSecretOf(db, a.id())).as("re-encrypted before its time").startsWith("v1:k1:");
                both.close();

                // 3. re-encryption moves every value to k2
                Map<String, String> reencrypting = new java.util.HashMap<>(rotating);
                reencrypting.put("EXCHANGER_CRYPTO_REENCRYPT_INTERVAL", "1s");
                ServerProcess moving = ServerProcess.launch("secrets-reencrypt", jdbcUrl, reencrypting);
                servers.add(moving);
                await().atMost(Duration.ofSeconds(60)).until(() -> moving.logContains("the keys [k1] may now be removed"));
                assertThat(db.queryForObject("""
                        select count(*) from (select ipn_secret v from exchange_order where ipn_secret is not null
                                              union all select response_body from idempotency_key where response_body <> '') s
                         where v not like 'v1:k2:%'""", Long.class)).isZero();
                assertThat(db.queryForObject("select count(*) from exchange_order where ipn_secret is not null", Long.class)).isEqualTo(3);
                moving.close();

                // 4. k1 removed: the old order's IPN is still signed right, the replay still answers
                ServerProcess k2 = ServerProcess.launch("secrets-k2", jdbcUrl, Map.of("EXCHANGER_CRYPTO_KEYS", "k2:" + K2));
                servers.add(k2);
                k2.changeStatus(new CreatedOrder(LEGACY_ID, LEGACY_UID, LEGACY_SECRET, k2.name), "inProgress");
                assertSignedWith(awaitIpn(receiver, "/legacy", 2).get(1), LEGACY_IPN_SECRET);
                assertThat(k2.createOrder(receiver.url("/a"), "SECRET-A", "rotation-a")).isEqualTo(withVia(a, k2));
                assertThat(k2.logContains("cannot be decrypted")).isFalse();
                k2.close();

                // 5. a key that is not 32 bytes stops the start
                String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
                ServerProcess refused = ServerProcess.start("secrets-short-key", jdbcUrl, Map.of("EXCHANGER_CRYPTO_KEYS", "k2:" + shortKey));
                servers.add(refused);
                assertThatThrownBy(refused::awaitReady).hasMessageContaining("exited");
                assertThat(refused.logContains("exchanger.crypto.keys: the key 'k2' must be 32 bytes of base64")).isTrue();
                assertThat(refused.logContains(shortKey)).isFalse();
                passed = true;
            } finally {
                ServerProcess.closeAll(servers, !passed);
            }
        }
    }

    /**
     * The schema up to V9 (before secrets at rest; with the demo routes, which every database then
     * got), with one order as the server stored it then:
     * plain secret and ipnSecret, a pending IPN whose body ends in its hash, a stored answer. The
     * IPN's body as it was to be sent.
     */
    private static String storeTheOldWay(String jdbcUrl, JdbcTemplate db, String ipnUrl) {
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").locations("classpath:db/migration", "classpath:db/demo").target("9").load().migrate();
        db.update("""
                insert into exchange_order (id, uid, secret, route_id, status, in_amount, out_amount, rate, lang, email, agreement,
                                            hide_out_data, ipn_url, ipn_secret, created_at, updated_at, expires_at, version)
                values (?, ?, ?, '5d8e5f4ab80b7b4cd75a6402', 'waitPayment', 2, 317.42, 158.71, 'en', 'client@example.com', false,
                        false, ?, ?, now(), now(), now() + interval '1 day', 1)""", LEGACY_ID, LEGACY_UID, LEGACY_SECRET, ipnUrl, LEGACY_IPN_SECRET);
        db.update("""
                insert into order_field_value (order_id, position, kind, field_key, name, value)
                values (?, 0, 'toValues', ?, 'wallet', 'Z123456789012'),
                       (?, 1, 'routeValues', '5d8e5f4ab80b7b4cd75a6415', 'email', 'client@example.com')""", LEGACY_ID, WALLET_KEY, LEGACY_ID);
        db.update("""
                insert into order_status_change (order_id, from_status, to_status, changed_at, actor)
                values (?, null, 'new', now(), 'client'), (?, 'new', 'waitPayment', now(), 'client')""", LEGACY_ID, LEGACY_ID);
        String hash = Hashes.sha256Hex(LEGACY_ID + ":waitPayment:2:317.42:ETH:WMZ:1700000000000:" + LEGACY_IPN_SECRET);
        String body = "orderUID=" + LEGACY_UID + "&orderId=" + LEGACY_ID + "&newStatus=waitPayment&inAmount=2&outAmount=317.42"
                + "&xml_from=ETH&xml_to=WMZ&timestamp=1700000000000&toValues%5B0%5D%5Bkey%5D=" + WALLET_KEY
                + "&toValues%5B0%5D%5Bname%5D=wallet&toValues%5B0%5D%5Bvalue%5D=Z123456789012&hash=" + hash;
        db.update("""
                insert into ipn_delivery (webhook_id, order_id, new_status, url, body, state, attempts, max_attempts, next_attempt_at, created_at)
                values ('msg_legacy', ?, 'waitPayment', ?, ?, 'pending', 0, 7, now(), now())""", LEGACY_ID, ipnUrl, body);
        db.update("""
                insert into idempotency_key (scope, idem_key, request_hash, response_body, created_at)
                values ('', 'legacy-key', ?, ?, now())""", Hashes.sha256Hex("a request"), LEGACY_ANSWER);
        return body;
    }

    private static SecretBox box(String keys) {
        return new SecretBox(new CryptoProperties(keys, "", Path.of("unused")));
    }

    private static String ipnSecretOf(JdbcTemplate db, String orderId) {
        return db.queryForObject("select ipn_secret from exchange_order where id = ?", String.class, orderId);
    }

    private static CreatedOrder withVia(CreatedOrder order, ServerProcess server) {
        return new CreatedOrder(order.id(), order.uid(), order.secret(), server.name);
    }

    private static List<Received> awaitIpn(IpnReceiver receiver, String path, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> receiver.received().stream().filter(r -> r.path().equals(path)).toList(), r -> r.size() >= count);
    }

    private static void assertSignedWith(List<Received> received, String ipnSecret) {
        assertSignedWith(received.get(received.size() - 1), ipnSecret);
    }

    private static void assertSignedWith(Received ipn, String ipnSecret) {
        Map<String, String> form = ipn.form();
        assertThat(form.get("hash")).isEqualTo(IpnForm.hash(form.get("orderId"), form.get("newStatus"), form.get("inAmount"),
                form.get("outAmount"), form.get("xml_from"), form.get("xml_to"), form.get("timestamp"), ipnSecret));
    }
}
