package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Slow and greedy clients over real sockets: bodies that arrive a byte at a time, or never
 * whole, hold no worker thread and are cut off with 408; 250 of them at once leave the API
 * answering everyone else at once; one address cannot have more than its share of requests in
 * progress. The slow clients connect from other loopback addresses (127.0.0.2 and up) than the
 * probe (127.0.0.1), as they would from other machines.
 */
@TestPropertySource(properties = {"exchanger.web.body-timeout=5s", "exchanger.web.max-requests-per-address=40"})
class SlowClientsTest extends ApiTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final String PARTIAL_CREATE = "{\"routeId\": \"" + ETH_WMZ + "\", \"amount\": 2, ";

    /** A client that sent its headers, declaring a body of 400 bytes, and only the first few bytes of it. */
    private Socket slowClient(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + CREATE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 400\r\n\r\n" + PARTIAL_CREATE).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The status line's code of what the server answers on this socket, reading at most {@code waitMillis}. */
    private static int status(Socket socket, int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && head.size() < 12) {
                head.write(b);
            }
        } catch (SocketTimeoutException e) {
            return -1;
        }
        String line = head.toString(StandardCharsets.US_ASCII);
        return line.startsWith("HTTP/1.1 ") && line.length() >= 12 ? Integer.parseInt(line.substring(9, 12)) : -1;
    }

    /** A create and a route list over HTTP from 127.0.0.1, each timed; the slower one's milliseconds. */
    private long probe() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri(CREATE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(ethToWmz())))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        long create = System.nanoTime() - start;
        start = System.nanoTime();
        HttpResponse<String> routes = http.send(HttpRequest.newBuilder(uri("/public/exchanger/route/get"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(routes.statusCode()).isEqualTo(200);
        return Math.max(create, System.nanoTime() - start) / 1_000_000;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void aBodyShorterThanItsLengthIsCutOffWith408() throws Exception {
        try (Socket socket = slowClient("127.0.0.2")) {
            long start = System.nanoTime();
            int status = status(socket, 12_000);
            long waited = (System.nanoTime() - start) / 1_000_000;

            assertThat(status).isEqualTo(408);
            assertThat(waited).isBetween(4_000L, 9_000L);
        }
    }

    @Test
    void aBodyDrippedAByteASecondIsCutOffWith408() throws Exception {
        try (Socket socket = slowClient("127.0.0.3")) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            int status = -1;
            while (status < 0 && System.nanoTime() - start < 12_000_000_000L) {
                out.write(' ');
                out.flush();
                status = status(socket, 1000);
            }
            long waited = (System.nanoTime() - start) / 1_000_000;

            assertThat(status).isEqualTo(408);
            assertThat(waited).isBetween(4_000L, 9_000L);
        }
    }

    @Test
    void twoHundredFiftySlowClientsLeaveTheApiAnsweringOthersAtOnce() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // more than Tomcat's 200 worker threads, spread so that no address passes its bound
            for (int i = 0; i < 250; i++) {
                slow.add(slowClient("127.0.1." + (1 + i % 10)));
            }
            long slowest = 0;
            for (int i = 0; i < 5; i++) {
                slowest = Math.max(slowest, probe());
            }
            assertThat(slowest).as("slowest probe, ms").isLessThan(1000);
            // they were all still waiting, holding no thread, while the probes were answered
            long open = slow.stream().filter(socket -> {
                try {
                    return status(socket, 1) == -1;
                } catch (IOException e) {
                    return false;
                }
            }).count();
            assertThat(open).isEqualTo(250);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void oneAddressHasAtMostItsShareOfRequestsInProgress() throws Exception {
        List<Socket> greedy = new ArrayList<>();
        try {
            for (int i = 0; i < 45; i++) {
                greedy.add(slowClient("127.0.2.1"));
            }
            int refused = 0;
            for (Socket socket : greedy) {
                if (status(socket, 200) == 429) {
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(5);
            assertThat(probe()).isLessThan(1000);
        } finally {
            for (Socket socket : greedy) {
                socket.close();
            }
        }
    }
}
