package dev.exchanger.server.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one check of the URLs clients give us to call or to send people to (ipnUrl, clientCallbackUrl). */
public final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * The URL, if it is absolute http or https with a host and no credentials in it.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static URI parseAbsolute(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("only absolute http and https URLs are allowed");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            String host = authorityHost(uri);
            // java.net.URI takes 127.1 or 0x7f.1 for no host at all; curl and browsers take them for 127.0.0.1
            throw host != null && NetworkAddresses.looksLikeAnIpv4Address(host)
                    ? NetworkAddresses.notAnAddress(host) : new IllegalArgumentException("the URL has no valid host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials in the URL are not allowed");
        }
        return uri;
    }

    /**
     * An IPN target ({@code ipnUrl}, or a test IPN's): an absolute http(s) URL as
     * {@link #parseAbsolute} takes it, whose host, if written as an address, is written in the one
     * form all software reads alike and is not refused by {@link NetworkAddresses#refusal}, and is
     * not a loopback name unless private targets are allowed. Names are resolved and checked on
     * every delivery attempt.
     *
     * @throws IllegalArgumentException saying what is wrong, in words for the merchant
     */
    public static URI parseIpnTarget(String url, boolean allowPrivateTargets) {
        URI uri = parseAbsolute(url);
        String refusal = NetworkAddresses.hostRefusal(uri.getHost(), allowPrivateTargets);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        return uri;
    }

    /** The host part of a URL's authority that {@link URI} would not take for a host (no user info, no port). */
    private static String authorityHost(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        return colon >= 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    }
}
