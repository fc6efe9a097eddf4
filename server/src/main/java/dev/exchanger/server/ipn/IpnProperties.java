package dev.exchanger.server.ipn;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How IPNs are delivered.
 *
 * @param allowPrivateTargets let IPNs go to loopback, private, link-local and CGNAT addresses (development and tests
 *                            only); the other special-purpose ranges stay refused
 * @param maxAttempts         attempts per IPN; 1 is the legacy send-once
 * @param timeout             how long one attempt may take; only a 2xx within it is success
 * @param backoff             the waits before the 2nd, 3rd, ... attempt (the last one repeats); each gets ±20 % jitter
 * @param pollInterval        how often an instance looks for due IPNs besides being woken by a commit
 * @param workers             deliveries in flight at once per instance
 * @param perHostLimit        deliveries in flight at once to one host, so that a slow receiver cannot take every worker
 * @param batchSize           IPNs claimed per look
 */
@ConfigurationProperties("exchanger.ipn")
public record IpnProperties(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("7") int maxAttempts,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue({"30s", "2m", "10m", "1h", "6h", "24h"}) List<Duration> backoff,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("32") int workers,
        @DefaultValue("4") int perHostLimit,
        @DefaultValue("64") int batchSize) {

    public IpnProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("exchanger.ipn.max-attempts must be at least 1");
        }
        if (backoff.isEmpty()) {
            throw new IllegalArgumentException("exchanger.ipn.backoff needs at least one wait");
        }
    }

    /** The wait after attempt number {@code attempt} (1-based) failed, before jitter. */
    Duration backoffAfter(int attempt) {
        return backoff.get(Math.min(attempt, backoff.size()) - 1);
    }
}
