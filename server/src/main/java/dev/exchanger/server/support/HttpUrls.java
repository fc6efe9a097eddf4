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
}
