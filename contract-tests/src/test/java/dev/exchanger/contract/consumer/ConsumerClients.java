package dev.exchanger.contract.consumer;

import au.com.dius.pact.consumer.MockServer;
import dev.exchanger.client.ApiClient;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.auth.ApiKeys;
import dev.exchanger.client.api.AdminApi;
import dev.exchanger.client.api.CabinetApi;
import dev.exchanger.client.api.OrdersApi;
import dev.exchanger.client.api.PartnersApi;
import dev.exchanger.client.api.RoutesApi;
import dev.exchanger.client.model.ErrorResponse;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;

/** The generated client pointed at the Pact mock server, the way a partner points it at us. */
final class ConsumerClients {

    /** The client's own mapper, but refusing fields its model does not have. */
    private static final ObjectMapper STRICT = ApiClient.createDefaultObjectMapper().rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConsumerClients() {
    }

    static ApiClient client(MockServer mockServer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(mockServer.getUrl());
        return client;
    }

    static OrdersApi orders(MockServer mockServer) {
        return new OrdersApi(client(mockServer));
    }

    static RoutesApi routes(MockServer mockServer) {
        return new RoutesApi(client(mockServer));
    }

    /**
     * The order calls with this key in {@code X-Api-Key} (a partner's: the order is the partner's),
     * or with no key when null.
     */
    static OrdersApi orders(MockServer mockServer, String apiKey) {
        return new OrdersApi(withKey(client(mockServer), apiKey));
    }

    /**
     * The operator's API with this key in {@code X-Api-Key}, or with no key when null. The answers
     * are read strictly: a field the client's model does not have (an order's {@code secret},
     * {@code paymentUrl} or {@code orderUrl}, which {@code OrderView} leaves out) fails the call.
     */
    static AdminApi admin(MockServer mockServer, String apiKey) {
        ApiClient client = withKey(client(mockServer), apiKey);
        client.setObjectMapper(STRICT);
        return new AdminApi(client);
    }

    /** The operator's management of partners and their keys, with this key, or none when null. */
    static PartnersApi partners(MockServer mockServer, String apiKey) {
        ApiClient client = withKey(client(mockServer), apiKey);
        client.setObjectMapper(STRICT);
        return new PartnersApi(client);
    }

    /** A partner's cabinet with this key, or with no key when null. */
    static CabinetApi cabinet(MockServer mockServer, String apiKey) {
        return new CabinetApi(withKey(client(mockServer), apiKey));
    }

    /**
     * The key goes on every request through the client module's {@link ApiKeys}, as a partner
     * would send it: the native client does not apply the spec's security schemes, and an API
     * object reads the interceptor (and the mapper) once, when it is made, so both are set before it.
     */
    private static ApiClient withKey(ApiClient client, String apiKey) {
        return apiKey == null ? client : ApiKeys.send(client, apiKey);
    }

    /** The error envelope of a failed call, read with the client's own mapper. */
    static ErrorResponse envelope(ApiException e) {
        return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), ErrorResponse.class);
    }
}
