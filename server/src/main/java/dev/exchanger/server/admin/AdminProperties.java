package dev.exchanger.server.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param apiKey the operator's key, sent in {@code X-Api-Key}; empty switches the admin API off (every request 401) */
@ConfigurationProperties("exchanger.admin")
public record AdminProperties(@DefaultValue("") String apiKey) {
}
