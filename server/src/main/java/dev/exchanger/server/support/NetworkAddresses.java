package dev.exchanger.server.support;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Which addresses are the exchanger's own network rather than the public internet (for SSRF checks). */
public final class NetworkAddresses {

    private NetworkAddresses() {
    }

    /** Loopback, private, link-local, CGNAT, multicast, unspecified and other non-public ranges, IPv4 and IPv6. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0                                   // 0.0.0.0/8 "this network"
                    || (first == 100 && (second & 0xC0) == 64)  // 100.64.0.0/10 CGNAT
                    || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) // 192.0.0.0/24 protocol assignments
                    || (first == 198 && (second & 0xFE) == 18)  // 198.18.0.0/15 benchmarking
                    || first >= 240;                            // 240.0.0.0/4 reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {                       // fc00::/7 unique local
                return true;
            }
            if (first == 0xFE && (b[1] & 0xC0) == 0xC0) {       // fec0::/10 old site-local
                return true;
            }
            if (isIpv4Embedded(b)) {                            // ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIpv4Embedded(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && ((b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) || (b[10] == 0 && b[11] == 0));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B;
        return mapped || nat64;
    }

    private static boolean isLiteralAddress(String host) {
        return host.contains(":") || host.matches("^[0-9.]+$");
    }

    /** An IP address written literally (IPv4 in any numeric form, or IPv6), or a loopback name. */
    public static boolean isLiteral(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.contains(":") || h.matches("^[0-9.]+$") || h.matches("^0x[0-9a-f.x]+$");
    }

    /** Names that always mean this machine. */
    public static boolean isLocalName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    /**
     * Whether a URL's host names this machine or an internal address outright (a literal
     * address or a loopback name), without asking DNS: the quick check at order creation.
     * Names are checked again, resolved, on every delivery attempt.
     */
    public static boolean namesInternalHost(String urlHost) {
        String host = stripBrackets(urlHost);
        if (isLocalName(host)) {
            return true;
        }
        if (!isLiteral(host)) {
            return false;
        }
        try {
            return isInternal(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    public static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
