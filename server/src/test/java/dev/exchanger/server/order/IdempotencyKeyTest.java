package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.api.model.CreateOrderRequestDto;
import dev.exchanger.server.api.model.FieldValueDto;
import dev.exchanger.server.api.model.OrderDto;
import dev.exchanger.server.api.model.OrderResponseDto;
import dev.exchanger.server.crypto.SealedColumn;
import dev.exchanger.server.crypto.SecretBox;
import dev.exchanger.server.testing.ApiTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code Idempotency-Key} on {@code order/create}: the same key and body answer the first answer
 * again and create nothing, the same key with another body is a 409, a failed request stores
 * nothing, and keys are forgotten after 24 hours. Each test uses keys of its own and marks its
 * orders with an e-mail of its own, so that it counts only its own orders.
 */
class IdempotencyKeyTest extends ApiTest {

    static final String KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    @Autowired
    IdempotentOrders idempotentOrders;

    @Autowired
    OrderService orders;

    @Autowired
    IdempotencyKeyPurge purge;

    @Autowired
    SecretBox box;

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAgainAndCreateOneOrder() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> body = marked();
        StoredRows before = storedRows();

        Reply first = strict(createJson(body).header(KEY, key));
        Reply second = strict(createJson(body).header(KEY, key).header("X-Request-Id", "retry-of-the-first"));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        // the first answer's data, every byte of it; the requestId is this request's, as in X-Request-Id
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(second.data().path("secret").asString()).matches(BASE62_24);
        assertThat(second.body().path("requestId").asString()).isEqualTo("retry-of-the-first").isEqualTo(second.header("X-Request-Id"));
        assertThat(ordersMarked(body)).isEqualTo(1);
        StoredRows after = storedRows();
        assertThat(after.orders()).isEqualTo(before.orders() + 1);
        assertThat(after.statusChanges()).isEqualTo(before.statusChanges() + 1);
    }

    @Test
    void theBracketFormOfTheSameOrderIsTheSameBody() throws Exception {
        String key = newIdempotencyKey();
        String email = newEmail();
        Map<String, Object> json = ethToWmz();
        json.put("email", email);
        json.put("agreement", true);
        json.put("fromValues", List.of());
        String form = "lang=en&agreement=true&amount=2.0&routeId=" + ETH_WMZ
                + "&routeValues[0][value]=client%40example.com&routeValues[0][key]=" + ETH_WMZ_EMAIL
                + "&email=" + email.replace("@", "%40")
                + "&toValues%5B0%5D%5Bkey%5D=" + ETH_WMZ_WALLET + "&toValues%5B0%5D%5Bvalue%5D=Z123456789012";

        Reply first = strict(createJson(json).header(KEY, key));
        Reply again = answerChecked(createForm(form).header(KEY, key));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.data()).isEqualTo(first.data());
        assertThat(ordersMarked(json)).isEqualTo(1);
    }

    @Test
    void whitespaceAndPropertyOrderDoNotMakeAnotherBody() throws Exception {
        String key = newIdempotencyKey();
        String email = newEmail();
        String compact = "{\"routeId\":\"" + ETH_WMZ + "\",\"amount\":2,\"email\":\"" + email + "\","
                + "\"toValues\":[{\"key\":\"" + ETH_WMZ_WALLET + "\",\"value\":\"Z123456789012\"}],"
                + "\"routeValues\":[{\"key\":\"" + ETH_WMZ_EMAIL + "\",\"value\":\"client@example.com\"}]}";
        String reordered = "{\n  \"routeValues\" : [ { \"value\" : \"client@example.com\", \"key\" : \"" + ETH_WMZ_EMAIL + "\" } ],\n"
                + "  \"toValues\" : [ { \"value\" : \"Z123456789012\", \"key\" : \"" + ETH_WMZ_WALLET + "\" } ],\n"
                + "  \"email\" : \"" + email + "\", \"partner\" : null, \"amount\" : 2.00, \"routeId\" : \"" + ETH_WMZ + "\"\n}";

        Reply first = strict(createJson(compact).header(KEY, key));
        Reply again = strict(createJson(reordered).header(KEY, key));

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.data()).isEqualTo(first.data());
        assertThat(count("select count(*) from exchange_order where email = ?", email)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndCreatesNothing() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> body = marked();
        Reply first = strict(createJson(body).header(KEY, key));
        Map<String, Object> other = marked();
        other.put("amount", 3);
        StoredRows before = storedRows();

        Reply conflict = strict(createJson(other).header(KEY, key));

        assertThat(first.status()).isEqualTo(200);
        assertThat(conflict.status()).as(conflict.text()).isEqualTo(409);
        assertThat(conflict.header(REPLAYED)).isNull();
        JsonNode envelope = conflict.body();
        assertThat(envelope.path("success").asBoolean()).isFalse();
        assertThat(envelope.path("requestId").asString()).isEqualTo(conflict.header("X-Request-Id"));
        assertThat(envelope.path("error").path("errorType").asString()).isEqualTo("ConflictError");
        assertThat(envelope.path("error").path("errorCode").asInt()).isEqualTo(3002);
        assertThat(envelope.path("error").path("message").asString())
                .isEqualTo("This Idempotency-Key was already used with another request body");
        assertThat(envelope.path("error").path("object").path("nameField").asString()).isEqualTo(KEY);
        assertThat(envelope.path("error").path("object").path("err").asString()).isEqualTo("duplicate");
        assertThat(envelope.path("error").path("object").path("type").asString()).isEqualTo(KEY);
        // neither the stored order nor its secret leaks into the refusal
        assertThat(conflict.text()).doesNotContain(first.data().path("secret").asString());
        assertThat(storedRows()).isEqualTo(before);
        assertThat(ordersMarked(other)).isZero();
        // and the key still answers its first body
        Reply replay = strict(createJson(body).header(KEY, key));
        assertThat(replay.header(REPLAYED)).isEqualTo("true");
        assertThat(replay.data()).isEqualTo(first.data());
    }

    @Test
    void aFailedRequestStoresNothingSoTheKeyCreatesWithTheCorrectedBody() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> wrong = marked();
        wrong.put("toValues", List.of(field(ETH_WMZ_WALLET, "Z12")));
        Map<String, Object> unknownRoute = marked();
        unknownRoute.put("routeId", "5d8e5f4ab80b7b4cd75a64ff");
        StoredRows before = storedRows();

        Reply invalid = strict(createJson(wrong).header(KEY, key));
        Reply notFound = strict(createJson(unknownRoute).header(KEY, key));

        assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
        assertThat(notFound.status()).as(notFound.text()).isEqualTo(404);
        assertThat(storedRows()).isEqualTo(before);
        assertThat(count("select count(*) from idempotency_key where idem_key = ?", key)).isZero();

        Map<String, Object> corrected = marked();
        Reply created = strict(createJson(corrected).header(KEY, key));

        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.header(REPLAYED)).isNull();
        assertThat(created.data().path("status").asString()).isEqualTo("new");
        assertThat(ordersMarked(corrected)).isEqualTo(1);
    }

    @Test
    void aKeyOlderThan24HoursIsForgotten() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> body = marked();
        Reply first = strict(createJson(body).header(KEY, key));
        jdbc.update("update idempotency_key set created_at = now() - interval '24 hours 1 second' where idem_key = ?", key);

        Reply second = strict(createJson(body).header(KEY, key));

        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.header(REPLAYED)).isNull();
        assertThat(second.data().path("uid").asLong()).isNotEqualTo(first.data().path("uid").asLong());
        assertThat(ordersMarked(body)).isEqualTo(2);
        // from now on the key answers the second order
        Reply third = strict(createJson(body).header(KEY, key));
        assertThat(third.header(REPLAYED)).isEqualTo("true");
        assertThat(third.data().path("uid").asLong()).isEqualTo(second.data().path("uid").asLong());
    }

    @Test
    void aKeyYoungerThan24HoursIsRemembered() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> body = marked();
        strict(createJson(body).header(KEY, key));
        jdbc.update("update idempotency_key set created_at = now() - interval '23 hours 59 minutes' where idem_key = ?", key);

        Reply again = strict(createJson(body).header(KEY, key));

        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(ordersMarked(body)).isEqualTo(1);
    }

    @Test
    void differentKeysCreateDifferentOrders() throws Exception {
        Map<String, Object> body = marked();

        Reply one = strict(createJson(body).header(KEY, newIdempotencyKey()));
        Reply two = strict(createJson(body).header(KEY, newIdempotencyKey()));

        assertThat(one.header(REPLAYED)).isNull();
        assertThat(two.header(REPLAYED)).isNull();
        assertThat(two.data().path("uid").asLong()).isNotEqualTo(one.data().path("uid").asLong());
        assertThat(ordersMarked(body)).isEqualTo(2);
    }

    @Test
    void withoutAKeyEveryRequestCreatesAnOrderAndNoKeyIsStored() throws Exception {
        Map<String, Object> body = marked();
        long keys = count("select count(*) from idempotency_key");

        Reply one = strict(createJson(body));
        Reply two = strict(createJson(body));

        assertThat(one.header(REPLAYED)).isNull();
        assertThat(two.header(REPLAYED)).isNull();
        assertThat(ordersMarked(body)).isEqualTo(2);
        assertThat(count("select count(*) from idempotency_key")).isEqualTo(keys);
    }

    @Test
    void theStoredAnswerIsTheEnvelopeWithTheOrderEncryptedAndNeverTheIpnSecret() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> body = marked();
        body.put("ipnUrl", "https://shop.example.com/ipn/exchanger");
        body.put("ipnSecret", "IDEMPOTENT-IPN-SECRET");

        Reply first = strict(createJson(body).header(KEY, key));

        Map<String, Object> row = jdbc.queryForMap("select scope, request_hash, response_body from idempotency_key where idem_key = ?", key);
        assertThat(row).containsEntry("scope", "");
        assertThat((String) row.get("request_hash")).matches("^[0-9a-f]{64}$");
        String sealed = (String) row.get("response_body");
        assertThat(sealed).startsWith("v1:").doesNotContain(first.data().path("secret").asString()).doesNotContain("\"uid\"");
        JsonNode stored = JSON.readTree(box.open(sealed, SealedColumn.IDEMPOTENT_ANSWER.context("", key)));
        assertThat(stored.path("data")).isEqualTo(first.data());
        assertThat(stored.path("requestId").asString()).isEqualTo(first.body().path("requestId").asString());
        assertThat(stored.toString()).doesNotContain("IDEMPOTENT-IPN-SECRET");
    }

    @Test
    void theReplayedSecretAndPaymentUrlOpenTheOrder() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> body = marked();
        Reply first = strict(createJson(body).header(KEY, key));

        Reply replay = strict(createJson(body).header(KEY, key));

        assertThat(replay.header(REPLAYED)).isEqualTo("true");
        String secret = replay.data().path("secret").asString();
        assertThat(secret).isEqualTo(first.data().path("secret").asString());
        long uid = replay.data().path("uid").asLong();
        Reply read = strict(getOrder(uid, secret));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().path("_id").asString()).isEqualTo(first.data().path("_id").asString());
        assertThat(replay.data().path("paymentUrl").asString()).endsWith("/en/payment/" + uid + "/" + secret);
    }

    @Test
    void keysOfDifferentScopesAreDifferentKeys() {
        String key = newIdempotencyKey();
        CreateOrderRequestDto request = new CreateOrderRequestDto()
                .routeId(ETH_WMZ)
                .amount(new BigDecimal("1"))
                .email(newEmail())
                .toValues(List.of(new FieldValueDto().key(ETH_WMZ_WALLET).value("Z123456789012")))
                .routeValues(List.of(new FieldValueDto().key(ETH_WMZ_EMAIL).value("client@example.com")));

        IdempotentOrders.Answer<OrderResponseDto> anonymous = created("", key, request);
        IdempotentOrders.Answer<OrderResponseDto> partner = created("5d8e5f4ab80b7b4cd75a6501", key, request);
        IdempotentOrders.Answer<OrderResponseDto> partnerAgain = created("5d8e5f4ab80b7b4cd75a6501", key, request);

        assertThat(anonymous.replayed()).isFalse();
        assertThat(partner.replayed()).isFalse();
        assertThat(partner.body().getData().getUid()).isNotEqualTo(anonymous.body().getData().getUid());
        assertThat(partnerAgain.replayed()).isTrue();
        assertThat(partnerAgain.body().getData().getUid()).isEqualTo(partner.body().getData().getUid());
        assertThat(count("select count(*) from exchange_order where email = ?", request.getEmail())).isEqualTo(2);
    }

    @Test
    void eachPartnersKeysAreItsOwnOverHttp() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> body = marked();
        PartnerKey one = newPartner("Idempotent one");
        PartnerKey other = newPartner("Idempotent other");

        Reply first = strict(one.on(createJson(body)).header(KEY, key));
        Reply again = strict(newKey(one.partnerId()).on(createJson(body)).header(KEY, key));
        Reply others = strict(other.on(createJson(body)).header(KEY, key));
        Reply anonymous = strict(createJson(body).header(KEY, key));

        assertThat(again.header(REPLAYED)).as("another key of the same partner").isEqualTo("true");
        assertThat(again.data().path("uid")).isEqualTo(first.data().path("uid"));
        assertThat(others.header(REPLAYED)).isNull();
        assertThat(anonymous.header(REPLAYED)).isNull();
        assertThat(java.util.Set.of(first.data().path("uid").asLong(), others.data().path("uid").asLong(),
                anonymous.data().path("uid").asLong())).hasSize(3);
        assertThat(ordersMarked(body)).isEqualTo(3);
    }

    @Test
    void thePurgeDeletesOnlyExpiredKeys() throws Exception {
        String expired = newIdempotencyKey();
        String fresh = newIdempotencyKey();
        strict(createJson(marked()).header(KEY, expired));
        strict(createJson(marked()).header(KEY, fresh));
        jdbc.update("update idempotency_key set created_at = now() - interval '25 hours' where idem_key = ?", expired);

        purge.purgeExpired();

        assertThat(count("select count(*) from idempotency_key where idem_key = ?", expired)).isZero();
        assertThat(count("select count(*) from idempotency_key where idem_key = ?", fresh)).isEqualTo(1);
        assertThat(count("select count(*) from idempotency_key where created_at <= now() - interval '24 hours'")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "tab\tinside", "ключ"})
    void aKeyWithASpaceOrATabOrNonAsciiCharacterIsRefused(String key) throws Exception {
        assertRefusedKey(createJson(marked()).header(KEY, key));
    }

    /** The security firewall refuses other control characters in any header before the key is checked. */
    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "line\u007Fdelete"})
    void aKeyWithAControlCharacterIsRefusedAsAMalformedRequest(String key) throws Exception {
        StoredRows before = storedRows();

        Reply reply = answerChecked(createJson(marked()).header(KEY, key));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(1000);
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void aKeyLongerThan255CharactersIsRefused() throws Exception {
        Reply longest = strict(createJson(marked()).header(KEY, "k".repeat(255)));
        assertThat(longest.status()).as(longest.text()).isEqualTo(200);

        assertRefusedKey(createJson(marked()).header(KEY, "k".repeat(256)));
    }

    @Test
    void anEmptyKeyIsRefused() throws Exception {
        assertRefusedKey(createJson(marked()).header(KEY, ""));
    }

    private void assertRefusedKey(MockHttpServletRequestBuilder request) throws Exception {
        StoredRows before = storedRows();

        Reply reply = answerChecked(request);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        JsonNode error = reply.error();
        assertThat(error.path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(error.path("errorCode").asInt()).isEqualTo(1001);
        assertThat(error.path("message").asString()).isEqualTo("Param Idempotency-Key isn't valid");
        assertThat(error.path("object").path("nameField").asString()).isEqualTo(KEY);
        assertThat(error.path("object").path("type").asString()).isEqualTo(KEY);
        assertThat(storedRows()).isEqualTo(before);
    }

    // ---- helpers ----------------------------------------------------------------------------

    static String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    static String newEmail() {
        return "idem-" + UUID.randomUUID() + "@example.com";
    }

    /** The order of 2 ETH to WMZ, marked with an e-mail of its own. */
    static Map<String, Object> marked() {
        Map<String, Object> body = ethToWmz();
        body.put("email", newEmail());
        return body;
    }

    long ordersMarked(Map<String, Object> body) {
        return count("select count(*) from exchange_order where email = ?", body.get("email"));
    }

    /** order/create with a key in {@code scope}, as the controller makes it, with a small answer of its own. */
    private IdempotentOrders.Answer<OrderResponseDto> created(String scope, String key, CreateOrderRequestDto request) {
        return idempotentOrders.create(scope, key, request, OrderResponseDto.class,
                () -> answer(orders.create(OrderMapper.toNewOrder(request), OrderOwner.NONE)));
    }

    private static OrderResponseDto answer(ExchangeOrder order) {
        return new OrderResponseDto().success(true).requestId("service-level-test")
                .data(new OrderDto().uid(order.getUid()).secret(order.getSecret()));
    }
}
