package dev.exchanger.server.support;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.util.matcher.InetAddressMatcher;
import org.springframework.security.util.matcher.InetAddressMatchers;

/**
 * Which addresses an IPN may go to (the SSRF check): the public internet only, never the
 * exchanger's own network nor any special-purpose range of the IANA IPv4 and IPv6
 * Special-Purpose Address Registries that is not globally reachable. Also the one reading of
 * a host written as an address, so that it means to us what it means to curl and browsers.
 */
public final class NetworkAddresses {

    /**
     * The exchanger's own networks: refused, but allowed when {@code exchanger.ipn.allow-private-targets}
     * is on, so that development and tests can post IPNs to a receiver on this machine or the LAN.
     */
    private static final List<Range> LOCAL = List.of(
            range("10.0.0.0/8",          "a private address",                     "RFC 1918"),
            range("100.64.0.0/10",       "a shared (carrier-grade NAT) address",  "RFC 6598"),
            range("127.0.0.0/8",         "a loopback address",                    "RFC 1122"),
            range("169.254.0.0/16",      "a link-local address",                  "RFC 3927"),
            range("172.16.0.0/12",       "a private address",                     "RFC 1918"),
            range("192.168.0.0/16",      "a private address",                     "RFC 1918"),
            range("::1/128",             "a loopback address",                    "RFC 4291"),
            range("fc00::/7",            "a unique local (private) address",      "RFC 4193"),
            range("fe80::/10",           "a link-local address",                  "RFC 4291"));

    /**
     * Ranges that are never a merchant's receiver: refused whatever the settings. The registries'
     * entries that are not globally reachable, and a few that are but are refused all the same
     * (each says why); then multicast and site-local, which live in other registries.
     */
    private static final List<Range> SPECIAL = List.of(
            range("0.0.0.0/8",           "a \"this network\" address",            "RFC 791"),
            // Includes 192.0.0.9/32 (PCP anycast, RFC 7723) and 192.0.0.10/32 (TURN anycast,
            // RFC 8155), which the registry marks globally reachable: anycast service addresses
            // answered by the nearest such server, which may stand on the exchanger's own network.
            range("192.0.0.0/24",        "an IETF protocol assignment address",   "RFC 6890"),
            range("192.0.2.0/24",        "a documentation address",               "RFC 5737"),
            // Globally reachable per the registry, but anycast (AS112 DNS sinks, AMT relays): the
            // nearest node answers, and anyone may run one inside their own network.
            range("192.31.196.0/24",     "an AS112 DNS anycast address",          "RFC 7535"),
            range("192.52.193.0/24",     "an AMT relay anycast address",          "RFC 7450"),
            // Deprecated 6to4 relay anycast; includes 192.88.99.2/32 (6a44 relay anycast, RFC 6751),
            // marked globally reachable, refused as the anycast ones above.
            range("192.88.99.0/24",      "a 6to4 relay anycast address",          "RFC 7526"),
            range("192.175.48.0/24",     "an AS112 DNS anycast address",          "RFC 7534"),
            range("198.18.0.0/15",       "a benchmarking address",                "RFC 2544"),
            range("198.51.100.0/24",     "a documentation address",               "RFC 5737"),
            range("203.0.113.0/24",      "a documentation address",               "RFC 5737"),
            range("224.0.0.0/4",         "a multicast address",                   "RFC 5771"),
            range("255.255.255.255/32",  "the broadcast address",                 "RFC 919"),
            range("240.0.0.0/4",         "a reserved address",                    "RFC 1112"),
            range("::/128",              "the unspecified address",               "RFC 4291"),
            range("64:ff9b:1::/48",      "a local-use NAT64 address",             "RFC 8215"),
            range("100::/64",            "a discard-only address",                "RFC 6666"),
            // Includes Teredo 2001::/32 (RFC 4380, an obfuscated IPv4 inside), benchmarking
            // 2001:2::/48 and ORCHID 2001:10::/28; and entries the registry marks globally
            // reachable: 2001:1::1, ::2 and ::3/128 (PCP, TURN and DNS-SD SRP anycast),
            // 2001:3::/32 (AMT), 2001:4:112::/48 (AS112), 2001:20::/28 (ORCHIDv2) and
            // 2001:30::/28 (drone DETs): anycast services or identifiers, never a web server.
            range("2001::/23",           "an IETF protocol assignment address",   "RFC 2928"),
            range("2001:db8::/32",       "a documentation address",               "RFC 3849"),
            // AS112 direct delegation, globally reachable: refused as its IPv4 twin above.
            range("2620:4f:8000::/48",   "an AS112 DNS anycast address",          "RFC 7534"),
            range("3fff::/20",           "a documentation address",               "RFC 9637"),
            range("5f00::/16",           "a segment routing (SRv6) address",      "RFC 9602"),
            range("fec0::/10",           "a site-local address",                  "RFC 3879"),
            range("ff00::/8",            "a multicast address",                   "RFC 4291"));

