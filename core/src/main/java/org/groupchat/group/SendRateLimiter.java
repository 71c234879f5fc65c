package org.groupchat.group;

import java.util.HashMap;
import java.util.Map;

/** A token bucket per user for SEND: {@code perSecond} refill, {@code burst} capacity; 0 per second = no limit. */
final class SendRateLimiter {
    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new HashMap<>();

    SendRateLimiter(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    /** Takes a token and returns 0, or returns how many milliseconds until one is free. */
    long acquire(String userId, long nowNanos) {
        if (perSecond <= 0) {
            return 0;
        }
        Bucket bucket = buckets.computeIfAbsent(userId, id -> new Bucket(burst, nowNanos));
        bucket.tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.updatedNanos) / 1e9 * perSecond);
        bucket.updatedNanos = nowNanos;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - bucket.tokens) / perSecond * 1000);
    }

    /** Gives back a token taken for a SEND that stored nothing (a retry of a stored message). */
    void refund(String userId) {
        Bucket bucket = buckets.get(userId);
        if (bucket != null) {
            bucket.tokens = Math.min(burst, bucket.tokens + 1);
        }
    }

    /** Drops the buckets of users idle long enough to be full again. */
    void prune(long nowNanos) {
        if (perSecond > 0) {
            long fullAfterNanos = (long) (burst / perSecond * 1e9);
            buckets.values().removeIf(b -> nowNanos - b.updatedNanos > fullAfterNanos);
        }
    }
}
