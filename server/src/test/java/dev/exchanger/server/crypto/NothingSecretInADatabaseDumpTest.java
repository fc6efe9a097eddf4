package dev.exchanger.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.support.Hashes;
import dev.exchanger.server.support.Secrets;
import dev.exchanger.server.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A copy of the database tells nothing secret: after orders are created with an ipnSecret (as
 * JSON, as a bracket form, anonymously and with a partner key, each with an
 * {@code Idempotency-Key}, one replayed), moved so that their IPNs are written and attempted, and
 * a test IPN is sent, every column of every table of the schema (found through
 * {@code information_schema.columns}: text, bytea and the rest, each read as text) is searched
 * for every ipnSecret, order secret and API key, in clear, in hex and in base64 at every byte
 * alignment; and no IPN body holds a hash computed with an ipnSecret.
 */
class NothingSecretInADatabaseDumpTest extends ApiTest {

    /** Nothing listens there: every IPN attempt fails, and is recorded. */
    private static final String IPN_URL = "http://127.0.0.1:9/ipn";

    @Test
    void noSecretOrEncodingOfOneIsInAnyColumnOfAnyTable() throws Exception {
        String run = Secrets.next(8);
        PartnerKey shop = newPartner("Dump shop " + run);
        List<String> secrets = new ArrayList<>(List.of(shop.key()));
        List<String> orderIds = new ArrayList<>();

        Map<String, Object> anonymous = ethToWmz();
        anonymous.put("ipnUrl", IPN_URL);
        anonymous.put("ipnSecret", "dump-json-" + run);
        JsonNode first = created(createJson(anonymous).header("Idempotency-Key", "idem-" + run));
        Reply replay = strict(createJson(anonymous).header("Idempotency-Key", "idem-" + run));
        assertThat(replay.data().path("secret").asString()).isEqualTo(first.path("secret").asString());

        Map<String, Object> partners = ethToWmz();
        partners.put("ipnUrl", IPN_URL);
        partners.put("ipnSecret", "dump-partner-" + run);
        JsonNode second = created(shop.on(createJson(partners).header("Idempotency-Key", "idem-" + run)));

        String form = "routeId=" + ETH_WMZ + "&amount=2&toValues[0][key]=" + ETH_WMZ_WALLET + "&toValues[0][value]=Z123456789012"
                + "&routeValues[0][key]=" + ETH_WMZ_EMAIL + "&routeValues[0][value]=client%40example.com"
                + "&ipnUrl=" + URLEncoder.encode(IPN_URL, StandardCharsets.UTF_8) + "&ipnSecret=dump-form-" + run;
        JsonNode third = created(createForm(form).header("Idempotency-Key", "idem-form-" + run));

        for (JsonNode order : List.of(first, second, third)) {
            secrets.add(order.path("secret").asString());
            orderIds.add(order.path("_id").asString());
            assertThat(strict(updateStatus(order.path("uid").asLong(), order.path("secret").asString(), "inProgress")).status())
                    .isEqualTo(200);
        }
        secrets.addAll(List.of("dump-json-" + run, "dump-partner-" + run, "dump-form-" + run, "dump-test-ipn-" + run));
        assertThat(strict(shop.on(post("/user/exchanger/ipn/test")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("ipnUrl", IPN_URL, "ipnSecret", "dump-test-ipn-" + run)))).status()).isEqualTo(200);
        // every IPN attempted at least once, so that attempts and errors are in the dump too
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                select count(*) from ipn_delivery where order_id in (?, ?, ?) and attempts > 0""", orderIds.toArray()) == 3);

        String dump = dump();

        // the dump holds these orders: their ids and the hashes of their secrets
        for (int i = 0; i < orderIds.size(); i++) {
            assertThat(dump).contains(orderIds.get(i)).contains(Hashes.sha256Hex(secrets.get(i + 1)));
        }
        // nor anything computed from an ipnSecret: an IPN's hash is added only when it is sent
        assertThat(jdbc.queryForList("select body from ipn_delivery where order_id in (?, ?, ?)", String.class, orderIds.toArray()))
                .hasSize(3).noneMatch(body -> body.contains("hash="));
        for (String secret : secrets) {
            for (String encoded : encodings(secret)) {
                assertThat(dump.contains(encoded)).as("%s (a form of a secret) in the dump", encoded).isFalse();
            }
        }
    }

    private JsonNode created(MockHttpServletRequestBuilder request) throws Exception {
        Reply reply = answerChecked(request);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.data();
    }

    /** Every column of every table of the schema, each value as text, one per line. */
    private String dump() {
        StringBuilder dump = new StringBuilder();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select c.table_name, c.column_name from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                 order by c.table_name, c.ordinal_position""");
        assertThat(columns).extracting(c -> c.get("table_name") + "." + c.get("column_name"))
                .contains("exchange_order.secret_hash", "exchange_order.ipn_secret", "idempotency_key.response_body",
                        "ipn_delivery.body", "ipn_attempt.error", "partner_api_key.key_hash");
        for (Map<String, Object> column : columns) {
            String sql = "select \"" + column.get("column_name") + "\"::text from \"" + column.get("table_name") + "\" where \""
                    + column.get("column_name") + "\" is not null";
            jdbc.query(sql, rs -> {
                dump.append(rs.getString(1)).append('\n');
            });
        }
        return dump.toString();
    }

    /** The secret in clear, in hex, and the characters of its base64 (and base64url) that do not depend on what is around it. */
    static List<String> encodings(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex(bytes);
        List<String> forms = new ArrayList<>(List.of(secret, hex, hex.toUpperCase(Locale.ROOT)));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            int from = (shift * 8 + 5) / 6;
            int to = (shifted.length * 8) / 6;
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(shifted).substring(from, to));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(shifted).substring(from, to));
        }
        return forms;
    }
}
