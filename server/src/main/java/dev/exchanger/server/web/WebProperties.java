package dev.exchanger.server.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl          where clients reach this server (for {@code paymentUrl} and {@code orderUrl});
 *                               empty to take it from each request
 * @param maxBodyBytes           the largest API request body accepted
 * @param bodyTimeout            how long after its headers a request's body must be whole (else 408)
 * @param maxRequestsPerAddress  how many requests one client address may have in progress at once
 *                               (else 429); 0 for no bound
 */
@ConfigurationProperties("exchanger.web")
public record WebProperties(@DefaultValue("") String publicBaseUrl, @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("10s") Duration bodyTimeout, @DefaultValue("64") int maxRequestsPerAddress) {
}
