package dev.exchanger.contract.consumer;

import au.com.dius.pact.consumer.MockServer;
import dev.exchanger.client.ApiClient;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.api.AdminApi;
import dev.exchanger.client.api.OrdersApi;
import dev.exchanger.client.api.RoutesApi;
import dev.exchanger.client.model.ErrorResponse;

/** The generated client pointed at the Pact mock server, the way a partner points it at us. */
final class ConsumerClients {

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
     * The operator's API with this key in {@code X-Api-Key}, or with no key when null. The native
     * client does not apply the spec's security schemes, so the key goes on every request through
     * the client's request interceptor, which must be set before the {@code AdminApi} is made (it
     * reads the interceptor once).
     */
    static AdminApi admin(MockServer mockServer, String apiKey) {
        ApiClient client = client(mockServer);
        if (apiKey != null) {
            client.setRequestInterceptor(request -> request.header("X-Api-Key", apiKey));
        }
        return new AdminApi(client);
    }

    /** The error envelope of a failed call, read with the client's own mapper. */
    static ErrorResponse envelope(ApiException e) {
        return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), ErrorResponse.class);
    }
}