    /**
     * IPv6 ranges whose addresses carry an IPv4 address (from this byte on): they are as public
     * as the IPv4 address is, and refused whatever the settings if it is refused (a 6to4 address
     * that embeds 127.0.0.1 is never a development receiver).
     */
    private static final List<Embedding> EMBEDDING = List.of(
            // the JDK reads ::ffff:a.b.c.d as the IPv4 address itself; this catches one built from bytes
            new Embedding(new Range("::ffff:0:0/96", "an IPv4-mapped address", "RFC 4291", NetworkAddresses::isIpv4Mapped), 12),
            // the well-known NAT64 prefix is globally reachable per the registry
            new Embedding(range("64:ff9b::/96",  "a NAT64 address",        "RFC 6052"), 12),
            // 6to4: the registry says neither reachable nor not ("N/A")
            new Embedding(range("2002::/16",     "a 6to4 address",         "RFC 3056"), 2));

    /**
     * Everything of IPv6 outside this is unassigned or special (IANA IPv6 Address Space): the
     * ranges above name the special ones, this refuses the rest, such as IPv4-compatible {@code ::a.b.c.d}.
     */
    private static final Range GLOBAL_UNICAST = range("2000::/3", "global unicast", "RFC 3587");

    /** Four numbers 0-255 in decimal without leading zeros: the one IPv4 form every URL parser reads alike. */
    private static final Pattern DOTTED_DECIMAL =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** What a URL parser (WHATWG: "ends in a number") takes for an IPv4 address in some form: decimal, octal or hex. */
    private static final Pattern NUMBER_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private NetworkAddresses() {
    }

    /**
     * Why an IPN may not go to this address, in words for the merchant ("a private address
     * (RFC 1918)"), or {@code null} if it may.
     *
     * @param allowLocal whether the exchanger's own networks (loopback, private, link-local) are allowed
     */
    public static String refusal(InetAddress address, boolean allowLocal) {
        Range local = first(LOCAL, address);
        if (local != null) {
            return allowLocal ? null : local.what();
        }
        Range special = first(SPECIAL, address);
        if (special != null) {
            return special.what();
        }
        for (Embedding embedding : EMBEDDING) {
            if (embedding.range().matches(address)) {
                InetAddress v4 = embedding.ipv4(address);
                String why = refusal(v4, false);
                return why == null ? null : embedding.range().what() + " embedding " + v4.getHostAddress() + ", " + why;
            }
        }
        if (address instanceof Inet6Address && !GLOBAL_UNICAST.matches(address)) {
            return "an address outside IPv6 global unicast 2000::/3 (" + GLOBAL_UNICAST.rfc() + ")";
        }
        return null;
    }

    /** Whether the address is not on the public internet: any refusal of {@link #refusal}. */
    public static boolean isInternal(InetAddress address) {
        return refusal(address, false) != null;
    }

