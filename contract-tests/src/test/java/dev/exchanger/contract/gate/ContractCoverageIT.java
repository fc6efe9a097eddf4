package dev.exchanger.contract.gate;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.contract.gate.PactInteractions.PactInteraction;
import dev.exchanger.contract.gate.SpecOperations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate: every operation of the spec and every status code it documents has an
 * interaction in the client's pacts, so that what the spec promises is proven by a consumer
 * test and replayed against the real server. The only exceptions are listed below, each with
 * the reason a client cannot provoke that answer deterministically.
 */
@Order(4)
class ContractCoverageIT {

    private static final String SERVER_FAULT =
            "a fault on the server's side, which no client request provokes deterministically;"
                    + " the client's handling of a 5xx envelope is proven with WireMock (ClientResilienceTest)";
    private static final String ONLY_JSON =
            "the generated client always sends application/json, so it cannot send a wrong media type";
    private static final String OVER_BODY_LIMIT =
            "needs a body over the server's 64 KiB limit (exchanger.web.max-body-bytes), which the guard answers"
                    + " before any contract logic; RequestBodiesTest proves the guard";
    private static final String RATE_LIMITED =
            "needs more requests from one address or partner than its rate limit (exchanger.rate-limit.*) allows,"
                    + " which would refuse the pacts replayed after it too; RateLimitTest proves the limits";

    private static final String SLOW_BODY =
            "needs a client that sends its body slower than the server waits for (exchanger.web.body-timeout);"
                    + " the guard answers before any contract logic; SlowClientsTest proves it";

    /** Answers every operation documents that no pact covers on purpose: status -> why. */
    static final Map<String, String> NOT_PROVOKABLE_ANYWHERE = Map.of("408", SLOW_BODY, "429", RATE_LIMITED);

    /** Documented answers that no pact covers on purpose: "operationId status" -> why. */
    static final Map<String, String> NOT_PROVOKABLE = new TreeMap<>(Map.ofEntries(
            entry("createOrder 413", "needs a body over the server's 64 KiB limit (exchanger.web.max-body-bytes);"
                    + " a pact that large proves the size guard, not the contract, and the guard answers before any contract logic"),
            entry("createOrder 415", ONLY_JSON),
            entry("createOrder 500", SERVER_FAULT),
            entry("getOrder 500", SERVER_FAULT),
            entry("updateOrderStatus 413", OVER_BODY_LIMIT),
            entry("updateOrderStatus 415", ONLY_JSON),
            entry("updateOrderStatus 500", SERVER_FAULT),
            entry("listRoutes 500", SERVER_FAULT),
            entry("getRoute 500", SERVER_FAULT),
            entry("getRouteByXml 500", SERVER_FAULT),
            entry("searchOrders 500", SERVER_FAULT),
            entry("getOrderDetails 500", SERVER_FAULT),
            entry("changeOrderStatus 413", OVER_BODY_LIMIT),
            entry("changeOrderStatus 415", ONLY_JSON),
            entry("changeOrderStatus 500", SERVER_FAULT),
            entry("exportRatesXml 500", SERVER_FAULT),
            entry("exportRatesJson 500", SERVER_FAULT),
            entry("listCurrencies 500", SERVER_FAULT),
            entry("createCurrency 413", OVER_BODY_LIMIT),
            entry("createCurrency 415", ONLY_JSON),
            entry("createCurrency 500", SERVER_FAULT),
            entry("updateCurrency 413", OVER_BODY_LIMIT),
            entry("updateCurrency 415", ONLY_JSON),
            entry("updateCurrency 500", SERVER_FAULT),
            entry("listAllRoutes 500", SERVER_FAULT),
            entry("getRouteDetails 500", SERVER_FAULT),
            entry("createRoute 413", OVER_BODY_LIMIT),
            entry("createRoute 415", ONLY_JSON),
            entry("createRoute 500", SERVER_FAULT),
            entry("updateRoute 413", OVER_BODY_LIMIT),
            entry("updateRoute 415", ONLY_JSON),
            entry("updateRoute 500", SERVER_FAULT),
            entry("listPartners 500", SERVER_FAULT),
            entry("createPartner 413", OVER_BODY_LIMIT),
            entry("createPartner 415", ONLY_JSON),
            entry("createPartner 500", SERVER_FAULT),
            entry("getPartner 500", SERVER_FAULT),
            entry("createApiKey 413", OVER_BODY_LIMIT),
            entry("createApiKey 415", ONLY_JSON),
            entry("createApiKey 500", SERVER_FAULT),
            entry("revokeApiKey 500", SERVER_FAULT),
            entry("partnerOrderHistory 500", SERVER_FAULT),
            entry("partnerOrderDetails 500", SERVER_FAULT),
            entry("redeliverIpn 500", SERVER_FAULT),
            entry("partnerChangeTestOrderStatus 413", OVER_BODY_LIMIT),
            entry("partnerChangeTestOrderStatus 415", ONLY_JSON),
            entry("partnerChangeTestOrderStatus 500", SERVER_FAULT),
            entry("sendTestIpn 413", OVER_BODY_LIMIT),
            entry("sendTestIpn 415", ONLY_JSON),
            entry("sendTestIpn 500", SERVER_FAULT)));

    private final SpecOperations spec = SpecOperations.load();
    private final List<PactInteraction> interactions = PactInteractions.load();

    @Test
    void everyDocumentedAnswerHasAnInteraction() {
        Set<String> covered = covered();
        Set<String> missing = new TreeSet<>();
        for (Operation operation : spec.all()) {
            for (String status : operation.statuses()) {
                String answer = operation.operationId() + " " + status;
                if (!covered.contains(answer) && !NOT_PROVOKABLE.containsKey(answer)
                        && !NOT_PROVOKABLE_ANYWHERE.containsKey(status)) {
                    missing.add(answer + " (" + operation.method() + " " + operation.path() + ")");
                }
            }
        }
        assertThat(missing)
                .withFailMessage(() -> "Documented answers with no pact interaction (add a consumer test, or list the"
                        + " answer in NOT_PROVOKABLE with the reason no client can provoke it):\n  "
                        + String.join("\n  ", missing))
                .isEmpty();
    }

    @Test
    void everyInteractionIsOfADocumentedOperation() {
        List<String> strays = interactions.stream()
                .filter(i -> spec.find(i.method(), i.path()).isEmpty())
                .map(PactInteraction::toString)
                .toList();
        assertThat(strays).withFailMessage(() -> "Interactions of no operation in the spec:\n  " + String.join("\n  ", strays))
                .isEmpty();
    }

    /** The allow-list stays honest: each entry is a documented answer that no pact covers yet. */
    @Test
    void theAllowListNamesOnlyUncoveredDocumentedAnswers() {
        Set<String> documented = spec.all().stream()
                .flatMap(o -> o.statuses().stream().map(s -> o.operationId() + " " + s))
                .collect(Collectors.toSet());
        Set<String> covered = covered();
        assertThat(NOT_PROVOKABLE.keySet()).as("allow-listed answers that the spec no longer documents")
                .allSatisfy(answer -> assertThat(documented).contains(answer));
        assertThat(NOT_PROVOKABLE.keySet()).as("allow-listed answers that a pact now covers (remove them from the list)")
                .doesNotContainAnyElementsOf(covered);
    }

    private Set<String> covered() {
        Set<String> covered = new TreeSet<>();
        for (PactInteraction interaction : interactions) {
            spec.find(interaction.method(), interaction.path())
                    .ifPresent(o -> covered.add(o.operationId() + " " + interaction.status()));
        }
        return covered;
    }
}
