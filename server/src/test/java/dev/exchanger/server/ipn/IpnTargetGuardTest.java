package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exchanger.server.support.NetworkAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpnTargetGuardTest {

    private static IpnProperties properties(boolean allowPrivate) {
        return new IpnProperties(allowPrivate, 7, Duration.ofSeconds(10), List.of(Duration.ofSeconds(30)),
                Duration.ofMillis(500), 32, 4, 64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe"})
    void classifiesInternalAddresses(String address) throws Exception {
        assertThat(NetworkAddresses.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "193.0.14.129",
            "2a00:1450:4001:81b::200e", "2001:4860:4860::8888"})
    void classifiesPublicAddresses(String address) throws Exception {
        assertThat(NetworkAddresses.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "2130706433", "10.0.0.7"})
    void refusesToResolveInternalTargetsWhenPrivateTargetsAreOff(String host) {
        IpnTargetGuard guard = new IpnTargetGuard(properties(false));

        assertThatThrownBy(() -> guard.resolve(host))
                .isInstanceOf(IpnTargetGuard.RefusedTargetException.class)
                .hasMessageContaining("not a public address");
    }

    @Test
    void resolvesLoopbackWhenPrivateTargetsAreAllowed() throws Exception {
        IpnTargetGuard guard = new IpnTargetGuard(properties(true));

        assertThat(guard.resolve("127.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/ipn", "/relative/ipn", "example.com/ipn", "http:///nohost",
            "https://user:pass@example.com/ipn", "javascript:alert(1)", "http://exa mple.com/"})
    void refusesUrlsThatAreNotAbsoluteHttp(String url) {
        assertThatThrownBy(() -> IpnTargetGuard.checkUrl(url)).isInstanceOf(IpnTargetGuard.RefusedTargetException.class);
    }

    @Test
    void acceptsAbsoluteHttpAndHttpsUrls() throws Exception {
        assertThat(IpnTargetGuard.checkUrl("https://shop.example.com/ipn?x=1").getHost()).isEqualTo("shop.example.com");
        assertThat(IpnTargetGuard.checkUrl("http://shop.example.com:8080/ipn").getPort()).isEqualTo(8080);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "api.localhost", "127.0.0.1", "[::1]", "10.0.0.5", "169.254.169.254", "0.0.0.0", "2130706433"})
    void namesAnInternalHostOutrightAtOrderCreation(String host) {
        assertThat(NetworkAddresses.namesInternalHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop.example.com", "8.8.8.8", "[2001:4860:4860::8888]"})
    void leavesPublicHostsAndNamesToTheDeliveryCheck(String host) {
        assertThat(NetworkAddresses.namesInternalHost(host)).isFalse();
    }
}