    /**
     * The address a URL's host writes literally, read as curl and browsers read it, or {@code null}
     * if the host is a name. An IPv4 address must be dotted-decimal; an IPv6 one (in brackets in a
     * URL) must have no zone, and any dotted part of it dotted-decimal. Nothing here asks DNS.
     *
     * @throws IllegalArgumentException if the host looks like an address but is not written so
     */
    public static InetAddress literal(String host) {
        String h = stripBrackets(host);
        if (h.indexOf(':') >= 0) {
            return ipv6(h, host);
        }
        if (DOTTED_DECIMAL.matcher(h).matches()) {
            byte[] bytes = new byte[4];
            String[] octets = h.split("\\.");
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) Integer.parseInt(octets[i]);
            }
            return byAddress(bytes, host);
        }
        if (looksLikeAnIpv4Address(h)) {
            throw notAnAddress(host);
        }
        return null;
    }

    /**
     * Why a URL's host may not be an IPN target outright, without asking DNS: a literal address
     * that is refused, or a name that always means this machine; {@code null} for any other name,
     * which is resolved and checked on every delivery attempt.
     *
     * @throws IllegalArgumentException if the host looks like an address but is not written as one
     */
    public static String hostRefusal(String host, boolean allowLocal) {
        InetAddress address = literal(host);
        if (address != null) {
            String why = refusal(address, allowLocal);
            return why == null ? null : "the IPN URL's host " + host + " is " + why;
        }
        if (!allowLocal && isLocalName(host)) {
            return "the IPN URL's host " + host + " is this server (a loopback name)";
        }
        return null;
    }

    /** Names that always mean this machine. */
    public static boolean isLocalName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    public static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether a URL parser would read this host as an IPv4 address (its last label is a number). */
    public static boolean looksLikeAnIpv4Address(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return NUMBER_LABEL.matcher(last).matches();
    }

    /** The refusal of a host that looks like an address but is not written as one. */
    public static IllegalArgumentException notAnAddress(String host) {
        return new IllegalArgumentException("the host " + host + " looks like an IP address but is not written in"
                + " dotted-decimal: an IPv4 address must be four numbers from 0 to 255 without leading zeros (software"
                + " reads other forms differently), an IPv6 address must be in brackets without a zone");
    }

    private static InetAddress ipv6(String text, String host) {
        int dotted = text.lastIndexOf(':') + 1;
        if (text.indexOf('%') >= 0 || (text.indexOf('.', dotted) >= 0 && !DOTTED_DECIMAL.matcher(text.substring(dotted)).matches())) {
            throw notAnAddress(host);
        }
        try {
            // in brackets the JDK reads an IPv6 literal or fails; it never asks DNS
            return InetAddress.getByName("[" + text + "]");
        } catch (UnknownHostException e) {
            throw notAnAddress(host);
        }
    }

    private static InetAddress byAddress(byte[] bytes, String host) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw notAnAddress(host);
        }
    }

    private static boolean isIpv4Mapped(InetAddress address) {
        byte[] b = address.getAddress();
        if (!(address instanceof Inet6Address) || b[10] != (byte) 0xFF || b[11] != (byte) 0xFF) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Range first(List<Range> ranges, InetAddress address) {
        for (Range range : ranges) {
            if (range.matches(address)) {
                return range;
            }
        }
        return null;
    }

    private static Range range(String cidr, String name, String rfc) {
        return new Range(cidr, name, rfc, InetAddressMatchers.fromIpAddress(cidr));
    }

    /** A CIDR range, what its addresses are, and the RFC that says so. */
    private record Range(String cidr, String name, String rfc, InetAddressMatcher matcher) {
        boolean matches(InetAddress address) {
            // Spring's matcher compares leading bits whatever the address family: 0.0.0.0/8 would take ::1
            boolean ipv6 = cidr.indexOf(':') >= 0;
            return ipv6 == (address instanceof Inet6Address) && matcher.matches(address);
        }

        String what() {
            return name + " (" + rfc + ")";
        }
    }

    /** An IPv6 range whose addresses carry an IPv4 address in the 4 bytes from {@code offset}. */
    private record Embedding(Range range, int offset) {
        InetAddress ipv4(InetAddress address) {
            byte[] bytes = Arrays.copyOfRange(address.getAddress(), offset, offset + 4);
            try {
                return Inet4Address.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 bytes are an IPv4 address", e);
            }
        }
    }
}
