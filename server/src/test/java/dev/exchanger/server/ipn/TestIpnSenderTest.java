package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exchanger.server.web.ApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
    private static IpnSender sender;
    private static TestIpnSender testIpn;

    @BeforeAll
    static void start() {
        receiver = new IpnReceiver();
        IpnProperties refusePrivate = properties(false);
        IpnTargetGuard guard = new IpnTargetGuard(refusePrivate) {
            @Override
            protected InetAddress[] lookUp(String name) throws UnknownHostException {
                return REBINDING_NAME.equals(name)
                        ? new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})} : super.lookUp(name);
            }
        };
        sender = new IpnSender(refusePrivate, guard);
        testIpn = new TestIpnSender(sender, refusePrivate, Clock.systemUTC());
    }

    private static IpnProperties properties(boolean allowPrivate) {
        return new IpnProperties(allowPrivate, 7, TIMEOUT, List.of(Duration.ofSeconds(30)), Duration.ofMillis(500), 4, 2, 8);
    }

    @AfterAll
    static void stop() throws Exception {
        sender.destroy();
        receiver.close();
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
                    .isInstanceOfSatisfying(ApiException.class, e -> {
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
        assertThat(sent.error())
                .contains("the IPN URL's host ipn.rebinding.test resolves to 127.0.0.1, which is a loopback address (RFC 1122)");
        assertThat(receiver.received()).isEmpty();
    }
}
