package dev.exchanger.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.exchanger.client.ApiClient;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.api.RoutesApi;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key reaches the server in X-Api-Key, after any interceptor the client had, on every request. */
class ApiKeysTest {

    private HttpServer server;
    private final List<List<String>> keys = new CopyOnWriteArrayList<>();
    private final List<List<String>> traces = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            keys.add(exchange.getRequestHeaders().getOrDefault("X-Api-Key", List.of()));
            traces.add(exchange.getRequestHeaders().getOrDefault("X-Trace", List.of()));
            byte[] body = "{\"success\":false,\"error\":{\"message\":\"Route not found\",\"errorType\":\"NotFoundError\",\"errorCode\":2002},\"requestId\":\"r\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyRequestCarriesTheKeyAfterTheClientsOwnInterceptor() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + server.getAddress().getPort());
        client.setRequestInterceptor(request -> request.header("X-Trace", "t-1").header("X-Api-Key", "stale"));
        RoutesApi routes = new RoutesApi(ApiKeys.send(client, "exk_3Xv9Qa1LbT7mKp2Wq9sZ4nE8rY6uA1cD5fG0hJ3k"));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> routes.getRoute("5d8e5f4ab80b7b4cd75a6402"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        }

        assertThat(keys).containsExactly(
                List.of("exk_3Xv9Qa1LbT7mKp2Wq9sZ4nE8rY6uA1cD5fG0hJ3k"), List.of("exk_3Xv9Qa1LbT7mKp2Wq9sZ4nE8rY6uA1cD5fG0hJ3k"));
        assertThat(traces).containsExactly(List.of("t-1"), List.of("t-1"));
    }

    @Test
    void aMissingKeyIsRefusedAtOnce() {
        assertThatThrownBy(() -> ApiKeys.send(new ApiClient(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeys.send(new ApiClient(), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
