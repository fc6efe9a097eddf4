package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exchanger.server.web.ApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The partner's test IPN with private targets refused, as in production: the same guard as real
 * IPNs keeps it off loopback, whether the URL names the address outright (400, as at order
 * creation) or a name resolves to it (tried, refused, not delivered).
 */
class TestIpnSenderTest {

    /** A public-looking name that resolves to loopback, as a rebinding attacker's would. */
    private static final String REBINDING_NAME = "ipn.rebinding.test";

    private static IpnReceiver receiver;
    private static IpnSender sender;
    private static TestIpnSender testIpn;

    @BeforeAll
    static void start() {
        receiver = new IpnReceiver();
        IpnProperties refusePrivate = new IpnProperties(false, 7, Duration.ofSeconds(3), List.of(Duration.ofSeconds(30)),
                Duration.ofMillis(500), 4, 2, 8);
        IpnTargetGuard guard = new IpnTargetGuard(refusePrivate) {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return super.resolve(REBINDING_NAME.equals(host) ? "127.0.0.1" : host);
            }
        };
        sender = new IpnSender(refusePrivate, guard);
        testIpn = new TestIpnSender(sender, refusePrivate, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        sender.destroy();
        receiver.close();
    }

    @Test
    void aLiteralLoopbackOrLocalhostUrlIsRefusedAs400() {
        String port = receiver.url("/").replaceAll("^.*:(\\d+)/$", "$1");
        for (String url : List.of(receiver.url("/literal"), "http://localhost:" + port + "/name", "http://[::1]:" + port + "/v6",
                "http://10.0.0.7/private")) {
            assertThatThrownBy(() -> testIpn.send(url, "SECRET123", "inProgress"))
                    .as(url)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.object().getNameField()).isEqualTo("ipnUrl");
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
        assertThat(sent.error()).contains("not a public address").doesNotContain("SECRET123");
        assertThat(receiver.received()).isEmpty();
    }
}
