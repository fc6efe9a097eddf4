package dev.exchanger.server.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** The operator manages partners and keys; keys are shown once, stored hashed, and revocable. */
class PartnerKeysTest extends ApiTest {

    private static MockHttpServletRequestBuilder asOperator(MockHttpServletRequestBuilder request) {
        return request.header("X-Api-Key", OPERATOR_KEY);
    }

    @Test
    void operatorCreatesAPartnerAndAKeyShownOnceAndStoredOnlyAsItsHash() throws Exception {
        Reply partner = strict(asOperator(post("/admin/partners")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("name", "  Shop 42  "))));
        assertThat(partner.status()).isEqualTo(201);
        String partnerId = partner.data().path("_id").asString();
        assertThat(partner.data().path("name").asString()).isEqualTo("Shop 42");
        assertThat(partner.data().path("keys").size()).isZero();

        Reply created = strict(asOperator(post("/admin/partners/{id}/keys", partnerId)).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("name", "production"))));
        assertThat(created.status()).isEqualTo(201);
        String key = created.data().path("key").asString();
        assertThat(key).matches("^exk_[0-9A-Za-z]{40}$");
        assertThat(created.data().path("prefix").asString()).isEqualTo(key.substring(0, 12));

        String stored = jdbc.queryForObject("select key_hash || prefix || name from partner_api_key where id = ?",
                String.class, created.data().path("_id").asString());
        assertThat(stored).doesNotContain(key).contains(ApiKeys.hash(key));

        Reply read = strict(asOperator(get("/admin/partners/{id}", partnerId)));
        assertThat(read.text()).doesNotContain(key);
        JsonNode listed = read.data().path("keys").get(0);
        assertThat(listed.path("prefix").asString()).isEqualTo(key.substring(0, 12));
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.has("revokedAt")).isFalse();

        Reply all = strict(asOperator(get("/admin/partners")));
        assertThat(all.text()).doesNotContain(key).contains(partnerId);
    }

    @Test
    void aPartnerKeyWorksUntilItIsRevokedThenItIs401Everywhere() throws Exception {
        PartnerKey partner = newPartner("Revoked shop");
        assertThat(strict(partner.on(createJson(ethToWmz()))).status()).isEqualTo(200);
        assertThat(strict(partner.on(get("/public/exchanger/route/get"))).status()).isEqualTo(200);

        Reply revoked = strict(asOperator(delete("/admin/partners/{p}/keys/{k}", partner.partnerId(), partner.keyId())));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.data().path("revokedAt").isString()).isTrue();
        Reply again = strict(asOperator(delete("/admin/partners/{p}/keys/{k}", partner.partnerId(), partner.keyId())));
        assertThat(again.data().path("revokedAt").asString()).isEqualTo(revoked.data().path("revokedAt").asString());

        long orders = count("select count(*) from exchange_order");
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                get("/user/exchanger/order/history"), createJson(ethToWmz())}) {
            Reply refused = answerChecked(partner.on(request));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.error().path("errorCode").asInt()).isEqualTo(4001);
            assertThat(refused.response().getHeader("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-Api-Key\"");
        }
        assertThat(count("select count(*) from exchange_order")).isEqualTo(orders);
        // where no key is asked for, a key is ignored
        assertThat(strict(partner.on(get("/public/exchanger/route/get"))).status()).isEqualTo(200);

        PartnerKey second = newKey(partner.partnerId());
        assertThat(strict(second.on(createJson(ethToWmz()))).status()).isEqualTo(200);
    }

    @Test
    void eachKeyOnlyWhereItBelongs() throws Exception {
        PartnerKey partner = newPartner("Curious shop");
        long orders = count("select count(*) from exchange_order");

        Reply partnerOnAdmin = strict(partner.on(get("/admin/orders")));
        assertThat(partnerOnAdmin.status()).isEqualTo(403);
        assertThat(partnerOnAdmin.error().path("errorType").asString()).isEqualTo("ForbiddenError");
        assertThat(partnerOnAdmin.error().path("errorCode").asInt()).isEqualTo(4003);
        assertThat(strict(partner.on(post("/admin/partners")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("name", "x")))).status()).isEqualTo(403);
        assertThat(strict(partner.on(post("/admin/partners/{id}/keys", partner.partnerId()))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", "mine")))).status()).isEqualTo(403);

        assertThat(strict(asOperator(get("/user/exchanger/order/history"))).status()).isEqualTo(403);
        Reply operatorCreates = strict(asOperator(createJson(ethToWmz())));
        assertThat(operatorCreates.status()).isEqualTo(403);
        assertThat(count("select count(*) from exchange_order")).isEqualTo(orders);

        Reply noKey = answerChecked(get("/user/exchanger/order/history"));
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(answerChecked(get("/admin/partners")).status()).isEqualTo(401);
        for (String junk : new String[] {"", "exk_", "exk_" + "0".repeat(40), OPERATOR_KEY + " "}) {
            assertThat(answerChecked(get("/admin/partners").header("X-Api-Key", junk)).status()).as("key '%s'", junk).isEqualTo(401);
        }
    }

    @Test
    void anOrderCreatedWithAPartnerKeyIsThePartnersAndTheOperatorFiltersByIt() throws Exception {
        PartnerKey shop = newPartner("Filtering shop");
        JsonNode mine = strict(shop.on(createJson(ethToWmz()))).data();
        JsonNode anonymous = createdOrder();

        assertThat(jdbc.queryForObject("select partner_id from exchange_order where uid = ?", String.class, mine.path("uid").asLong()))
                .isEqualTo(shop.partnerId());
        assertThat(jdbc.queryForObject("select partner_id from exchange_order where uid = ?", String.class, anonymous.path("uid").asLong()))
                .isNull();

        Reply filtered = strict(asOperator(get("/admin/orders").param("partnerId", shop.partnerId())));
        assertThat(filtered.data().path("total").asLong()).isEqualTo(1);
        JsonNode item = filtered.data().path("items").get(0);
        assertThat(item.path("uid").asLong()).isEqualTo(mine.path("uid").asLong());
        assertThat(item.path("partnerId").asString()).isEqualTo(shop.partnerId());
        assertThat(item.has("secret")).isFalse();
        assertThat(item.has("paymentUrl")).isFalse();
        assertThat(filtered.text()).doesNotContain(mine.path("secret").asString());
    }

    @Test
    void aUrlTheFirewallRefusesIsA400InTheEnvelope() throws Exception {
        Reply refused = answerChecked(asOperator(get("/admin/partners/a%5Cb")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().path("errorType").asString()).isEqualTo("ValidationError");
    }

    @Test
    void badInputToThePartnerApiIsAClearErrorAndChangesNothing() throws Exception {
        long partners = count("select count(*) from partner");
        long keys = count("select count(*) from partner_api_key");

        Reply blank = answerChecked(asOperator(post("/admin/partners")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("name", ""))));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.error().path("object").path("nameField").asString()).isEqualTo("name");
        Reply tooLong = answerChecked(asOperator(post("/admin/partners")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("name", "x".repeat(129)))));
        assertThat(tooLong.status()).isEqualTo(400);

        Reply unknownPartner = strict(asOperator(post("/admin/partners/{id}/keys", "5d8e5f4ab80b7b4cd75a6fff"))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", "k"))));
        assertThat(unknownPartner.status()).isEqualTo(404);
        assertThat(unknownPartner.error().path("errorCode").asInt()).isEqualTo(2003);
        assertThat(strict(asOperator(get("/admin/partners/{id}", "5d8e5f4ab80b7b4cd75a6fff"))).status()).isEqualTo(404);
        Reply badId = answerChecked(asOperator(get("/admin/partners/{id}", "not-an-id")));
        assertThat(badId.status()).isEqualTo(400);

        PartnerKey one = newPartner("One");
        PartnerKey other = newPartner("Other");
        Reply foreignKey = strict(asOperator(delete("/admin/partners/{p}/keys/{k}", other.partnerId(), one.keyId())));
        assertThat(foreignKey.status()).isEqualTo(404);
        assertThat(foreignKey.error().path("errorCode").asInt()).isEqualTo(2005);
        assertThat(strict(one.on(get("/public/exchanger/route/get"))).status()).isEqualTo(200);

        assertThat(count("select count(*) from partner")).isEqualTo(partners + 2);
        assertThat(count("select count(*) from partner_api_key")).isEqualTo(keys + 2);
    }
}
