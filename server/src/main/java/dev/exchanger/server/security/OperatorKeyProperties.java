package dev.exchanger.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param apiKey the operator's key, sent in {@code X-Api-Key}; empty switches the admin API off (every request 401) */
@ConfigurationProperties("exchanger.admin")
public record OperatorKeyProperties(@DefaultValue("") String apiKey) {

    /** The setting that holds the key, as the operator writes it. */
    static final String API_KEY = "exchanger.admin.api-key";
}
