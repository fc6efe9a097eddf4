package dev.exchanger.server.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * The rate limits, each written {@code capacity/period}: a bucket of {@code capacity}
 * requests per client address (an IPv6 address by its /64) or partner, refilled smoothly over
 * {@code period}; {@code 120/2s} allows a burst of 120 and 60 a second after it. They are kept
 * per instance.
 *
 * @param enabled            off: nothing is limited
 * @param createPerAddress   order/create without a partner key, per client address
 * @param createPerPartner   order/create with a partner's key, per partner (all its keys together)
 * @param lookupPerAddress   order/get, order/update-status and the hosted pages, per client address
 * @param failuresPerAddress failed attempts per client address: an unknown order or a wrong order
 *                           secret on a lookup, a wrong or revoked {@code X-Api-Key}; once used up,
 *                           every lookup and every request with a key from that address is refused
 * @param testIpnPerPartner  test IPNs per partner
 * @param maxClients         how many addresses (or partners) each limit remembers; the least used
 *                           are forgotten first (each costs about 460 bytes)
 */
@ConfigurationProperties("exchanger.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("120/2s") Limit createPerAddress,
        @DefaultValue("600/2s") Limit createPerPartner,
        @DefaultValue("300/3s") Limit lookupPerAddress,
        @DefaultValue("30/10m") Limit failuresPerAddress,
        @DefaultValue("10/1m") Limit testIpnPerPartner,
        @DefaultValue("20000") long maxClients) {

    public RateLimitProperties {
        if (maxClients < 1) {
            throw new IllegalArgumentException("exchanger.rate-limit.max-clients must be at least 1");
        }
    }

    /** {@code capacity} requests, refilled smoothly over {@code period}. */
    public record Limit(long capacity, Duration period) {

        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive period");
            }
        }

        /** {@code 120/2s}, {@code 30/10m}, {@code 10/PT1M}. */
        public static Limit valueOf(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("a rate limit is written capacity/period, like 120/2s: " + text);
            }
            return new Limit(Long.parseLong(text.substring(0, slash).trim()),
                    DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
        }

        @Override
        public String toString() {
            return capacity + "/" + period;
        }
    }
}
