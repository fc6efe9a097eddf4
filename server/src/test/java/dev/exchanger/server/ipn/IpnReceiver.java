package dev.exchanger.server.ipn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An IPN receiver on 127.0.0.1 for the integration tests (a JDK HttpServer, as in
 * {@link IpnDeliveryTest}) that records every request. Until {@link #acceptAll()} is called,
 * {@code /hang...} holds the request without answering (until {@link #close()}, at most two
 * minutes) and {@code /unavailable...} answers 503; every other path, and every path after
 * {@code acceptAll()}, answers 200 at once. The hosted pages' browser test uses it too. A test
 * class can hold one in a {@code @RegisterExtension} static field, which closes it after the class.
 */
public final class IpnReceiver implements AutoCloseable, AfterAllCallback {

    /** One request as it arrived, and what it was answered (0: not answered). */
    public record Received(String path, String webhookId, String body, long atMillis, int answeredWith) {
        public Map<String, String> form() {
            return IpnReceiver.form(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = daemonThreads("ipn-receiver");
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean acceptAll;

    public IpnReceiver() {
        server = serve(this::handle, threads);
    }

    /** Threads for a receiver's requests, as many as come at once, that do not keep the JVM alive. */
    public static ExecutorService daemonThreads(String name) {
        return Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A JDK HttpServer on 127.0.0.1 and a free port, serving every path with {@code handler} on {@code threads}. */
    public static HttpServer serve(HttpHandler handler, ExecutorService threads) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    /** The fields of a form body, in the order they came. */
    public static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** The request's body as UTF-8 text. */
    public static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = body(exchange);
            String path = exchange.getRequestURI().getPath();
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            long at = System.currentTimeMillis();
            int status = 200;
            if (!acceptAll && path.startsWith("/hang")) {
                received.add(new Received(path, webhookId, body, at, 0));
                try {
                    released.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (!acceptAll && path.startsWith("/unavailable")) {
                status = 503;
            }
            received.add(new Received(path, webhookId, body, at, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** From now on every request is answered 200 at once. */
    IpnReceiver acceptAll() {
        acceptAll = true;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    List<Received> received(String webhookId) {
        return received.stream().filter(r -> webhookId.equals(r.webhookId())).toList();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
