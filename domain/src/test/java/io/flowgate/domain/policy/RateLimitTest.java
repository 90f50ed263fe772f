package io.flowgate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, 1_000_000})
    void rateFromOneToAMillionPerSecond_isAccepted(int perSecond) {
        assertThat(new RateLimit(perSecond).perSecond()).isEqualTo(perSecond);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1_000_001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rateOutsideOneToAMillion_isRefused(int perSecond) {
        assertThatThrownBy(() -> new RateLimit(perSecond))
                .isInstanceOfSatisfying(InvalidValue.class,
                        e -> assertThat(e.field()).isEqualTo("rateLimit/perSecond"));
    }

    @Test
    void defaultRate_isAThousandPerSecond() {
        assertThat(RateLimit.DEFAULT.perSecond()).isEqualTo(1000);
    }
}
