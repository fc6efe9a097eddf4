package dev.exchanger.server.ipn;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server process for the integration tests: {@code java -jar exchanger-server-exec.jar}
 * (the jar the {@code package} phase built; Failsafe passes its path as
 * {@code exchanger.server.jar}) on the test's PostgreSQL, configured through the environment
 * only, with its output in a log file under {@code target/it-logs}. It talks to the server over
 * its public HTTP API.
 */
public final class ServerProcess implements AutoCloseable {

    /** A PostgreSQL of its own for a test's servers; without fsync, as nothing in it need survive the machine's crash. */
    static EmbeddedPostgres postgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
    }

    /** An order as {@code order/create} answered it. */
    public record CreatedOrder(String id, long uid, String secret, String createdVia) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** The operator's key of every server started here. */
    private static final String ADMIN_KEY = "it-operator-key";

    final String name;
    public final int port;
    final Process process;
    final Path log;

    private ServerProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** The runnable jar under test. */
    static Path jar() {
        String path = System.getProperty("exchanger.server.jar");
        if (path == null) {
            throw new IllegalStateException("Set the system property exchanger.server.jar to the runnable server jar"
                    + " (the Failsafe configuration in server/pom.xml passes target/exchanger-server-exec.jar)");
        }
        Path jar = Path.of(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; run the package phase first");
        }
        return jar;
    }

    /**
     * Starts a server and waits until it is ready (see {@link #start} and {@link #awaitReady}),
     * on another free port if the one picked was taken meanwhile. A server that does not get
     * ready is stopped and its log printed before this throws.
     */
    static ServerProcess launch(String name, String jdbcUrl, Map<String, String> extraEnv) {
        return launch(name, jdbcUrl, extraEnv, null);
    }

    /** The same in {@code workingDirectory} (null: the test's own), where {@code ./data} is. */
    public static ServerProcess launch(String name, String jdbcUrl, Map<String, String> extraEnv, Path workingDirectory) {
        for (int attempt = 1; ; attempt++) {
            ServerProcess server = start(name, jdbcUrl, extraEnv, workingDirectory);
            try {
                return server.awaitReady();
            } catch (AssertionError | RuntimeException e) {
                server.close();
                if (attempt < 3 && server.logContains("already in use")) {
                    continue;
                }
                server.printLog();
                throw e;
            }
        }
    }

    /**
     * Starts a server on a free port and returns at once; call {@link #awaitReady()} next.
     * The IPN timings are short (poll 100 ms, backoff 200 ms, timeout 2 s) and loopback
     * receivers are allowed; {@code extraEnv} adds or overrides settings. It runs in demo mode
     * (the demo routes are the tests' fixtures); {@code jdbcUrl} null: on its embedded database.
     */
    static ServerProcess start(String name, String jdbcUrl, Map<String, String> extraEnv) {
        return start(name, jdbcUrl, extraEnv, null);
    }

    public static ServerProcess start(String name, String jdbcUrl, Map<String, String> extraEnv, Path workingDirectory) {
        int port = freePort();
        Path logs = Path.of(System.getProperty("exchanger.it.logs", "target/it-logs"));
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = logs.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: these servers start much sooner on two busy cores, and the tests need no peak speed
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString());
        Map<String, String> env = builder.environment();
        // nothing from the developer's own environment configures these servers
        env.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("EXCHANGER_") || key.startsWith("SERVER_"));
        env.put("SERVER_PORT", Integer.toString(port));
        if (jdbcUrl != null) {
            env.put("SPRING_DATASOURCE_URL", jdbcUrl);
            env.put("SPRING_DATASOURCE_USERNAME", "postgres");
            env.put("SPRING_DATASOURCE_PASSWORD", "");
        }
        env.put("EXCHANGER_MODE", "demo");
        env.put("SPRING_MAIN_BANNER_MODE", "off");
        env.put("EXCHANGER_ADMIN_API_KEY", ADMIN_KEY);
        env.put("EXCHANGER_IPN_ALLOW_PRIVATE_TARGETS", "true");
        env.put("EXCHANGER_IPN_POLL_INTERVAL", "100ms");
        env.put("EXCHANGER_IPN_BACKOFF", "200ms");
        env.put("EXCHANGER_IPN_TIMEOUT", "2s");
        env.putAll(extraEnv);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        try {
            Process process = builder.start();
            // should the test JVM itself be ended, leave no server behind
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ServerProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + String.join(" ", builder.command()), e);
        }
    }

    /** Waits (at most 150 s: this machine is shared, and two servers starting at once on two cores are slow) until {@code /actuator/health} answers UP; fails at once if the process ends. */
    public ServerProcess awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = health.statusCode() + " " + health.body();
                if (health.statusCode() == 200 && "UP".equals(JSON.readTree(health.body()).path("status").asString())) {
                    return this;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + name, e);
            }
            sleep(200);
        }
        throw new AssertionError(name + " was not UP within " + START_TIMEOUT.toSeconds() + " s (last: " + last + "); see " + log);
    }

    /** Waits for the process to end by itself; its exit value. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs after " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    /** How the server names itself in ipn_attempt.instance and claimed_by: "pid@host-random". */
    boolean isInstance(String instance) {
        return instance != null && instance.startsWith(pid() + "@");
    }

    /** POST /public/exchanger/order/create (JSON) on the demo route ETH -> WMZ with an IPN to {@code ipnUrl}. */
    public CreatedOrder createOrder(String ipnUrl, String ipnSecret) {
        return createOrder(ipnUrl, ipnSecret, null);
    }

    /** The same, with an {@code Idempotency-Key} unless it is null. */
    CreatedOrder createOrder(String ipnUrl, String ipnSecret, String idempotencyKey) {
        String body = """
                {"routeId": "5d8e5f4ab80b7b4cd75a6402", "amount": 2,
                 "toValues": [{"key": "5d8e5f4ab80b7b4cd75a6414", "value": "Z123456789012"}],
                 "routeValues": [{"key": "5d8e5f4ab80b7b4cd75a6415", "value": "client@example.com"}],
                 "ipnUrl": %s, "ipnSecret": %s}
                """.formatted(JSON.writeValueAsString(ipnUrl), JSON.writeValueAsString(ipnSecret));
        JsonNode data = idempotencyKey == null ? call("POST", "/public/exchanger/order/create", body)
                : call("POST", "/public/exchanger/order/create", body, "Idempotency-Key", idempotencyKey);
        return new CreatedOrder(data.path("_id").asString(), data.path("uid").asLong(), data.path("secret").asString(), name);
    }

    /** PUT /public/exchanger/order/update-status, the client's own change; returns the order's new status. */
    String changeStatus(CreatedOrder order, String status) {
        String body = """
                {"orderUID": %d, "orderSecret": %s, "status": %s}
                """.formatted(order.uid(), JSON.writeValueAsString(order.secret()), JSON.writeValueAsString(status));
        return call("PUT", "/public/exchanger/order/update-status", body).path("status").asString();
    }

    /** POST /admin/orders/{uid}/status, the operator's change; returns the order's new status. */
    String changeStatusByOperator(CreatedOrder order, String status) {
        String body = """
                {"status": %s}
                """.formatted(JSON.writeValueAsString(status));
        return call("POST", "/admin/orders/" + order.uid() + "/status", body, "X-Api-Key", ADMIN_KEY)
                .path("order").path("status").asString();
    }

    /** A call that must answer 200 with {@code success: true}; its {@code data}. {@code json} null: no body. */
    public JsonNode call(String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on " + name + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError(method + " " + path + " on " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        if (!answer.path("success").asBoolean(false)) {
            throw new AssertionError(method + " " + path + " on " + name + " did not succeed: " + response.body());
        }
        return answer.path("data");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * {@code kill -9}: on Linux {@link Process#destroyForcibly()} sends SIGKILL to the java
     * process itself (ProcessBuilder started it directly, no shell between), so no shutdown hook,
     * no graceful stop of the IPN dispatcher, no connection closed cleanly. Returns the exit
     * value, 137 (128 + SIGKILL 9) when the signal killed it.
     */
    public int kill9() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " (pid " + pid() + ") still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    public boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Prints the server's log (its last 400 lines) to stderr, for a failed test. */
    public void printLog() {
        System.err.println("===== " + name + " (pid " + pid() + ", port " + port + ", alive " + process.isAlive() + "): " + log + " =====");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.size() > 400 ? lines.subList(lines.size() - 400, lines.size()) : lines;
            if (tail.size() < lines.size()) {
                System.err.println("... " + (lines.size() - tail.size()) + " earlier lines in the file ...");
            }
            tail.forEach(System.err::println);
        } catch (IOException e) {
            System.err.println("(could not read the log: " + e + ")");
        }
        System.err.println("===== end of " + name + " =====");
    }

    /** Stops the server: SIGTERM, and SIGKILL if it has not ended within 15 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every server (also when one fails to close), printing their logs first if the test failed. */
    public static void closeAll(List<ServerProcess> servers, boolean printLogs) {
        List<RuntimeException> problems = new ArrayList<>();
        for (ServerProcess server : servers) {
            try {
                server.close();
            } catch (RuntimeException e) {
                problems.add(e);
            }
            if (printLogs) {
                server.printLog();
            }
        }
        if (!problems.isEmpty()) {
            RuntimeException first = problems.get(0);
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
