package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.execution.Caller;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.execution.StepTrace;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import io.flowgate.domain.policy.SecurityLevel;
import io.flowgate.domain.scope.ScopeName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupCommitExecutionJournalTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Instant STARTED = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final OrgId ORG = new OrgId("org00000000000000001");

    private GroupCommitExecutionJournal journal;

    @BeforeEach
    void open() {
        postgres.unitOfWork().run(() -> new JpaOrgRepository(postgres.unitOfWork())
                .add(Org.create(ORG, new OrgSlug("acme"), "Acme", STARTED)));
        journal = new GroupCommitExecutionJournal(postgres.database().dataSource());
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private static Execution execution(int n) {
        return Execution.start(new ExecutionId(String.format("exe%017d", n)), ORG, new FlowId("flow0000000000000001"),
                1, new Caller(Optional.of(new AppId("app00000000000000001")),
                        Set.of(new ScopeName("okta.workflows.invoke.manage")), SecurityLevel.OAUTH2), STARTED);
    }

    @Test
    void recordedExecution_isCommittedWhenTheCallReturns() throws SQLException {
        Execution execution = execution(1);
        execution.succeed(STARTED.plusMillis(5), List.of());

        journal.recordDurably(execution, Optional.empty());

        // read on another connection: only committed rows are visible there
        assertThat(query("select status || ' ' || caller_scopes from executions where id = '" + execution.id() + "'"))
                .containsExactly("SUCCEEDED okta.workflows.invoke.manage");
        Execution read = postgres.unitOfWork().inTransaction(
                () -> new JpaExecutionRepository(postgres.unitOfWork()).find(ORG, execution.id())).orElseThrow();
        assertThat(read.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(read.finished()).hasValue(STARTED.plusMillis(5));
    }

    @Test
    void logEvent_isCommittedWithItsExecution() throws SQLException {
        Execution execution = execution(1);
        execution.succeed(STARTED.plusMillis(5), List.of());

        journal.recordDurably(execution, Optional.of(new LogEvent(new LogEventId("log00000000000000001"), ORG,
                STARTED, "invoke.allowed", "app00000000000000001", "flow:flow0000000000000001",
                LogEvent.Outcome.SUCCESS, Optional.empty())));

        assertThat(query("select event_type || ' ' || actor from system_log"))
                .containsExactly("invoke.allowed app00000000000000001");
    }

    @Test
    void recordingAgain_updatesTheRunThatAnsweredEarly() throws SQLException {
        Execution execution = execution(1);
        journal.recordDurably(execution, Optional.empty());
        execution.fail(STARTED.plusSeconds(1), "step 'x' failed", List.of());
        journal.recordDurably(execution, Optional.empty());

        assertThat(query("select status || ' ' || error from executions")).containsExactly("FAILED step 'x' failed");
    }

    @Test
    void nulCharacters_doNotMakeAnExecutionUnrecordable() throws SQLException {
        Execution execution = execution(1);
        execution.fail(STARTED.plusSeconds(1), "bad\u0000input", List.of(new StepTrace("s1", "text.concat",
                ExecutionStatus.FAILED, STARTED, Duration.ofMillis(1), "\"a\u0000b\"", null, "x\u0000y")));

        journal.recordDurably(execution, Optional.empty());

        assertThat(query("select error from executions")).containsExactly("bad\uFFFDinput");
    }

    @Test
    void concurrentRecords_allCommit_sharingCommits() throws Exception {
        // A commit that takes a while (as under load) lets the callers queue up behind it.
        journal.close();
        journal = new GroupCommitExecutionJournal(slowToConnect(postgres.database().dataSource()));
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                start.await();
                Execution execution = execution(n);
                execution.succeed(STARTED.plusMillis(1), List.of());
                journal.recordDurably(execution, Optional.empty());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(query("select count(*) from executions")).containsExactly(String.valueOf(callers));
        assertThat(journal.commits()).isLessThan(callers);
    }

    private static DataSource slowToConnect(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        Thread.sleep(50);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection connection = postgres.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            connection.rollback();
            return values;
        }
    }
}
