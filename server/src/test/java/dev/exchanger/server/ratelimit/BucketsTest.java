package dev.exchanger.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BucketsTest {

    @Test
    void aBucketRefusesPastItsCapacityAndSaysHowLongToWait() {
        Buckets buckets = new Buckets(RateLimitProperties.Limit.valueOf("3/1m"), 100);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("198.51.100.1").isConsumed()).isTrue();
        }

        ConsumptionProbe refused = buckets.take("198.51.100.1");

        assertThat(refused.isConsumed()).isFalse();
        // one token of three per minute comes back in 20 s
        assertThat(TooManyRequests.seconds(refused.getNanosToWaitForRefill())).isBetween(19L, 20L);
        assertThat(buckets.take("198.51.100.2").isConsumed()).as("another key, another bucket").isTrue();
    }

    @Test
    void aTokenGivenBackCanBeTakenAgain() {
        Buckets buckets = new Buckets(RateLimitProperties.Limit.valueOf("1/1h"), 100);
        assertThat(buckets.take("a").isConsumed()).isTrue();
        buckets.giveBack("a");
        assertThat(buckets.take("a").isConsumed()).isTrue();
        assertThat(buckets.take("a").isConsumed()).isFalse();
    }

    @Test
    void requestsFromEverNewAddressesKeepTheMapBounded() {
        Buckets buckets = new Buckets(RateLimitProperties.Limit.valueOf("30/10m"), 1_000);
        for (int i = 0; i < 50_000; i++) {
            buckets.take("10." + (i >> 16) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF));
        }

        assertThat(buckets.size()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void anIdleBucketIsForgottenAfterItsPeriod() throws InterruptedException {
        Buckets buckets = new Buckets(new RateLimitProperties.Limit(5, Duration.ofMillis(50)), 100);
        buckets.take("a");
        assertThat(buckets.size()).isEqualTo(1);

        Thread.sleep(200);

        assertThat(buckets.size()).isZero();
    }

    @Test
    void limitsAreWrittenCapacitySlashPeriod() {
        assertThat(RateLimitProperties.Limit.valueOf("120/2s")).isEqualTo(new RateLimitProperties.Limit(120, Duration.ofSeconds(2)));
        assertThat(RateLimitProperties.Limit.valueOf("30 / 10m").period()).isEqualTo(Duration.ofMinutes(10));
    }
}
