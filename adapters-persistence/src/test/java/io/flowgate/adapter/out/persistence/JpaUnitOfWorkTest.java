package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaUnitOfWorkTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aFailingUseCase_leavesNothingBehind() {
        JpaOrgRepository orgs = new JpaOrgRepository(postgres.unitOfWork());

        assertThatThrownBy(() -> postgres.unitOfWork().run(() -> {
            orgs.add(Org.create(new OrgId("org1"), new OrgSlug("first"), "First", NOW));
            orgs.add(Org.create(new OrgId("org2"), new OrgSlug("first"), "Same slug", NOW));
        })).isInstanceOf(Conflict.class);

        assertThat(postgres.unitOfWork().inTransaction(() -> orgs.findById(new OrgId("org1")))).isEmpty();
    }

    @Test
    void lock_makesASecondTransactionWaitUntilTheFirstEnds() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> postgres.unitOfWork().run(() -> {
            postgres.unitOfWork().lock("app-keys:a1");
            firstHoldsTheLock.countDown();
            sleep(300);
            events.add("first done");
        }));
        assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();

        postgres.unitOfWork().run(() -> {
            postgres.unitOfWork().lock("app-keys:a1");
            events.add("second got the lock");
        });
        first.get(10, TimeUnit.SECONDS);

        assertThat(events).containsExactly("first done", "second got the lock");
    }

    @Test
    void locksOfDifferentNames_doNotWaitForEachOther() throws Exception {
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> postgres.unitOfWork().run(() -> {
            postgres.unitOfWork().lock("app-keys:a1");
            firstHoldsTheLock.countDown();
            await(release);
        }));
        assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();

        // would time out if it waited for the first transaction, which holds its lock until released
        CompletableFuture.runAsync(() -> postgres.unitOfWork().run(() -> postgres.unitOfWork().lock("app-keys:a2")))
                .get(3, TimeUnit.SECONDS);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
