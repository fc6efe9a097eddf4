package dev.exchanger.client.auth;

import dev.exchanger.client.ApiClient;
import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends an API key in {@code X-Api-Key}: a partner's key for the cabinet and for orders that are
 * to be the partner's, the operator's key for the admin API. The generated client does not apply
 * the spec's {@code ApiKeyAuth} scheme itself (the native library has no authentication
 * support), so the key goes on every request through the client's request interceptor.
 *
 * <p>Call it before making the API objects ({@code OrdersApi}, {@code CabinetApi}...): they copy
 * the client's interceptor when they are constructed.
 *
 * <pre>{@code
 * ApiClient client = new ApiClient();
 * client.updateBaseUri("https://exchanger.example");
 * CabinetApi cabinet = new CabinetApi(ApiKeys.send(client, System.getenv("EXCHANGER_API_KEY")));
 * }</pre>
 */
public final class ApiKeys {

    /** The header the spec's {@code ApiKeyAuth} scheme names. */
    public static final String HEADER = "X-Api-Key";

    private ApiKeys() {
    }

    /**
     * Makes {@code client} send {@code apiKey} on every request, after whatever request
     * interceptor it already had.
     *
     * @return the same client
     */
    public static ApiClient send(ApiClient client, String apiKey) {
        Objects.requireNonNull(client, "client");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("An API key is required (X-Api-Key)");
        }
        Consumer<HttpRequest.Builder> before = client.getRequestInterceptor();
        client.setRequestInterceptor(request -> {
            if (before != null) {
                before.accept(request);
            }
            request.setHeader(HEADER, apiKey);
        });
        return client;
    }
}
