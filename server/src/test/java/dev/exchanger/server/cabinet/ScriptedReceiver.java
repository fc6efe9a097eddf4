package dev.exchanger.server.cabinet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.exchanger.server.ipn.IpnReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An IPN receiver on 127.0.0.1 whose answers each test scripts per path: a queue of statuses
 * to answer first, then a status to answer from then on (200 unless set). It records every
 * request with its headers.
 */
final class ScriptedReceiver implements AutoCloseable, AfterAllCallback {

    record Received(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        Map<String, String> form() {
            return IpnReceiver.form(body);
        }

        /** The IPN's {@code hash}, computed here from the posted fields and the secret as the spec says. */
        String expectedHash(String ipnSecret) throws Exception {
            Map<String, String> form = form();
            return sha256Hex(String.join(":", form.get("orderId"), form.get("newStatus"), form.get("inAmount"),
                    form.get("outAmount"), form.get("xml_from"), form.get("xml_to"), form.get("timestamp"), ipnSecret));
        }

        /** The Standard Webhooks signature of this request, computed here with the secret. */
        String expectedSignature(String ipnSecret) throws Exception {
            return "v1," + hmacBase64(header("webhook-id") + "." + header("webhook-timestamp") + "." + body, ipnSecret);
        }
    }

    static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hmacBase64(String text, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private final HttpServer server;
    private final ExecutorService threads = IpnReceiver.daemonThreads("cabinet-receiver");
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> firstAnswers = new ConcurrentHashMap<>();
    private final Map<String, Integer> thenAnswer = new ConcurrentHashMap<>();
    private final Map<String, Long> slowOnceMillis = new ConcurrentHashMap<>();

    ScriptedReceiver() {
        server = IpnReceiver.serve(this::handle, threads);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = IpnReceiver.body(exchange);
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            int status;
            synchronized (this) {
                Deque<Integer> first = firstAnswers.get(path);
                Integer next = first == null ? null : first.poll();
                status = next != null ? next : thenAnswer.getOrDefault(path, 200);
            }
            received.add(new Received(path, headers, body));
            Long slow = slowOnceMillis.remove(path);
            if (slow != null) {
                try {
                    Thread.sleep(slow);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** {@code path} answers these statuses first, one per request, then 200 (or what {@link #answer} sets). */
    synchronized ScriptedReceiver first(String path, Integer... statuses) {
        firstAnswers.put(path, new ArrayDeque<>(List.of(statuses)));
        return this;
    }

    /** {@code path} answers this status from now on (after any scripted first answers). */
    ScriptedReceiver answer(String path, int status) {
        thenAnswer.put(path, status);
        return this;
    }

    /** The next request to {@code path} is recorded at once but answered only after this many milliseconds. */
    ScriptedReceiver slowOnce(String path, long millis) {
        slowOnceMillis.put(path, millis);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** As a test class's {@code @RegisterExtension}: stopped after its last test. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
