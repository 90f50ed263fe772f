package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

    private static final RuntimeException REFUSED = new IllegalStateException("connection refused");

    private long now = 1_000;
    private final Reachability reachability = new Reachability(() -> now);

    @Test
    void whileTheDatabaseAnswers_everyoneMayTry() {
        assertThat(reachability.mayTry()).isTrue();
        assertThat(reachability.mayTry()).isTrue();
    }

    @Test
    void justAfterAFailure_noOneMayTry_andTheFailureIsKept() {
        reachability.failed(REFUSED);
        now += TimeUnit.MILLISECONDS.toNanos(999);

        assertThat(reachability.mayTry()).isFalse();
        assertThat(reachability.lastFailure()).isSameAs(REFUSED);
    }

    @Test
    void aSecondAfterAFailure_oneMayTry_whileTheOthersStillMayNot() {
        reachability.failed(REFUSED);
        now += TimeUnit.SECONDS.toNanos(1);

        assertThat(reachability.mayTry()).isTrue();
        assertThat(reachability.mayTry()).isFalse();
    }

    @Test
    void whenThatTryReachesTheDatabase_everyoneMayTryAgain() {
        reachability.failed(REFUSED);
        now += TimeUnit.SECONDS.toNanos(1);
        reachability.mayTry();

        reachability.reached();

        assertThat(reachability.mayTry()).isTrue();
        assertThat(reachability.mayTry()).isTrue();
    }

    @Test
    void whenThatTryFailsToo_noOneMayTryForAnotherSecond() {
        reachability.failed(REFUSED);
        now += TimeUnit.SECONDS.toNanos(1);
        reachability.mayTry();

        reachability.failed(REFUSED);

        assertThat(reachability.mayTry()).isFalse();
        now += TimeUnit.SECONDS.toNanos(1);
        assertThat(reachability.mayTry()).isTrue();
    }
}
