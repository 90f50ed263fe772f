package io.flowgate.domain.policy;

import io.flowgate.domain.InvalidValue;

/** How many invocations per second one flow's endpoint accepts before answering 429. */
public record RateLimit(int perSecond) {

    public static final RateLimit DEFAULT = new RateLimit(1_000);
    public static final int MAX_PER_SECOND = 1_000_000;

    public RateLimit {
        if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
            throw new InvalidValue("rateLimit/perSecond", "rateLimit.perSecond must be between 1 and " + MAX_PER_SECOND);
        }
    }
}
