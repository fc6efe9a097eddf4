package dev.exchanger.server.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client address is limited by: an IPv4 address as it is, an IPv6 address by its
 * /64 (one subscriber's network usually, and any host in it is another address for free).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0 || !startsLikeIpv6(remoteAddress)) {
            return remoteAddress == null ? "" : remoteAddress;
        }
        try {
            // a literal that starts with a hex digit or ':' is parsed, never looked up in DNS
            byte[] b = InetAddress.getByName(remoteAddress).getAddress();
            if (b.length != 16) {
                return InetAddress.getByAddress(b).getHostAddress(); // ::ffff:a.b.c.d is IPv4 a.b.c.d
            }
            return Integer.toHexString((b[0] & 0xFF) << 8 | (b[1] & 0xFF)) + ":"
                    + Integer.toHexString((b[2] & 0xFF) << 8 | (b[3] & 0xFF)) + ":"
                    + Integer.toHexString((b[4] & 0xFF) << 8 | (b[5] & 0xFF)) + ":"
                    + Integer.toHexString((b[6] & 0xFF) << 8 | (b[7] & 0xFF)) + "::/64";
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private static boolean startsLikeIpv6(String address) {
        char first = address.charAt(0);
        return first == ':' || Character.digit(first, 16) >= 0;
    }
}
