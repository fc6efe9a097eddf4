package dev.exchanger.server.ipn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.ipn.IpnDelivery.State;
import dev.exchanger.server.ipn.IpnRetryPolicy.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry decision on its own: a fixed clock and chosen jitter, no Spring, no database. */
class IpnRetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
    static final IpnProperties PROPERTIES = new IpnProperties(false, 7, Duration.ofSeconds(10), BACKOFF, Duration.ofMillis(500), 32, 4, 64);
    /** The jitter's random number 0.5 is no jitter at all (×1.0). */
    static final DoubleSupplier NO_JITTER = () -> 0.5;

    static IpnRetryPolicy policy(DoubleSupplier random) {
        return new IpnRetryPolicy(PROPERTIES, CLOCK, random);
    }

    static IpnSender.Result status(int status) {
        return new IpnSender.Result(status, null, null, 12);
    }

    @ParameterizedTest
    @CsvSource({"200", "202", "204", "299"})
    void a2xxIsDeliveredWithNoErrorAndNoNextAttempt(int status) {
        Outcome outcome = policy(NO_JITTER).decide(status(status), 1, 7);

        assertThat(outcome).isEqualTo(new Outcome(State.delivered, NOW, null, null));
    }

    @Test
    void a2xxOnTheLastAttemptIsStillDelivered() {
        assertThat(policy(NO_JITTER).decide(status(200), 7, 7).state()).isEqualTo(State.delivered);
    }

    @Test
    void goneStopsTheIpnEvenWithAttemptsLeft() {
        Outcome outcome = policy(NO_JITTER).decide(status(410), 1, 7);

        assertThat(outcome).isEqualTo(new Outcome(State.stopped, NOW, null, "HTTP 410"));
    }

    @ParameterizedTest
    @CsvSource({"7, 7", "8, 7", "1, 1"})
    void theLastAllowedAttemptThatFailsGivesTheIpnUp(int attempt, int maxAttempts) {
        Outcome outcome = policy(NO_JITTER).decide(status(500), attempt, maxAttempts);

        assertThat(outcome).isEqualTo(new Outcome(State.failed, NOW, null, "HTTP 500"));
    }

    @ParameterizedTest
    @CsvSource({"1, PT30S", "2, PT2M", "3, PT10M", "4, PT10M", "6, PT10M"})
    void theWaitGrowsWithEachAttemptAndTheLastWaitRepeats(int attempt, Duration wait) {
        Outcome outcome = policy(NO_JITTER).decide(status(503), attempt, 7);

        assertThat(outcome).isEqualTo(new Outcome(State.pending, NOW, NOW.plus(wait), "HTTP 503"));
    }

    @ParameterizedTest
    @CsvSource({"0.0, PT24S", "0.25, PT27S", "0.999999, PT35.999S"})
    void theWaitHasUpToTwentyPercentJitterEitherWay(double random, Duration wait) {
        Outcome outcome = policy(() -> random).decide(status(500), 1, 7);

        assertThat(outcome.nextAttemptAt()).isEqualTo(NOW.plus(wait));
    }

    @Test
    void realJitterStaysWithinTwentyPercentOfTheBackoff() {
        IpnRetryPolicy policy = new IpnRetryPolicy(PROPERTIES, CLOCK);
        for (int i = 0; i < 1000; i++) {
            Instant next = policy.decide(status(500), 2, 7).nextAttemptAt();
            assertThat(Duration.between(NOW, next)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
        }
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsHonoured() {
        IpnSender.Result result = new IpnSender.Result(503, Duration.ofMinutes(5), null, 12);

        assertThat(policy(() -> 0.999).decide(result, 1, 7).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aRetryAfterShorterThanTheBackoffIsNot() {
        IpnSender.Result result = new IpnSender.Result(429, Duration.ofSeconds(5), null, 12);

        assertThat(policy(NO_JITTER).decide(result, 2, 7)).isEqualTo(new Outcome(State.pending, NOW, NOW.plus(Duration.ofMinutes(2)), "HTTP 429"));
    }

    @Test
    void aRetryAfterIsHonouredForADayAtMost() {
        IpnSender.Result result = new IpnSender.Result(503, Duration.ofDays(30), null, 12);

        assertThat(policy(NO_JITTER).decide(result, 1, 7).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void aRetryAfterDoesNotKeepTheLastAttemptFromGivingUp() {
        IpnSender.Result result = new IpnSender.Result(503, Duration.ofMinutes(5), null, 12);

        assertThat(policy(NO_JITTER).decide(result, 7, 7)).isEqualTo(new Outcome(State.failed, NOW, null, "HTTP 503"));
    }

    @Test
    void anAttemptWithNoAnswerKeepsItsErrorInWordsAndIsRetried() {
        IpnSender.Result result = new IpnSender.Result(null, null, "connection refused", 3);

        assertThat(policy(NO_JITTER).decide(result, 1, 7))
                .isEqualTo(new Outcome(State.pending, NOW, NOW.plus(Duration.ofSeconds(30)), "connection refused"));
    }

    @Test
    void anAttemptWithNoAnswerOnTheLastAttemptFails() {
        IpnSender.Result result = new IpnSender.Result(null, null, "timed out after 10 s", 10_000);

        assertThat(policy(NO_JITTER).decide(result, 7, 7)).isEqualTo(new Outcome(State.failed, NOW, null, "timed out after 10 s"));
    }

    @Test
    void theOutcomeIsTimedByTheGivenClock() {
        Instant later = NOW.plus(Duration.ofHours(3));
        IpnRetryPolicy policy = new IpnRetryPolicy(PROPERTIES, Clock.fixed(later, ZoneOffset.UTC), NO_JITTER);

        Outcome outcome = policy.decide(status(500), 1, 7);

        assertThat(outcome.at()).isEqualTo(later);
        assertThat(outcome.nextAttemptAt()).isEqualTo(later.plus(Duration.ofSeconds(30)));
    }
}
