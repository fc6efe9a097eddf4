package dev.exchanger.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl where clients reach this server (for {@code paymentUrl} and {@code orderUrl});
 *                      empty to take it from each request
 * @param maxBodyBytes  the largest API request body accepted
 */
@ConfigurationProperties("exchanger.web")
public record WebProperties(@DefaultValue("") String publicBaseUrl, @DefaultValue("65536") long maxBodyBytes) {
}
