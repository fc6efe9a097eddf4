package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.OutsideTools;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server as the operations guide runs it in production: the jar, on its PostgreSQL, with
 * forwarded headers on ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}), JSON logs and the
 * access log, behind Debian's nginx with the guide's site file ({@code docs/ops/nginx-exchanger.conf})
 * serving https on loopback with a certificate this test makes. Through nginx, {@code paymentUrl}
 * and the spec's {@code servers} (what Swagger UI's "Try it out" calls) are the public https
 * address; the metrics are not reachable through nginx, and on the instance only with the
 * operator's key; the log is JSON, each request's lines carry its id, and no secret is in it.
 * Without nginx or openssl the test is skipped with a notice (it fails under
 * {@code -Dexchanger.tools.required=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehindNginxIT {

    private static final String OPERATOR_KEY = "nginx-it-operator-key-0123456789";
    private static final JsonMapper JSON = JsonMapper.shared();

    private Path dir;
    private EmbeddedPostgres postgres;
    private ServerProcess server;
    private Process nginx;
    private int publicPort;
    private HttpClient https;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startServerAndNginx() throws Exception {
        Path nginxBinary = OutsideTools.require("nginx", "apt-get install nginx", "/usr/sbin/nginx", "/usr/bin/nginx");
        Path openssl = OutsideTools.require("openssl", "apt-get install openssl", "/usr/bin/openssl");
        dir = Files.createTempDirectory("exchanger-nginx-");
        run(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost", "-keyout", dir.resolve("privkey.pem").toString(),
                "-out", dir.resolve("fullchain.pem").toString());
        https = HttpClient.newBuilder().sslContext(trusting(dir.resolve("fullchain.pem"))).build();

        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        server = ServerProcess.launch("behind-nginx", postgres.getJdbcUrl("postgres", "postgres"), Map.of(
                "SERVER_FORWARD_HEADERS_STRATEGY", "native",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                "EXCHANGER_ACCESS_LOG", "true",
                "EXCHANGER_ADMIN_API_KEY", OPERATOR_KEY));

        publicPort = freePort();
        String site = Files.readString(Path.of("../docs/ops/nginx-exchanger.conf"));
        site = replace(site, "server 127.0.0.1:8080;", "server 127.0.0.1:" + server.port + ";");
        site = replace(site, "listen 443 ssl;", "listen 127.0.0.1:" + publicPort + " ssl;");
        site = replace(site, "server_name exchanger.example;", "server_name localhost;");
        site = replace(site, "/etc/ssl/exchanger/", dir + "/");
        Files.writeString(dir.resolve("exchanger.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/exchanger.conf;
                }
                """.formatted(dir));
        nginx = new ProcessBuilder(nginxBinary.toString(), "-e", dir.resolve("error.log").toString(), "-p", dir.toString(),
                "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        awaitListening(publicPort);
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy(); // SIGTERM to nginx's master, by its own PID: it stops its worker and exits
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private String publicBase() {
        return "https://localhost:" + publicPort;
    }

    private HttpResponse<String> viaNginx(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(publicBase() + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode createOrderViaNginx() throws Exception {
        HttpResponse<String> created = viaNginx("POST", "/public/exchanger/order/create", """
                {"routeId": "5d8e5f4ab80b7b4cd75a6402", "amount": 2,
                 "toValues": [{"key": "5d8e5f4ab80b7b4cd75a6414", "value": "Z123456789012"}],
                 "routeValues": [{"key": "5d8e5f4ab80b7b4cd75a6415", "value": "client@example.com"}]}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return JSON.readTree(created.body()).path("data");
    }

    @Test
    void paymentUrlAndOrderUrlAreThePublicHttpsAddress() throws Exception {
        JsonNode order = createOrderViaNginx();

        String page = "/" + order.path("uid").asLong() + "/" + order.path("secret").asString();
        assertThat(order.path("paymentUrl").asString()).isEqualTo(publicBase() + "/en/payment" + page);
        assertThat(order.path("orderUrl").asString()).isEqualTo(publicBase() + "/en/order" + page);
        assertThat(viaNginx("GET", "/en/payment" + page, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theSpecThatSwaggerUiLoadsNamesThePublicServer() throws Exception {
        HttpResponse<String> config = viaNginx("GET", "/v3/api-docs/swagger-config", null);
        assertThat(config.statusCode()).isEqualTo(200);
        String specPath = JSON.readTree(config.body()).path("url").asString();
        assertThat(specPath).isEqualTo("/openapi.yaml");
        assertThat(viaNginx("GET", "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);

        // Swagger UI fetches the spec from the page's own origin and calls servers[0]
        HttpResponse<String> spec = viaNginx("GET", specPath, null);

        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("servers:\n  - url: " + publicBase() + "\n");
    }

    @Test
    void theMetricsAreNotBehindNginxAndOnTheInstanceOnlyWithTheOperatorsKey() throws Exception {
        createOrderViaNginx();

        assertThat(viaNginx("GET", "/actuator/prometheus", null, "Authorization", "Bearer " + OPERATOR_KEY).statusCode())
                .isEqualTo(404);
        URI metrics = URI.create("http://127.0.0.1:" + server.port + "/actuator/prometheus");
        assertThat(http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(metrics).header("Authorization", "Bearer " + OPERATOR_KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("(?m)^exchanger_orders_create_total\\{error=\"none\",outcome=\"created\",route=\"5d8e5f4ab80b7b4cd75a6402\"} [1-9]")
                .contains("exchanger_ipn_due ", "exchanger_ipn_attempt_latency_seconds_bucket", "exchanger_ipn_deliveries_total");
    }

    @Test
    void theLogIsJsonWithEachRequestsIdAndNoSecret() throws Exception {
        JsonNode order = createOrderViaNginx();
        long uid = order.path("uid").asLong();
        String secret = order.path("secret").asString();
        HttpResponse<String> page = viaNginx("GET", "/en/payment/" + uid + "/" + secret, null);
        HttpResponse<String> read = viaNginx("GET", "/public/exchanger/order/get?orderUID=" + uid + "&orderSecret=" + secret, null);
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/admin/orders/" + uid))
                .header("X-Api-Key", OPERATOR_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(List.of(page.statusCode(), read.statusCode(), admin.statusCode())).containsOnly(200);
        // nginx's $request_id (32 hex digits) is the request's id in the exchanger
        String pageId = page.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(pageId).matches("[0-9a-f]{32}");

        List<String> lines = awaitLogLine("/public/exchanger/order/get?orderUID=" + uid);
        String log = String.join("\n", lines);
        assertThat(log).doesNotContain(secret).doesNotContain(OPERATOR_KEY);
        for (String line : lines) {
            if (line.startsWith("{")) {
                JSON.readTree(line); // every line the application writes is one JSON object
            }
        }
        JsonNode pageLine = accessLine(lines, "GET /en/payment/" + uid + "/**** 200");
        assertThat(pageLine.path("requestId").asString()).isEqualTo(pageId);
        assertThat(accessLine(lines, "GET /public/exchanger/order/get?orderUID=" + uid + "&orderSecret=**** 200")
                .path("requestId").asString()).isEqualTo(read.headers().firstValue("X-Request-Id").orElseThrow());
        accessLine(lines, "GET /admin/orders/" + uid + " 200");
    }

    private JsonNode accessLine(List<String> lines, String start) {
        return lines.stream().filter(line -> line.startsWith("{")).map(JSON::readTree)
                .filter(line -> "dev.exchanger.access".equals(line.path("log").path("logger").asString()))
                .filter(line -> line.path("message").asString().startsWith(start))
                .findFirst().orElseThrow(() -> new AssertionError("no access log line starting " + start + " in " + server.log));
    }

    /** The server's log, once it holds a line with {@code text} (the access line is written as the answer completes). */
    private List<String> awaitLogLine(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines;
        do {
            lines = Files.readAllLines(server.log, StandardCharsets.UTF_8);
            if (lines.stream().anyMatch(line -> line.contains(text))) {
                return lines;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no log line with " + text + " in " + server.log);
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).as("docs/ops/nginx-exchanger.conf has " + from).contains(from);
        return text.replace(from, to);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            assertThat(nginx.isAlive()).as("nginx exited: " + Files.readString(dir.resolve("nginx.out"))
                    + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "")).isTrue();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not listen on " + port + " within 20 s");
    }
}
