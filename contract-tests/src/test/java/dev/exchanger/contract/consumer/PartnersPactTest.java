package dev.exchanger.contract.consumer;

import static dev.exchanger.contract.consumer.Bodies.DATE_TIME;
import static dev.exchanger.contract.consumer.Bodies.OBJECT_ID;
import static dev.exchanger.contract.consumer.Bodies.partnerNotFound;
import static dev.exchanger.contract.consumer.Bodies.validationError;
import static dev.exchanger.contract.consumer.ConsumerClients.partners;
import static dev.exchanger.contract.consumer.Failures.assertNotFound;
import static dev.exchanger.contract.consumer.Failures.assertValidationError;
import static dev.exchanger.contract.consumer.Interactions.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.model.ApiKey;
import dev.exchanger.client.model.ApiKeyCreateRequest;
import dev.exchanger.client.model.CreatedApiKey;
import dev.exchanger.client.model.Partner;
import dev.exchanger.client.model.PartnerCreateRequest;
import dev.exchanger.contract.Pacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated client's management of partners and their API keys ({@code PartnersApi})
 * against the Pact mock server: one interaction per operation and documented answer that a
 * client can provoke. The operator's key is {@link Pacts#OPERATOR_KEY}; the partner the states
 * make has the fixed id {@link Pacts#PARTNER_ID} and the key {@link Pacts#PARTNER_KEY}, which
 * the operator's API refuses with 403 ({@link KeyRefusalsPactTest}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class PartnersPactTest {

    private static final String PARTNERS = "/admin/partners";
    private static final String PARTNER = "/admin/partners/" + Pacts.PARTNER_ID;
    private static final String KEYS = PARTNER + "/keys";
    private static final String KEY = Pacts.OPERATOR_KEY;
    private static final String UNKNOWN_PARTNER = "5d8e5f4ab80b7b4cd75a65ff";
    private static final String UNKNOWN_KEY = "5d8e5f4ab80b7b4cd75a65fe";
    private static final String PREFIX = "^exk_[0-9A-Za-z]{8}$";
    /** The prefix of {@link Pacts#PARTNER_KEY}: its first 12 characters. */
    private static final String PARTNER_KEY_PREFIX = Pacts.PARTNER_KEY.substring(0, 12);

    // ---- listPartners ---------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact listPartners(PactDslWithProvider provider) {
        return respond(provider.given(Pacts.PARTNER_STATE)
                .uponReceiving("the operator lists the partners with their keys")
                .method("GET").path(PARTNERS)
                .headers("X-Api-Key", KEY),
                200, Bodies.listResponse(PartnersPactTest::partner));
    }

    @Test
    @PactTestFor(pactMethod = "listPartners")
    void listsThePartnersWithTheirKeys(MockServer mockServer) throws Exception {
        List<Partner> all = partners(mockServer, KEY).listPartners().getData();

        assertThat(all).isNotEmpty().allSatisfy(partner -> {
            assertThat(partner.getId()).matches(OBJECT_ID);
            assertThat(partner.getName()).isNotBlank();
            assertThat(partner.getCreatedAt()).isNotNull();
            assertThat(partner.getKeys()).allSatisfy(PartnersPactTest::assertKeyNotShown);
        });
    }

    // ---- createPartner --------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createPartner(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("the operator creates a partner")
                .method("POST").path(PARTNERS)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.named("Shop 42")),
                201, Bodies.response(partner -> {
                    partner.stringMatcher("_id", OBJECT_ID, Pacts.PARTNER_ID);
                    partner.stringValue("name", "Shop 42");
                    partner.stringMatcher("createdAt", DATE_TIME, "2019-10-01T09:00:00.000Z");
                    // a new partner has no key yet
                    partner.array("keys", keys -> { });
                }));
    }

    @Test
    @PactTestFor(pactMethod = "createPartner")
    void createsAPartnerWithNoKey(MockServer mockServer) throws Exception {
        Partner partner = partners(mockServer, KEY).createPartner(new PartnerCreateRequest().name("Shop 42")).getData();

        assertThat(partner.getId()).matches(OBJECT_ID);
        assertThat(partner.getName()).isEqualTo("Shop 42");
        assertThat(partner.getCreatedAt()).isNotNull();
        assertThat(partner.getKeys()).isEmpty();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createPartnerWithBlankName(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("the operator creates a partner with an empty name")
                .method("POST").path(PARTNERS)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.named("")),
                400, validationError("name"));
    }

    @Test
    @PactTestFor(pactMethod = "createPartnerWithBlankName")
    void reportsABlankName(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> partners(mockServer, KEY).createPartner(new PartnerCreateRequest().name("")));

        assertValidationError(e, "name");
    }

    // ---- getPartner -----------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getPartner(PactDslWithProvider provider) {
        return respond(provider.given(Pacts.PARTNER_STATE)
                .uponReceiving("the operator reads a partner with its keys")
                .method("GET").path(PARTNER)
                .headers("X-Api-Key", KEY),
                200, Bodies.response(partner -> {
                    partner.stringValue("_id", Pacts.PARTNER_ID);
                    partner.stringType("name", "Shop 42");
                    partner.stringMatcher("createdAt", DATE_TIME, "2019-10-01T09:00:00.000Z");
                    partner.minArrayLike("keys", 1, PartnersPactTest::apiKey);
                }));
    }

    @Test
    @PactTestFor(pactMethod = "getPartner")
    void readsAPartnerWithItsKeys(MockServer mockServer) throws Exception {
        Partner partner = partners(mockServer, KEY).getPartner(Pacts.PARTNER_ID).getData();

        assertThat(partner.getId()).isEqualTo(Pacts.PARTNER_ID);
        assertThat(partner.getKeys()).isNotEmpty().allSatisfy(PartnersPactTest::assertKeyNotShown);
        assertThat(partner.getKeys()).extracting(ApiKey::getPrefix).contains(PARTNER_KEY_PREFIX);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getPartnerWithMalformedId(PactDslWithProvider provider) {
        return respond(provider
                .uponReceiving("the operator reads a partner by an id that is not 24 hex digits")
                .method("GET").path(PARTNERS + "/not-an-id")
                .headers("X-Api-Key", KEY),
                400, validationError("partnerId"));
    }

    @Test
    @PactTestFor(pactMethod = "getPartnerWithMalformedId")
    void reportsAMalformedPartnerId(MockServer mockServer) {
        assertValidationError(catchThrowableOfType(ApiException.class,
                () -> partners(mockServer, KEY).getPartner("not-an-id")), "partnerId");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact getUnknownPartner(PactDslWithProvider provider) {
        return respond(provider.given("no partner with id " + UNKNOWN_PARTNER + " exists")
                .uponReceiving("the operator reads a partner that does not exist")
                .method("GET").path(PARTNERS + "/" + UNKNOWN_PARTNER)
                .headers("X-Api-Key", KEY),
                404, partnerNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "getUnknownPartner")
    void reportsAnUnknownPartner(MockServer mockServer) {
        assertNotFound(catchThrowableOfType(ApiException.class,
                () -> partners(mockServer, KEY).getPartner(UNKNOWN_PARTNER)), 2003);
    }

    // ---- createApiKey ---------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createApiKey(PactDslWithProvider provider) {
        return respond(provider.given(Pacts.PARTNER_STATE)
                .uponReceiving("the operator creates an API key for a partner, shown this once")
                .method("POST").path(KEYS)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.named("production")),
                201, Bodies.response(key -> {
                    key.stringMatcher("_id", OBJECT_ID, "5d8e5f4ab80b7b4cd75a6504");
                    key.stringValue("name", "production");
                    key.stringMatcher("prefix", PREFIX, "exk_3Xv9Qa1L");
                    key.stringMatcher("createdAt", DATE_TIME, "2019-10-01T09:01:00.000Z");
                    key.stringMatcher("key", "^exk_[0-9A-Za-z]{40}$", "exk_3Xv9Qa1LbT7mKp2Wq9sZ4nE8rY6uA1cD5fG0hJ3k");
                }));
    }

    @Test
    @PactTestFor(pactMethod = "createApiKey")
    void createsAKeyAndShowsItOnce(MockServer mockServer) throws Exception {
        CreatedApiKey key = partners(mockServer, KEY).createApiKey(Pacts.PARTNER_ID, new ApiKeyCreateRequest().name("production"))
                .getData();

        assertThat(key.getName()).isEqualTo("production");
        assertThat(key.getKey()).matches("exk_[0-9A-Za-z]{40}").startsWith(key.getPrefix());
        assertThat(key.getCreatedAt()).isNotNull();
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createApiKeyWithOverlongName(PactDslWithProvider provider) {
        return respond(provider.given(Pacts.PARTNER_STATE)
                .uponReceiving("the operator creates an API key with a name over 128 characters")
                .method("POST").path(KEYS)
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.named(overlongName())),
                400, validationError("name"));
    }

    @Test
    @PactTestFor(pactMethod = "createApiKeyWithOverlongName")
    void reportsAnOverlongKeyName(MockServer mockServer) {
        assertValidationError(catchThrowableOfType(ApiException.class, () -> partners(mockServer, KEY)
                .createApiKey(Pacts.PARTNER_ID, new ApiKeyCreateRequest().name(overlongName()))), "name");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact createApiKeyForUnknownPartner(PactDslWithProvider provider) {
        return respond(provider.given("no partner with id " + UNKNOWN_PARTNER + " exists")
                .uponReceiving("the operator creates an API key for a partner that does not exist")
                .method("POST").path(PARTNERS + "/" + UNKNOWN_PARTNER + "/keys")
                .headers("X-Api-Key", KEY, "Content-Type", "application/json")
                .body(Requests.named("production")),
                404, partnerNotFound());
    }

    @Test
    @PactTestFor(pactMethod = "createApiKeyForUnknownPartner")
    void reportsAnUnknownPartnerForANewKey(MockServer mockServer) {
        assertNotFound(catchThrowableOfType(ApiException.class, () -> partners(mockServer, KEY)
                .createApiKey(UNKNOWN_PARTNER, new ApiKeyCreateRequest().name("production"))), 2003);
    }

    // ---- revokeApiKey ---------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact revokeApiKey(PactDslWithProvider provider) {
        return respond(provider.given("a partner has an API key to revoke", Map.of("partnerId", Pacts.PARTNER_ID, "keyId", "5d8e5f4ab80b7b4cd75a6504"))
                .uponReceiving("the operator revokes a partner's API key")
                .method("DELETE").pathFromProviderState("/admin/partners/${partnerId}/keys/${keyId}",
                        PARTNER + "/keys/5d8e5f4ab80b7b4cd75a6504")
                .headers("X-Api-Key", KEY),
                200, Bodies.response(key -> {
                    apiKey(key);
                    key.stringMatcher("revokedAt", DATE_TIME, "2019-10-20T12:00:00.000Z");
                }));
    }

    @Test
    @PactTestFor(pactMethod = "revokeApiKey")
    void revokesAKeyThatStaysListed(MockServer mockServer) throws Exception {
        ApiKey key = partners(mockServer, KEY).revokeApiKey(Pacts.PARTNER_ID, "5d8e5f4ab80b7b4cd75a6504").getData();

        assertThat(key.getId()).matches(OBJECT_ID);
        assertThat(key.getRevokedAt()).isAfterOrEqualTo(key.getCreatedAt());
        assertKeyNotShown(key);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact revokeApiKeyWithMalformedId(PactDslWithProvider provider) {
        return respond(provider.given(Pacts.PARTNER_STATE)
                .uponReceiving("the operator revokes an API key by an id that is not 24 hex digits")
                .method("DELETE").path(KEYS + "/not-an-id")
                .headers("X-Api-Key", KEY),
                400, validationError("keyId"));
    }

    @Test
    @PactTestFor(pactMethod = "revokeApiKeyWithMalformedId")
    void reportsAMalformedKeyId(MockServer mockServer) {
        assertValidationError(catchThrowableOfType(ApiException.class,
                () -> partners(mockServer, KEY).revokeApiKey(Pacts.PARTNER_ID, "not-an-id")), "keyId");
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact revokeUnknownApiKey(PactDslWithProvider provider) {
        return respond(provider.given(Pacts.PARTNER_STATE)
                .uponReceiving("the operator revokes an API key the partner does not have")
                .method("DELETE").path(KEYS + "/" + UNKNOWN_KEY)
                .headers("X-Api-Key", KEY),
                404, Bodies.error("NotFoundError", 2005, error -> error.stringType("message", "API key not found")));
    }

    @Test
    @PactTestFor(pactMethod = "revokeUnknownApiKey")
    void reportsAnUnknownKey(MockServer mockServer) {
        assertNotFound(catchThrowableOfType(ApiException.class,
                () -> partners(mockServer, KEY).revokeApiKey(Pacts.PARTNER_ID, UNKNOWN_KEY)), 2005);
    }

    // ---------------------------------------------------------------------------------------

    /** A partner as listed: its keys may be none (a new partner) or any number, revoked ones too. */
    private static void partner(LambdaDslObject partner) {
        partner.stringMatcher("_id", OBJECT_ID, Pacts.PARTNER_ID);
        partner.stringType("name", "Shop 42");
        partner.stringMatcher("createdAt", DATE_TIME, "2019-10-01T09:00:00.000Z");
        partner.eachLike("keys", PartnersPactTest::apiKey);
    }

    /** A key as listed: its id, name, prefix and creation, never the key. */
    private static void apiKey(LambdaDslObject key) {
        key.stringMatcher("_id", OBJECT_ID, Pacts.PARTNER_KEY_ID);
        key.stringType("name", "production");
        key.stringMatcher("prefix", PREFIX, PARTNER_KEY_PREFIX);
        key.stringMatcher("createdAt", DATE_TIME, "2019-10-01T09:01:00.000Z");
    }

    /** A listed key has a 12-character prefix; the key itself is only in createApiKey's answer. */
    private static void assertKeyNotShown(ApiKey key) {
        assertThat(key.getPrefix()).matches(PREFIX);
        assertThat(key.getId()).matches(OBJECT_ID);
    }

    /** One character over the spec's {@code maxLength} of 128. */
    private static String overlongName() {
        return "k".repeat(129);
    }
}
