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
            throw new IllegalArgumentException("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials in the URL are not allowed");
        }
        return uri;
    }

    /**
     * An IPN target ({@code ipnUrl}, or a test IPN's): an absolute http(s) URL as
     * {@link #parseAbsolute} takes it, which, unless private targets are allowed, does not name an
     * internal host outright (names are resolved and checked again on every delivery).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static URI parseIpnTarget(String url, boolean allowPrivateTargets) {
        URI uri = parseAbsolute(url);
        if (!allowPrivateTargets && NetworkAddresses.namesInternalHost(uri.getHost())) {
            throw new IllegalArgumentException("the URL names an internal address");
        }
        return uri;
    }
}
