package dev.exchanger.contract.consumer;

import static au.com.dius.pact.consumer.dsl.Matchers.fromProviderState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.HttpRequestBuilder;
import au.com.dius.pact.consumer.dsl.HttpResponseBuilder;
import au.com.dius.pact.consumer.dsl.PactBuilder;
import dev.exchanger.client.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.function.Executable;

/**
 * An operation that takes a key in {@code X-Api-Key}, as one row of {@link KeyRefusalsPactTest}:
 * the request (method, path, body and the provider states it needs), the generated client's call
 * that sends it, and the two keys it refuses, one with 401 and one with 403.
 */
final class GuardedOperation {

    /**
     * A key a request carries ({@code value}, none when null), how the interaction's description
     * names it, and the provider state that makes it, if any.
     */
    record Key(String value, String phrase, String state) {
    }

    /** The generated client's call of the operation, with this key or none when null. */
    @FunctionalInterface
    interface ClientCall {
        void send(MockServer mockServer, String apiKey) throws Exception;
    }

    private final String operationId;
    private final String method;
    private final String path;
    private String pathExpression;
    private final Map<String, Map<String, Object>> states = new LinkedHashMap<>();
    private Supplier<DslPart> body;
    private Key unauthorized;
    private Key forbidden;
    private ClientCall call;

    private GuardedOperation(String operationId, String method, String path) {
        this.operationId = operationId;
        this.method = method;
        this.path = path;
    }

    /** The operation as the spec names it, at this path (the example when the path comes from a provider state). */
    static GuardedOperation operation(String operationId, String method, String path) {
        return new GuardedOperation(operationId, method, path);
    }

    /** The path comes from the provider state by this expression, the uids the server made. */
    GuardedOperation pathFromProviderState(String expression) {
        this.pathExpression = expression;
        return this;
    }

    /** A provider state the request needs, whichever key it carries. */
    GuardedOperation given(String state) {
        return given(state, Map.of());
    }

    GuardedOperation given(String state, Map<String, Object> params) {
        states.put(state, params);
        return this;
    }

    /** The JSON body the request carries; made anew for each interaction. */
    GuardedOperation body(Supplier<DslPart> body) {
        this.body = body;
        return this;
    }

    /** The key the operation refuses with 401 (none, unknown, revoked) and the one of the wrong kind it refuses with 403. */
    GuardedOperation refuses(Key unauthorized, Key forbidden) {
        this.unauthorized = unauthorized;
        this.forbidden = forbidden;
        return this;
    }

    GuardedOperation call(ClientCall call) {
        this.call = call;
        return this;
    }

    Key unauthorized() {
        return unauthorized;
    }

    Key forbidden() {
        return forbidden;
    }

    /** Adds to {@code pact} the interaction of this operation sent with {@code key}, answered as {@code response} says. */
    void expect(PactBuilder pact, Key key, UnaryOperator<HttpResponseBuilder> response) {
        Map<String, Map<String, Object>> given = new LinkedHashMap<>();
        if (key.state() != null) {
            given.put(key.state(), Map.of());
        }
        states.forEach(given::putIfAbsent);
        given.forEach(pact::given);
        pact.expectsToReceiveHttpInteraction(operationId + " " + key.phrase(), http -> http
                .withRequest(request -> request(request, key))
                .willRespondWith(response::apply));
    }

    private HttpRequestBuilder request(HttpRequestBuilder request, Key key) {
        request.method(method);
        if (pathExpression == null) {
            request.path(path);
        } else {
            request.path(fromProviderState(pathExpression, path));
        }
        if (key.value() != null) {
            request.header("X-Api-Key", key.value());
        }
        if (body != null) {
            request.header("Content-Type", "application/json").body(body.get());
        }
        return request;
    }

    /**
     * The client's call with {@code key} against the mock server, which must fail as
     * {@code expectation} says; a failure names the operation and the key.
     */
    Executable refusedWith(MockServer mockServer, Key key, Consumer<ApiException> expectation) {
        return () -> {
            ApiException e = catchThrowableOfType(ApiException.class, () -> call.send(mockServer, key.value()));
            try {
                assertThat(e).as("the client's error").isNotNull();
                expectation.accept(e);
            } catch (AssertionError failure) {
                throw new AssertionError(operationId + " " + key.phrase() + ": " + failure.getMessage(), failure);
            }
        };
    }
}
