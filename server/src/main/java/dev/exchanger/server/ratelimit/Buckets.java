package dev.exchanger.server.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One limit's token buckets, one per client address or partner, in a bounded map: a bucket
 * idle for the limit's period is full again and is forgotten, and beyond {@code maxClients}
 * the least used ones go first, so that requests from ever new addresses cannot fill the memory.
 */
final class Buckets {

    private final LoadingCache<String, Bucket> buckets;

    Buckets(RateLimitProperties.Limit limit, long maxClients) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(limit.period())
                .build(key -> Bucket.builder()
                        .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                        .build());
    }

    /** Takes one token of {@code key}'s bucket, or says how long until there is one. */
    ConsumptionProbe take(String key) {
        return buckets.get(key).tryConsumeAndReturnRemaining(1);
    }

    /** Returns a token taken by {@link #take} that turned out not to count. */
    void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** How many buckets are kept now. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
