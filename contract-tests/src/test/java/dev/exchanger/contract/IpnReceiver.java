package dev.exchanger.contract;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A merchant's IPN endpoint on loopback: keeps every IPN posted to {@link #url()} as it came
 * (headers, raw body) and answers 200.
 */
public final class IpnReceiver implements AutoCloseable {

    /** One IPN as received: header names in lower case, the body byte for byte. */
    public record Received(Map<String, String> headers, String body) {

        /** The body's form fields, URL-decoded. */
        public Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public IpnReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ipn", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ipn";
    }

    /** The first IPN, waiting for it up to 15 seconds. */
    public Received first() {
        await().atMost(Duration.ofSeconds(15)).until(() -> !received.isEmpty());
        return received.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
