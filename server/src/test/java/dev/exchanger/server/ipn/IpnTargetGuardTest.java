package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exchanger.server.support.HttpUrls;
import dev.exchanger.server.support.NetworkAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which IPN targets are refused: every special-purpose range that is not globally reachable (and
 * the few refused although they are), by the address check and by the URL check of order creation;
 * hosts that look like addresses but are not written in the one form all software reads alike;
 * and the resolver that checks the addresses a delivery really connects to.
 */
class IpnTargetGuardTest {

    private static IpnProperties properties(boolean allowPrivate) {
        return new IpnProperties(allowPrivate, 7, Duration.ofSeconds(10), List.of(Duration.ofSeconds(30)),
                Duration.ofMillis(500), 32, 4, 64);
    }

    private static InetAddress address(String text) {
        return NetworkAddresses.literal(text.contains(":") ? "[" + text + "]" : text);
    }

    private static String url(String address) {
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + "/ipn";
    }

    /** One address inside each range (refused, saying what it is) and, where one is public, one just outside it. */
    @ParameterizedTest(name = "{0}: {1} refused as {3}, {2} allowed")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0.0.0.0/8           | 0.255.255.255                  | 1.0.0.0            | this network
            10.0.0.0/8          | 10.255.255.255                 | 11.0.0.0           | a private address (RFC 1918)
            100.64.0.0/10       | 100.127.255.255                | 100.128.0.0        | carrier-grade NAT
            100.64.0.0/10       | 100.64.0.0                     | 100.63.255.255     | carrier-grade NAT
            127.0.0.0/8         | 127.255.255.254                | 128.0.0.0          | a loopback address
            169.254.0.0/16      | 169.254.169.254                | 169.255.0.0        | a link-local address
            172.16.0.0/12       | 172.31.255.255                 | 172.32.0.0         | a private address
            172.16.0.0/12       | 172.16.0.0                     | 172.15.255.255     | a private address
            192.0.0.0/24        | 192.0.0.170                    | 192.0.1.0          | IETF protocol assignment
            192.0.0.9/32 PCP    | 192.0.0.9                      | -                  | IETF protocol assignment
            192.0.0.10/32 TURN  | 192.0.0.10                     | -                  | IETF protocol assignment
            192.0.2.0/24        | 192.0.2.1                      | 192.0.3.0          | a documentation address (RFC 5737)
            192.31.196.0/24     | 192.31.196.1                   | 192.31.197.0       | AS112
            192.52.193.0/24     | 192.52.193.1                   | 192.52.194.0       | AMT relay
            192.88.99.0/24      | 192.88.99.2                    | 192.88.100.0       | 6to4 relay anycast
            192.168.0.0/16      | 192.168.1.1                    | 192.169.0.0        | a private address
            192.175.48.0/24     | 192.175.48.1                   | 192.175.49.0       | AS112
            198.18.0.0/15       | 198.19.255.255                 | 198.20.0.0         | benchmarking
            198.51.100.0/24     | 198.51.100.1                   | 198.51.101.0       | a documentation address
            203.0.113.0/24      | 203.0.113.1                    | 203.0.114.0        | a documentation address
            224.0.0.0/4         | 224.0.0.1                      | 223.255.255.255    | a multicast address
            224.0.0.0/4         | 239.255.255.255                | -                  | a multicast address
            240.0.0.0/4         | 240.0.0.1                      | -                  | a reserved address
            255.255.255.255/32  | 255.255.255.255                | -                  | the broadcast address
            ::/128              | ::                             | -                  | the unspecified address
            ::1/128             | ::1                            | -                  | a loopback address (RFC 4291)
            ::ffff:0:0/96       | ::ffff:127.0.0.1               | ::ffff:8.8.8.8     | a loopback address
            ::ffff:0:0/96       | ::ffff:10.0.0.1                | -                  | a private address
            ::/96 IPv4-compat.  | ::127.0.0.1                    | -                  | outside IPv6 global unicast
            64:ff9b::/96        | 64:ff9b::10.0.0.1              | 64:ff9b::8.8.8.8   | a NAT64 address (RFC 6052) embedding 10.0.0.1, a private address
            64:ff9b::/96        | 64:ff9b::a9fe:a9fe             | -                  | embedding 169.254.169.254, a link-local address
            64:ff9b:1::/48      | 64:ff9b:1::1                   | -                  | a local-use NAT64 address
            100::/64            | 100::1                         | -                  | a discard-only address
            2001::/23           | 2001:1ff:ffff::1               | 2001:200::1        | IETF protocol assignment
            2001::/32 Teredo    | 2001:0:4136:e378:8000:63bf:3fff:fdd2 | -            | IETF protocol assignment
            2001:1::1/128 PCP   | 2001:1::1                      | -                  | IETF protocol assignment
            2001:20::/28 ORCHID | 2001:20::1                     | -                  | IETF protocol assignment
            2001:db8::/32       | 2001:db8::1                    | 2001:db9::1        | a documentation address (RFC 3849)
            2002::/16 6to4      | 2002:7f00:1::                  | 2002:808:808::     | a 6to4 address (RFC 3056) embedding 127.0.0.1, a loopback address
            2002::/16 6to4      | 2002:c0a8:101::1               | -                  | embedding 192.168.1.1, a private address
            2002::/16 6to4      | 2002:c000:201::                | -                  | embedding 192.0.2.1, a documentation address
            2620:4f:8000::/48   | 2620:4f:8000::1                | 2620:4f:8001::     | AS112
            3fff::/20           | 3fff:fff:ffff::1               | 3fff:1000::        | a documentation address (RFC 9637)
            5f00::/16           | 5f00::1                        | -                  | segment routing
            fc00::/7            | fd12:3456::1                   | -                  | a unique local (private) address
            fc00::/7            | fc00::1                        | -                  | a unique local (private) address
            fe80::/10           | fe80::1                        | -                  | a link-local address
            fec0::/10           | fec0::1                        | -                  | a site-local address
            ff00::/8            | ff02::1                        | -                  | a multicast address
            2000::/3 (outside)  | 1fff:ffff::1                   | 2000::1            | outside IPv6 global unicast
            """)
    void refusesEveryRangeThatIsNotGloballyReachable(String range, String inside, String outside, String what) {
        assertThat(NetworkAddresses.isInternal(address(inside))).as(inside).isTrue();
        assertThat(NetworkAddresses.refusal(address(inside), false)).as(inside).contains(what);
        assertThatThrownBy(() -> HttpUrls.parseIpnTarget(url(inside), false))
                .as(url(inside))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the IPN URL's host ")
                .hasMessageContaining(what);
        if (outside != null) {
            assertThat(NetworkAddresses.isInternal(address(outside))).as(outside).isFalse();
            assertThat(NetworkAddresses.refusal(address(outside), false)).as(outside).isNull();
            assertThat(HttpUrls.parseIpnTarget(url(outside), false).getHost()).isNotNull();
        }
    }

    @Test
    void checksTheIpv4InsideAnIpv4MappedAddressBuiltFromBytes() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(NetworkAddresses.refusal(address, true))
                .isEqualTo("an IPv4-mapped address (RFC 4291) embedding 127.0.0.1, a loopback address (RFC 1122)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "193.0.14.129", "100.63.255.255", "172.32.0.1", "2a00:1450:4001:81b::200e",
            "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::1"})
    void leavesPublicAddressesAlone(String address) {
        assertThat(NetworkAddresses.refusal(address(address), false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "::1", "fd00::1", "fe80::1"})
    void allowsTheExchangersOwnNetworksWhenPrivateTargetsAreAllowed(String address) {
        assertThat(NetworkAddresses.refusal(address(address), true)).isNull();
        assertThat(HttpUrls.parseIpnTarget(url(address), true).getHost()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "224.0.0.1", "240.0.0.1",
            "255.255.255.255", "::", "2001:db8::1", "2002:7f00:1::", "64:ff9b::7f00:1", "fec0::1", "ff02::1", "::127.0.0.1"})
    void refusesSpecialRangesEvenWhenPrivateTargetsAreAllowed(String address) {
        assertThat(NetworkAddresses.refusal(address(address), true)).isNotNull();
        assertThatThrownBy(() -> HttpUrls.parseIpnTarget(url(address), true)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Forms that Java, curl and browsers read differently, or not at all: refused before anything is asked of DNS. */
    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1/ipn", "http://0x7f.1/", "http://0x7f000001/", "http://127.1/", "http://2130706433/",
            "http://127.0.0.1./", "http://1.2.3.04/", "http://1.2.3/", "http://999.1.1.1/", "http://1.2.3.4.5/",
            "http://example.0x10/", "http://[::ffff:0177.0.0.1]/", "http://[fe80::1%25eth0]/", "https://017700000001:8443/ipn"})
    void refusesHostsThatLookLikeAddressesButAreNotWrittenInDottedDecimal(String url) {
        for (boolean allowPrivate : new boolean[] {false, true}) {
            assertThatThrownBy(() -> HttpUrls.parseIpnTarget(url, allowPrivate))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not written in dotted-decimal");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "2130706433", "127.1", "0x7f.0.0.1", "127.0.0.1.", "10.0.0.010", "1.2.3.4.5"})
    void neverSendsANumericLookingHostToDns(String host) {
        for (boolean allowPrivate : new boolean[] {false, true}) {
            IpnTargetGuard guard = new IpnTargetGuard(properties(allowPrivate));

            // a look-up would fail with the resolver's own words (or succeed), not these
            assertThatThrownBy(() -> guard.resolve(host))
                    .isInstanceOf(IpnTargetGuard.RefusedTargetException.class)
                    .hasMessage(NetworkAddresses.notAnAddress(host).getMessage());
        }
    }

    @Test
    void resolvesAnAddressWrittenInDottedDecimalWithoutDns() throws Exception {
        IpnTargetGuard guard = new IpnTargetGuard(properties(false));

        assertThat(guard.resolve("8.8.8.8")).extracting(InetAddress::getHostAddress).containsExactly("8.8.8.8");
        assertThat(guard.resolve("[2001:4860:4860::8888]")).extracting(InetAddress::getHostAddress)
                .containsExactly("2001:4860:4860:0:0:0:0:8888");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            localhost       | the IPN URL's host localhost is this server (a loopback name)
            127.0.0.1       | the IPN URL's host 127.0.0.1 is a loopback address (RFC 1122)
            [::1]           | the IPN URL's host [::1] is a loopback address (RFC 4291)
            10.0.0.7        | the IPN URL's host 10.0.0.7 is a private address (RFC 1918)
            192.0.2.10      | the IPN URL's host 192.0.2.10 is a documentation address (RFC 5737)
            """)
    void refusesToResolveRefusedTargetsWhenPrivateTargetsAreOff(String host, String words) {
        IpnTargetGuard guard = new IpnTargetGuard(properties(false));

        assertThatThrownBy(() -> guard.resolve(host))
                .isInstanceOf(IpnTargetGuard.RefusedTargetException.class)
                .hasMessage(words);
    }

    @Test
    void resolvesLoopbackWhenPrivateTargetsAreAllowed() throws Exception {
        IpnTargetGuard guard = new IpnTargetGuard(properties(true));

        assertThat(guard.resolve("127.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThat(guard.resolve("localhost")).extracting(InetAddress::isLoopbackAddress).containsOnly(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/ipn", "/relative/ipn", "example.com/ipn", "http:///nohost",
            "https://user:pass@example.com/ipn", "javascript:alert(1)", "http://exa mple.com/"})
    void refusesUrlsThatAreNotAbsoluteHttp(String url) {
        IpnTargetGuard guard = new IpnTargetGuard(properties(true));

        assertThatThrownBy(() -> guard.checkUrl(url)).isInstanceOf(IpnTargetGuard.RefusedTargetException.class);
    }

    @Test
    void acceptsAbsoluteHttpAndHttpsUrls() throws Exception {
        IpnTargetGuard guard = new IpnTargetGuard(properties(false));

        assertThat(guard.checkUrl("https://shop.example.com/ipn?x=1").getHost()).isEqualTo("shop.example.com");
        assertThat(guard.checkUrl("http://shop.example.com:8080/ipn").getPort()).isEqualTo(8080);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com/ipn", "http://1.2.3.4.nip.example/", "http://8.8.8.8/",
            "http://[2001:4860:4860::8888]/", "http://123.example/", "http://0x7f.example/"})
    void leavesPublicHostsAndNamesToTheDeliveryCheck(String url) {
        assertThat(HttpUrls.parseIpnTarget(url, false).getHost()).isNotNull();
    }
}
