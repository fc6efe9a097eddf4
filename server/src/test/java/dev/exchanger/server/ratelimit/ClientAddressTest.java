package dev.exchanger.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareAKey() {
        String key = ClientAddress.key("2001:db8:1:2:0:0:0:1");

        assertThat(key).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:db8:1:2:ffff:aaaa:bbbb:cccc")).isEqualTo(key);
        assertThat(ClientAddress.key("2001:db8:1:2::9")).isEqualTo(key);
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(key);
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void whatIsNoAddressIsItsOwnKeyAndNeverLookedUp() {
        assertThat(ClientAddress.key("shop.example.com:80")).isEqualTo("shop.example.com:80");
        assertThat(ClientAddress.key("abc:not:an:address")).isEqualTo("abc:not:an:address");
        assertThat(ClientAddress.key(null)).isEmpty();
    }
}
