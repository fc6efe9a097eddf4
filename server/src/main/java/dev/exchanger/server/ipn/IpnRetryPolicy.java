package dev.exchanger.server.ipn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides how an IPN stands after one attempt: a 2xx is delivered; 410 stops it; the last
 * allowed attempt gives it up (failed); anything else is retried after the backoff for that
 * attempt with ±20 % jitter, or after the receiver's Retry-After when that is longer (capped at a
 * day). It reads nothing but its arguments, the clock and the jitter's random numbers.
 */
@Component
class IpnRetryPolicy {

    /** The longest Retry-After honoured. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    /**
     * An attempt's outcome: the IPN's new state, when the attempt ended, when to try again (only
     * when pending) and the error the delivery log keeps (none when delivered).
     */
    record Outcome(IpnDelivery.State state, Instant at, Instant nextAttemptAt, String error) {
    }

    private final IpnProperties properties;
    private final Clock clock;
    private final DoubleSupplier random;

    @Autowired
    IpnRetryPolicy(IpnProperties properties, Clock clock) {
        this(properties, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With {@code random} giving numbers in [0, 1) for the jitter. */
    IpnRetryPolicy(IpnProperties properties, Clock clock, DoubleSupplier random) {
        this.properties = properties;
        this.clock = clock;
        this.random = random;
    }

    /** The outcome of attempt number {@code attempt} (1-based) of an IPN allowed {@code maxAttempts} attempts. */
    Outcome decide(IpnSender.Result result, int attempt, int maxAttempts) {
        Instant now = clock.instant();
        IpnDelivery.State state;
        Instant next = null;
        if (result.delivered()) {
            state = IpnDelivery.State.delivered;
        } else if (result.status() != null && result.status() == 410) {
            state = IpnDelivery.State.stopped;
        } else if (attempt >= maxAttempts) {
            state = IpnDelivery.State.failed;
        } else {
            state = IpnDelivery.State.pending;
            next = now.plus(wait(attempt, result.retryAfter()));
        }
        return new Outcome(state, now, next, result.errorText());
    }

    /** The backoff for this attempt with ±20 % jitter, or the receiver's Retry-After when that is longer (capped at a day). */
    private Duration wait(int attempt, Duration retryAfter) {
        Duration base = properties.backoffAfter(attempt);
        double jitter = 0.8 + random.getAsDouble() * 0.4;
        Duration wait = Duration.ofMillis((long) (base.toMillis() * jitter));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        return wait;
    }
}
