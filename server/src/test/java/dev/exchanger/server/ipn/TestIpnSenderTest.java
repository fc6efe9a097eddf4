package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/**
 * The partner's test IPN: with private targets refused, as in production, the same guard as real
 * IPNs keeps it off loopback, whether the URL names the address outright (400, as at order
 * creation) or a name resolves to it (tried, refused, not delivered); and whatever goes wrong is
 * said in words a merchant understands, never in Java's.
 */
class TestIpnSenderTest {

    /** A public-looking name that resolves to loopback, as a rebinding attacker's would. */
    private static final String REBINDING_NAME = "ipn.rebinding.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static IpnReceiver receiver;
    private static IpnReceiver localReceiver;
    private static IpnSender sender;
    private static TestIpnSender testIpn;
    /** As in development and tests: loopback allowed, so that a receiver here can fail in every way. */
    private static IpnSender localSender;
    private static TestIpnSender localTestIpn;

    @BeforeAll
    static void start() {
        receiver = new IpnReceiver();
        localReceiver = new IpnReceiver();
        IpnProperties refusePrivate = properties(false);
        IpnTargetGuard guard = new IpnTargetGuard(refusePrivate) {
            @Override
            protected InetAddress[] lookUp(String name) throws UnknownHostException {
                return REBINDING_NAME.equals(name)
                        ? new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})} : super.lookUp(name);
            }
        };
        sender = new IpnSender(refusePrivate, guard, Clock.systemUTC());
        testIpn = new TestIpnSender(sender, refusePrivate, Clock.systemUTC());
        IpnProperties allowPrivate = properties(true);
        localSender = new IpnSender(allowPrivate, new IpnTargetGuard(allowPrivate), Clock.systemUTC());
        localTestIpn = new TestIpnSender(localSender, allowPrivate, Clock.systemUTC());
    }

    private static IpnProperties properties(boolean allowPrivate) {
        return new IpnProperties(allowPrivate, 7, TIMEOUT, List.of(Duration.ofSeconds(30)), Duration.ofMillis(500), 4, 2, 8);
    }

    @AfterAll
    static void stop() throws Exception {
        sender.destroy();
        localSender.destroy();
        receiver.close();
        localReceiver.close();
    }

    private static AbstractStringAssert<?> assertInWords(String text) {
        return assertThat(text).isNotBlank().doesNotContain("Exception").doesNotContain("java.")
                .doesNotContain(".java").doesNotContain("org.apache").doesNotContain("SECRET123");
    }

    @Test
    void aLiteralLoopbackOrLocalhostUrlIsRefusedAs400SayingWhy() {
        String port = receiver.url("/").replaceAll("^.*:(\\d+)/$", "$1");
        for (List<String> refused : List.of(
                List.of(receiver.url("/literal"), "the IPN URL's host 127.0.0.1 is a loopback address (RFC 1122)"),
                List.of("http://localhost:" + port + "/name", "the IPN URL's host localhost is this server (a loopback name)"),
                List.of("http://[::1]:" + port + "/v6", "the IPN URL's host [::1] is a loopback address (RFC 4291)"),
                List.of("http://10.0.0.7/private", "the IPN URL's host 10.0.0.7 is a private address (RFC 1918)"),
                List.of("http://[2002:7f00:1::]/", "the IPN URL's host [2002:7f00:1::] is a 6to4 address (RFC 3056)"
                        + " embedding 127.0.0.1, a loopback address (RFC 1122)"),
                List.of("http://0177.0.0.1:" + port + "/octal", "the host 0177.0.0.1 looks like an IP address but is not"
                        + " written in dotted-decimal"))) {
            assertThatThrownBy(() -> testIpn.send(refused.get(0), "SECRET123", "inProgress"))
                    .as(refused.get(0))
                    .isInstanceOfSatisfying(InvalidParam.class, refusal -> {
                        ApiException e = ApiException.of(refusal);
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.object().getNameField()).isEqualTo("ipnUrl");
                        assertInWords(e.getMessage()).startsWith("Param ipnUrl isn't valid: " + refused.get(1));
                    });
        }
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aNameThatResolvesToLoopbackIsTriedAndRefusedWithoutReachingIt() {
        String url = receiver.url("/rebound").replace("127.0.0.1", REBINDING_NAME);

        TestIpnSender.Sent sent = testIpn.send(url, "SECRET123", "inProgress");

        assertThat(sent.delivered()).isFalse();
        assertThat(sent.httpStatus()).isNull();
        assertInWords(sent.error())
                .isEqualTo("the IPN URL's host ipn.rebinding.test resolves to 127.0.0.1, which is a loopback address (RFC 1122)");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        TestIpnSender.Sent sent = localTestIpn.send("http://127.0.0.1:" + closedPort + "/ipn", "SECRET123", "inProgress");

        assertThat(sent.delivered()).isFalse();
        assertInWords(sent.error()).isEqualTo("connection refused");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeTimesOutInSeconds() {
        TestIpnSender.Sent sent = localTestIpn.send(localReceiver.url("/hang-test-ipn"), "SECRET123", "inProgress");

        assertThat(sent.delivered()).isFalse();
        assertInWords(sent.error()).isEqualTo("timed out after 3 s");
    }

    @Test
    void anHttpsUrlToAPlainHttpReceiverIsAFailedTlsHandshake() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    // the test is over
                }
            });
            answer.start();

            TestIpnSender.Sent sent = localTestIpn.send("https://127.0.0.1:" + plain.getLocalPort() + "/ipn", "SECRET123", "inProgress");

            assertThat(sent.delivered()).isFalse();
            assertInWords(sent.error()).isEqualTo("TLS handshake failed");
        }
    }

    @Test
    void aSelfSignedCertificateIsNotTrusted(@TempDir Path dir) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            TestIpnSender.Sent sent = localTestIpn.send("https://127.0.0.1:" + server.getAddress().getPort() + "/ipn",
                    "SECRET123", "inProgress");

            assertThat(sent.delivered()).isFalse();
            assertInWords(sent.error()).isEqualTo("TLS handshake failed: certificate not trusted");
        } finally {
            server.stop(0);
        }
    }

    /** A TLS context with a fresh self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static SSLContext selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("receiver.p12");
        char[] password = "receiver".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "receiver", "-keypass", "receiver")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }
}
