package dev.exchanger.server.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where clients reach this server, without a trailing slash: {@code exchanger.web.public-base-url}
 * when set, else the current request's scheme, host and port (as a proxy forwarded them, when
 * forwarded headers are enabled with {@code server.forward-headers-strategy}).
 */
@Component
public class PublicBaseUrl {

    private final String configured;

    public PublicBaseUrl(WebProperties properties) {
        String base = properties.publicBaseUrl();
        this.configured = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The base URL for the request this thread is serving. */
    public String get() {
        return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : configured;
    }
}
