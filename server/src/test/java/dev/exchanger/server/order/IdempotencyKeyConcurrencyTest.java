package dev.exchanger.server.order;

import static dev.exchanger.server.order.IdempotencyKeyTest.KEY;
import static dev.exchanger.server.order.IdempotencyKeyTest.REPLAYED;
import static dev.exchanger.server.order.IdempotencyKeyTest.marked;
import static dev.exchanger.server.order.IdempotencyKeyTest.newIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

/**
 * Repeats with one {@code Idempotency-Key} fired at the same moment over real HTTP (the
 * servlet container's threads, the connection pool, PostgreSQL's locks): one order, whatever
 * the interleaving.
 */
class IdempotencyKeyConcurrencyTest extends ApiTest {

    private static final int REQUESTS = 16;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @RepeatedTest(3)
    void identicalRequestsAtTheSameMomentCreateOneOrder() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> body = marked();

        List<Answer> answers = fireAtOnce(key, List.of(json(body)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body().toString()).isEqualTo(200));
        assertThat(answers).extracting(a -> a.body().path("data").path("uid").asLong()).containsOnly(answers.get(0).body().path("data").path("uid").asLong());
        assertThat(answers).extracting(a -> a.body().path("data").path("secret").asString()).containsOnly(answers.get(0).body().path("data").path("secret").asString());
        assertThat(answers).filteredOn(Answer::replayed).hasSize(REQUESTS - 1);
        assertThat(count("select count(*) from exchange_order where email = ?", body.get("email"))).isEqualTo(1);
        assertThat(count("select count(*) from idempotency_key where idem_key = ?", key)).isEqualTo(1);
    }

    @RepeatedTest(3)
    void twoBodiesUnderOneKeyAtTheSameMomentNeverCreateTwoOrders() throws Exception {
        String key = newIdempotencyKey();
        Map<String, Object> one = marked();
        Map<String, Object> other = marked();

        List<Answer> answers = fireAtOnce(key, List.of(json(one), json(other)));

        long created = count("select count(*) from exchange_order where email in (?, ?)", one.get("email"), other.get("email"));
        assertThat(created).isEqualTo(1);
        String winner = jdbc.queryForObject("select email from exchange_order where email in (?, ?)", String.class,
                one.get("email"), other.get("email"));
        List<Answer> won = answers.stream().filter(a -> a.sentBody().contains(winner)).toList();
        List<Answer> lost = answers.stream().filter(a -> !a.sentBody().contains(winner)).toList();
        assertThat(won).hasSize(REQUESTS / 2).allSatisfy(a -> assertThat(a.status()).as(a.body().toString()).isEqualTo(200));
        assertThat(won).filteredOn(a -> !a.replayed()).hasSize(1);
        assertThat(won).extracting(a -> a.body().path("data").path("uid").asLong()).containsOnly(won.get(0).body().path("data").path("uid").asLong());
        assertThat(lost).hasSize(REQUESTS / 2).allSatisfy(a -> {
            assertThat(a.status()).as(a.body().toString()).isEqualTo(409);
            assertThat(a.body().path("error").path("errorCode").asInt()).isEqualTo(3002);
        });
    }

    /** {@link #REQUESTS} requests with this key, the bodies taken in turn, released together. */
    private List<Answer> fireAtOnce(String key, List<String> bodies) throws Exception {
        CountDownLatch ready = new CountDownLatch(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String body = bodies.get(i % bodies.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + CREATE))
                    .header("Content-Type", "application/json")
                    .header(KEY, key)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            futures.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(body, response.statusCode(), JSON.readTree(response.body()),
                        response.headers().firstValue(REPLAYED).map("true"::equals).orElse(false));
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).as("every thread ready").isTrue();
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private record Answer(String sentBody, int status, JsonNode body, boolean replayed) {
    }
}
