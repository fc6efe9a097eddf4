package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.exchanger.server.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code order/get}: the order for its uid and secret, and nothing for anyone else. */
class GetOrderTest extends ApiTest {

    /** A secret in the right format that no order has (secrets are random; this one is not). */
    private static final String WRONG_SECRET = "000000000000000000000000";

    @Test
    void answersTheOrderForTheRightSecret() throws Exception {
        JsonNode created = createdOrder();

        Reply reply = strict(getOrder(created.path("uid").asLong(), created.path("secret").asString()));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().path("success").asBoolean()).isTrue();
        JsonNode order = reply.data();
        for (String same : new String[] {"_id", "uid", "secret", "status", "route", "inAmount", "outAmount", "rate",
                "fromValues", "toValues", "routeValues", "lang", "hideOutData", "createdAt", "paymentUrl", "orderUrl"}) {
            assertThat(order.path(same)).as(same).isEqualTo(created.path(same));
        }
        assertThat(order.has("payment")).isFalse();
    }

    @Test
    void typeOrderIsTheDefault() throws Exception {
        JsonNode created = createdOrder();

        Reply reply = strict(getOrder(created.path("uid").asLong(), created.path("secret").asString()).param("type", "order"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("_id").asString()).isEqualTo(created.path("_id").asString());
        assertThat(reply.data().has("payment")).isFalse();
    }

    @Test
    void typePaymentAddsThePaymentInstructions() throws Exception {
        JsonNode created = createdOrder();

        Reply reply = strict(getOrder(created.path("uid").asLong(), created.path("secret").asString()).param("type", "payment"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode payment = reply.data().path("payment");
        assertThat(payment.path("currency").path("xml").asString()).isEqualTo("ETH");
        assertThat(payment.path("currency").path("_id").asString()).isEqualTo("5d8e5f4ab80b7b4cd75a6302");
        assertThat(payment.path("amount").asString()).isEqualTo("2");
        assertThat(payment.path("instructions").asString())
                .isEqualTo("Send ETH to 0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e (12 confirmations)");
        assertThat(payment.path("manual").asBoolean()).isTrue();
        JsonNode details = payment.path("details");
        assertThat(details.path("address").asString()).isEqualTo("0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e");
        assertThat(details.path("amount").asString()).isEqualTo("2");
        assertThat(details.path("network").asString()).isEqualTo("Ethereum (ERC20)");
        assertThat(details.path("confirmations").asInt()).isEqualTo(12);
        assertThat(details.path("instructions").asString()).isEqualTo("Send ETH on the Ethereum network only, in one transaction.");
        assertThat(details.path("paymentUri").asString())
                .isEqualTo("ethereum:0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e?value=2000000000000000000");
        Instant createdAt = Instant.parse(reply.data().path("createdAt").asString());
        Instant payBefore = Instant.parse(payment.path("payBefore").asString());
        assertThat(Duration.between(createdAt, payBefore)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void masksHiddenRecipientDetails() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("hideOutData", true);
        JsonNode created = createdOrder(body);

        Reply reply = strict(getOrder(created.path("uid").asLong(), created.path("secret").asString()).param("type", "payment"));

        assertThat(reply.data().path("toValues").get(0).path("value").asString()).isEqualTo("Z1*********12");
        assertThat(reply.text()).doesNotContain("Z123456789012");
    }

    @Test
    void answersAWrongSecretExactlyLikeAnUnknownOrder() throws Exception {
        JsonNode created = createdOrder();
        long uid = created.path("uid").asLong();

        Reply wrongSecret = strict(getOrder(uid, WRONG_SECRET));
        Reply unknownUid = strict(getOrder(Long.MAX_VALUE, created.path("secret").asString()));

        assertThat(wrongSecret.status()).isEqualTo(404);
        assertThat(unknownUid.status()).isEqualTo(404);
        JsonNode error = wrongSecret.error();
        assertThat(error.path("errorType").asString()).isEqualTo("NotFoundError");
        assertThat(error.path("errorCode").asInt()).isEqualTo(2001);
        assertThat(error.path("message").asString()).isEqualTo("Order not found");
        assertThat(withoutRequestId(wrongSecret.body())).isEqualTo(withoutRequestId(unknownUid.body()));
        assertThat(wrongSecret.text()).doesNotContain(Long.toString(uid)).doesNotContain(created.path("_id").asString());
    }

    @Test
    void refusesTheSecretOfAnotherOrder() throws Exception {
        JsonNode first = createdOrder();
        JsonNode second = createdOrder();

        Reply reply = strict(getOrder(first.path("uid").asLong(), second.path("secret").asString()));

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void comparesTheSecretCaseSensitively() throws Exception {
        JsonNode created = createdOrder();
        String secret = created.path("secret").asString();
        String flipped = secret.chars()
                .map(c -> Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        org.junit.jupiter.api.Assumptions.assumeFalse(flipped.equals(secret), "the secret has letters");

        assertThat(strict(getOrder(created.path("uid").asLong(), flipped)).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "PAYMENT", "orders", "payment,order"})
    void rejectsUnknownType(String type) throws Exception {
        JsonNode created = createdOrder();

        Reply reply = answerChecked(getOrder(created.path("uid").asLong(), created.path("secret").asString()).param("type", type));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(1001);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("type");
        assertThat(reply.body().has("data")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1e3", "99999999999999999999"})
    void rejectsNonNumericOrderUid(String uid) throws Exception {
        Reply reply = answerChecked(get(GET).param("orderUID", uid).param("orderSecret", WRONG_SECRET));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("orderUID");
        assertThat(reply.error().path("object").path("err").asString()).isEqualTo("type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void rejectsOrderUidBelowOne(String uid) throws Exception {
        Reply reply = answerChecked(get(GET).param("orderUID", uid).param("orderSecret", WRONG_SECRET));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("orderUID");
        assertThat(reply.error().path("object").path("err").asString()).isEqualTo("min");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "dGqwF2M2eBPaSN1G5ljMS1c!", "dGqwF2M2eBPaSN1G5ljMS1cbX"})
    void rejectsSecretOfTheWrongShape(String secret) throws Exception {
        Reply reply = answerChecked(get(GET).param("orderUID", "1001").param("orderSecret", secret));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(1001);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("orderSecret");
        assertThat(reply.error().path("object").path("err").asString()).isEqualTo("format");
    }

    @Test
    void rejectsMissingParameters() throws Exception {
        Reply noSecret = answerChecked(get(GET).param("orderUID", "1001"));
        Reply noUid = answerChecked(get(GET).param("orderSecret", WRONG_SECRET));

        assertThat(noSecret.status()).isEqualTo(400);
        assertThat(noSecret.error().path("object").path("nameField").asString()).isEqualTo("orderSecret");
        assertThat(noSecret.error().path("object").path("err").asString()).isEqualTo("required");
        assertThat(noUid.status()).isEqualTo(400);
        assertThat(noUid.error().path("object").path("nameField").asString()).isEqualTo("orderUID");
    }

    private static JsonNode withoutRequestId(JsonNode body) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove("requestId");
        return copy;
    }
}
