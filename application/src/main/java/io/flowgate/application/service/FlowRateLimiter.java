package io.flowgate.application.service;

import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.policy.RateLimit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per flow on this node: up to {@code perSecond} calls in any second, refilled
 * continuously, so a burst cannot take two seconds' worth at a second boundary.
 */
final class FlowRateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final Map<FlowId, Bucket> buckets = new ConcurrentHashMap<>();

    /** @return 0 when the call may proceed, else the whole seconds to wait before the next one fits */
    long acquire(FlowId flowId, RateLimit limit, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(flowId, id -> new Bucket(limit.perSecond(), nowNanos));
        synchronized (bucket) {
            double refill = (nowNanos - bucket.refilledAt) * (double) limit.perSecond() / NANOS_PER_SECOND;
            bucket.tokens = Math.min(limit.perSecond(), bucket.tokens + refill);
            bucket.refilledAt = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double secondsToNextToken = (1 - bucket.tokens) / limit.perSecond();
            return Math.max(1, (long) Math.ceil(secondsToNextToken));
        }
    }
}
