package dev.exchanger.contract.consumer;

import au.com.dius.pact.consumer.MockServer;
import dev.exchanger.client.ApiClient;
import dev.exchanger.client.ApiException;
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

    /** The error envelope of a failed call, read with the client's own mapper. */
    static ErrorResponse envelope(ApiException e) {
        return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), ErrorResponse.class);
    }
}
