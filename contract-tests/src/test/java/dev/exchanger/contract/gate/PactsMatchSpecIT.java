package dev.exchanger.contract.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.pact.PactLevelResolverFactory;
import com.atlassian.oai.validator.pact.PactRequest;
import com.atlassian.oai.validator.pact.PactResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import dev.exchanger.contract.Spec;
import dev.exchanger.contract.gate.PactInteractions.PactInteraction;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every interaction of every pact, request and answer, against the spec
 * ({@code swagger-request-validator-pact}): a consumer cannot expect what the spec does not
 * promise — a field the spec does not have, a wrong type or pattern, an undocumented status.
 * <p>
 * As the library does for pacts, a required response field the consumer does not ask for is
 * only reported (a consumer states what it uses, not everything it gets). Two exceptions of
 * ours: an interaction that expects 400 sends a deliberately invalid request, so its request
 * is not held to the spec; and one that expects 401 may send no key at all, so only the
 * missing security parameter is let through. Their answers are held to the spec.
 */
@Order(3)
class PactsMatchSpecIT {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(Spec.yaml())
            .withLevelResolver(PactLevelResolverFactory.create())
            .withWhitelist(ValidationErrorsWhitelist.create()
                    .withRule("A 400 interaction sends an invalid request on purpose",
                            (message, operation, request, response) -> message.getKey().startsWith("validation.request.")
                                    && response != null && response.getStatus() == 400)
                    .withRule("A 401 interaction sends no X-Api-Key on purpose",
                            (message, operation, request, response) -> message.getKey().equals("validation.request.security.missing")
                                    && response != null && response.getStatus() == 401))
            .build();

    @TestFactory
    Stream<DynamicTest> everyInteractionIsWhatTheSpecPromises() {
        List<PactInteraction> interactions = PactInteractions.load();
        assertThat(interactions).as("interactions in the pact files").isNotEmpty();
        return interactions.stream().map(i -> DynamicTest.dynamicTest(i.toString(), () -> {
            ValidationReport report = VALIDATOR.validate(PactRequest.of(i.http().getRequest()), PactResponse.of(i.http().getResponse()));
            assertThat(report.hasErrors())
                    .withFailMessage(() -> "The pact expects what the spec does not promise: " + i + "\n"
                            + SimpleValidationReportFormat.getInstance().apply(report))
                    .isFalse();
        }));
    }

    /** The check above would pass vacuously if the validator never complained; prove it does. */
    @Test
    void theValidatorRefusesAnAnswerTheSpecDoesNotPromise() {
        Request request = SimpleRequest.Builder
                .get("/public/exchanger/route/get/one").withQueryParam("id", "5d8e5f4ab80b7b4cd75a6402").build();
        Response teapot = SimpleResponse.Builder.status(418)
                .withContentType("application/json").withBody("{}").build();
        Response renamed = SimpleResponse.Builder.status(404)
                .withContentType("application/json")
                .withBody("{\"success\":false,\"error\":{\"message\":\"Route not found\",\"errorType\":\"NotFoundError\","
                        + "\"errorCode\":2002},\"requestID\":\"6f1c2a9e4b7d4f0e\"}").build();

        assertThat(VALIDATOR.validate(request, teapot).hasErrors()).as("undocumented status").isTrue();
        assertThat(VALIDATOR.validate(request, renamed).hasErrors()).as("renamed field").isTrue();
    }

    /** A request without the key is let through only when the answer is the 401 it deserves. */
    @Test
    void aMissingKeyIsRefusedUnlessTheAnswerIs401() {
        Request keyless = SimpleRequest.Builder.get("/admin/orders").build();
        Response page = SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody("{\"success\":true,\"data\":{\"items\":[],\"page\":0,\"size\":20,\"total\":0},"
                        + "\"requestId\":\"6f1c2a9e4b7d4f0e\"}").build();
        Response unauthorized = SimpleResponse.Builder.status(401)
                .withContentType("application/json")
                .withBody("{\"success\":false,\"error\":{\"message\":\"A valid X-Api-Key is required\","
                        + "\"errorType\":\"AuthenticationError\",\"errorCode\":4001},\"requestId\":\"6f1c2a9e4b7d4f0e\"}").build();

        ValidationReport served = VALIDATOR.validate(keyless, page);
        assertThat(served.getMessages()).as("errors of a keyless request answered 200")
                .filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .extracting(ValidationReport.Message::getKey).containsExactly("validation.request.security.missing");
        assertThat(VALIDATOR.validate(keyless, unauthorized).hasErrors()).as("a keyless request answered 401").isFalse();
    }
}
