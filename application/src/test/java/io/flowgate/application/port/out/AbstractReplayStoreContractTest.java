package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link ReplayStore} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractReplayStoreContractTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant IN_FIVE_MINUTES = NOW.plus(Duration.ofMinutes(5));
    private static final OrgId ACME = new OrgId("acme");
    private static final OrgId GLOBEX = new OrgId("globex");
    private static final AppId CLIENT = new AppId("client1");
    private static final AppId OTHER_CLIENT = new AppId("client2");

    protected abstract ReplayStore store();

    protected abstract UnitOfWork unitOfWork();

    /**
     * The store as node {@code n} of a cluster has it: its own instance over the storage all nodes share.
     * A store kept in one process is one node, so by default every node is {@link #store()}.
     */
    protected ReplayStore node(int n) {
        return store();
    }

    /** The ids of every log event the store has made durable, in any order. */
    protected abstract List<String> loggedEventIds();

    private boolean firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt) {
        return unitOfWork().inTransaction(() -> store().firstUse(orgId, clientId, jti, expiresAt));
    }

    private int purgeExpired(Instant now) {
        return unitOfWork().inTransaction(() -> store().purgeExpired(now));
    }

    @Test
    void aJti_isAFirstUseOnce_andAReplayEverAfter() {
        assertThat(firstUse(ACME, CLIENT, "jti-1", IN_FIVE_MINUTES)).isTrue();

        assertThat(firstUse(ACME, CLIENT, "jti-1", IN_FIVE_MINUTES)).isFalse();
        assertThat(firstUse(ACME, CLIENT, "jti-1", IN_FIVE_MINUTES.plusSeconds(60))).isFalse();
    }

    @Test
    void theAnswerToAFirstUse_isRecordedWithIt_andTheAnswerToAReplayIsNot() {
        boolean first = unitOfWork().inTransaction(() -> store().firstUse(ACME, CLIENT, "jti-1", IN_FIVE_MINUTES,
                answer("answer1"))).join();
        boolean again = unitOfWork().inTransaction(() -> store().firstUse(ACME, CLIENT, "jti-1", IN_FIVE_MINUTES,
                answer("answer2"))).join();

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(loggedEventIds()).containsExactly("answer1");
        assertThat(firstUse(ACME, CLIENT, "jti-1", IN_FIVE_MINUTES)).isFalse();
    }

    private static LogEvent answer(String id) {
        return new LogEvent(new LogEventId(id), ACME, NOW, "token.issued", CLIENT.value(), "token-endpoint",
                LogEvent.Outcome.SUCCESS, Optional.empty());
    }

    @Test
    void theSameJti_ofAnotherClientOrAnotherOrg_isItsOwnFirstUse() {
        assertThat(firstUse(ACME, CLIENT, "jti-1", IN_FIVE_MINUTES)).isTrue();

        assertThat(firstUse(ACME, OTHER_CLIENT, "jti-1", IN_FIVE_MINUTES)).isTrue();
        assertThat(firstUse(GLOBEX, CLIENT, "jti-1", IN_FIVE_MINUTES)).isTrue();
        assertThat(firstUse(ACME, CLIENT, "jti-2", IN_FIVE_MINUTES)).isTrue();
    }

    @Test
    void manyNodesPresentingOneJtiAtOnce_exactlyOneIsTheFirstUse_andOnlyItsAnswerIsLogged() throws Exception {
        int callers = 20;
        int nodes = 4;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                ReplayStore node = node(i % nodes);
                LogEvent answer = answer("answer" + i);
                Callable<Boolean> caller = () -> {
                    ready.countDown();
                    go.await();
                    return unitOfWork().inTransaction(() -> node.firstUse(ACME, CLIENT, "raced-jti", IN_FIVE_MINUTES,
                            answer)).join();
                };
                outcomes.add(executor.submit(caller));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            int firstUses = 0;
            for (Future<Boolean> outcome : outcomes) {
                if (outcome.get(30, TimeUnit.SECONDS)) {
                    firstUses++;
                }
            }
            assertThat(firstUses).isEqualTo(1);
            assertThat(loggedEventIds()).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void purgeExpired_forgetsOnlyEntriesExpiredBeforeNow_andCountsThem() {
        firstUse(ACME, CLIENT, "expired-1", NOW.minusNanos(1_000));
        firstUse(GLOBEX, OTHER_CLIENT, "expired-2", NOW.minus(Duration.ofHours(1)));
        firstUse(ACME, CLIENT, "expires-now", NOW);
        firstUse(ACME, CLIENT, "later", IN_FIVE_MINUTES);

        assertThat(purgeExpired(NOW)).isEqualTo(2);

        assertThat(firstUse(ACME, CLIENT, "expired-1", IN_FIVE_MINUTES)).isTrue();
        assertThat(firstUse(GLOBEX, OTHER_CLIENT, "expired-2", IN_FIVE_MINUTES)).isTrue();
        assertThat(firstUse(ACME, CLIENT, "expires-now", IN_FIVE_MINUTES)).isFalse();
        assertThat(firstUse(ACME, CLIENT, "later", IN_FIVE_MINUTES)).isFalse();
        assertThat(purgeExpired(NOW)).isZero();
    }
}
