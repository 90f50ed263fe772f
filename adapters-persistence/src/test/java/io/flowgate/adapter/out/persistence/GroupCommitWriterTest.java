package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.port.out.StorageUnavailable;
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
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

class GroupCommitWriterTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Instant STARTED = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final OrgId ORG = new OrgId("org00000000000000001");

    private GroupCommitWriter writer;

    @BeforeEach
    void open() {
        postgres.unitOfWork().run(() -> new JpaOrgRepository(postgres.unitOfWork())
                .add(Org.create(ORG, new OrgSlug("acme"), "Acme", STARTED)));
        writer = new GroupCommitWriter(postgres.database().dataSource());
    }

    @AfterEach
    void close() {
        writer.close();
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

        writer.recordDurably(execution, Optional.empty());

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

        writer.recordDurably(execution, Optional.of(new LogEvent(new LogEventId("log00000000000000001"), ORG,
                STARTED, "invoke.allowed", "app00000000000000001", "flow:flow0000000000000001",
                LogEvent.Outcome.SUCCESS, Optional.empty())));

        assertThat(query("select event_type || ' ' || actor from system_log"))
                .containsExactly("invoke.allowed app00000000000000001");
    }

    @Test
    void anExecutionWhoseLogEventCannotBeWritten_isNotRecordedEither() throws SQLException {
        writer.recordDurably(logEvent(7, ORG));
        Execution execution = execution(7);
        execution.succeed(STARTED.plusMillis(5), List.of());

        assertThatThrownBy(() -> writer.recordDurably(execution, Optional.of(logEvent(7, ORG))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(query("select count(*) from executions")).containsExactly("0");
    }

    @Test
    void anAssertionWhoseAnswerCannotBeLogged_isNotRecordedAsUsed() throws SQLException {
        writer.recordDurably(logEvent(7, ORG));

        assertThatThrownBy(() -> writer.firstUse(ORG, new AppId("app00000000000000001"), "jti-1",
                STARTED.plusSeconds(300), logEvent(7, ORG)).join()).hasCauseInstanceOf(IllegalStateException.class);

        assertThat(query("select count(*) from assertion_replays")).containsExactly("0");
        assertThat(writer.firstUse(ORG, new AppId("app00000000000000001"), "jti-1", STARTED.plusSeconds(300),
                logEvent(8, ORG)).join()).as("the assertion, presented again").isTrue();
    }

    @Test
    void aBatchOfAssertionIdsAndExecutions_commitsThemAllAtOnce() throws Exception {
        SharedBatch batch = executionAndAssertionInOneBatch(1);
        batch.recorded().get();

        assertThat(batch.queued()).as("requests queued behind the held one").isEqualTo(2);
        assertThat(batch.firstUse().get()).isTrue();
        assertThat(writer.commits()).isEqualTo(2);
        assertThat(query("select id from executions")).containsExactly(batch.execution().id().value());
        assertThat(query("select id from system_log order by id"))
                .containsExactly("log00000000000000001", "log00000000000000002", "log00000000000000099");
        assertThat(query("select jti from assertion_replays")).containsExactly("jti-1");
    }

    @Test
    void aBadExecutionBatchedWithAnAssertionId_failsAlone_andTheAssertionStaysAFirstUse() throws Exception {
        writer.recordDurably(logEvent(7, ORG));
        // the execution's log event has the id just taken
        SharedBatch batch = executionAndAssertionInOneBatch(7);

        assertThat(batch.queued()).as("requests queued behind the held one").isEqualTo(2);
        assertThatThrownBy(batch.recorded()::get).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(batch.firstUse().get()).isTrue();
        assertThat(query("select count(*) from executions")).containsExactly("0");
        assertThat(query("select jti from assertion_replays")).containsExactly("jti-1");
        assertThat(query("select id from system_log order by id"))
                .containsExactly("log00000000000000002", "log00000000000000007", "log00000000000000099");
    }

    @Test
    void recordingAgain_updatesTheRunThatAnsweredEarly() throws SQLException {
        Execution execution = execution(1);
        writer.recordDurably(execution, Optional.empty());
        execution.fail(STARTED.plusSeconds(1), "step 'x' failed", List.of());
        writer.recordDurably(execution, Optional.empty());

        assertThat(query("select status || ' ' || error from executions")).containsExactly("FAILED step 'x' failed");
    }

    @Test
    void nulCharacters_doNotMakeAnExecutionUnrecordable() throws SQLException {
        Execution execution = execution(1);
        execution.fail(STARTED.plusSeconds(1), "bad\u0000input", List.of(new StepTrace("s1", "text.concat",
                ExecutionStatus.FAILED, STARTED, Duration.ofMillis(1), "\"a\u0000b\"", null, "x\u0000y")));

        writer.recordDurably(execution, Optional.empty());

        assertThat(query("select error from executions")).containsExactly("bad\uFFFDinput");
        assertThat(query("select (steps->0->>'input') || ' ' || (steps->0->>'error') from executions"))
                .containsExactly("\"a\uFFFDb\" x\uFFFDy");
    }

    /**
     * Only a NUL character is replaced: a step's input or output is JSON text, where a NUL in a value
     * is written as an escape sequence, and any text may spell that sequence out; PostgreSQL holds both.
     */
    @Test
    void textSpellingTheEscapeOfNul_comesBackExactly() throws SQLException {
        String spelled = "a literal \\u0000 and \\\\u0000";
        Execution execution = execution(1);
        List<StepTrace> trace = List.of(new StepTrace("s1", "text.concat", ExecutionStatus.FAILED, STARTED,
                Duration.ofMillis(1), "{\"text\":\"a\\u0000b\"}", "\"" + spelled + "\"", spelled));
        execution.fail(STARTED.plusSeconds(1), spelled, trace);

        writer.recordDurably(execution, Optional.empty());

        Execution read = postgres.unitOfWork().inTransaction(
                () -> new JpaExecutionRepository(postgres.unitOfWork()).find(ORG, execution.id())).orElseThrow();
        assertThat(read.error()).hasValue(spelled);
        assertThat(read.steps()).isEqualTo(trace);
        assertThat(query("select steps->0->>'input' from executions")).containsExactly("{\"text\":\"a\\u0000b\"}");
    }

    @Test
    void textThatAnArrayLiteralWouldHaveToEscape_comesBackExactly() throws SQLException {
        String awkward = "{braces}, a comma, \"quotes\", a back\\slash, é ☃ 😀";
        Execution word = execution(1);
        word.fail(STARTED.plusSeconds(1), "NULL", List.of());
        Execution text = execution(2);
        text.fail(STARTED.plusSeconds(1), awkward, List.of(new StepTrace("s1", "text.concat",
                ExecutionStatus.FAILED, STARTED, Duration.ofMillis(1), "\"a \\\"quoted\\\" \\\\ b\"", null, awkward)));

        writer.recordDurably(word, Optional.empty());
        writer.recordDurably(text, Optional.empty());

        assertThat(query("select error from executions order by id")).containsExactly("NULL", awkward);
        assertThat(query("select steps->0->>'input' from executions where id = 'exe00000000000000002'"))
                .containsExactly("\"a \\\"quoted\\\" \\\\ b\"");
    }

    @Test
    void concurrentRecords_allCommit_sharingCommits() throws Exception {
        // A commit that takes a while (as under load) lets the callers queue up behind it.
        writer.close();
        writer = new GroupCommitWriter(slowToConnect(postgres.database().dataSource()));
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
                writer.recordDurably(execution, Optional.empty());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(query("select count(*) from executions")).containsExactly(String.valueOf(callers));
        assertThat(writer.commits()).isLessThan(callers);
    }

    @Test
    void aLogEventAlone_isCommittedWhenTheCallReturns() throws SQLException {
        writer.recordDurably(logEvent(1, ORG));

        assertThat(query("select event_type from system_log")).containsExactly("token.issued");
    }

    @Test
    void aLogEventRecordedWithoutWaiting_isCommittedWhenItsFutureCompletes() throws SQLException {
        writer.record(logEvent(1, ORG)).join();

        assertThat(query("select event_type from system_log")).containsExactly("token.issued");
    }

    @Test
    void aLogEventRecordedWithoutWaiting_thatCannotBeWritten_failsItsFuture() throws SQLException {
        writer.recordDurably(logEvent(1, ORG));

        assertThatThrownBy(() -> writer.record(logEvent(1, ORG)).join())
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(query("select count(*) from system_log")).containsExactly("1");
    }

    @Test
    void anExecutionRecordedWithoutWaiting_isCommittedWithItsLogEventWhenItsFutureCompletes() throws SQLException {
        Execution execution = execution(1);
        execution.succeed(STARTED.plusMillis(5), List.of());

        writer.record(execution, logEvent(1, ORG)).join();

        assertThat(query("select status from executions where id = '" + execution.id() + "'"))
                .containsExactly("SUCCEEDED");
        assertThat(query("select event_type from system_log")).containsExactly("token.issued");
    }

    @Test
    void anExecutionRecordedWithoutWaiting_whoseLogEventCannotBeWritten_failsItsFuture() throws SQLException {
        writer.recordDurably(logEvent(7, ORG));
        Execution execution = execution(7);
        execution.succeed(STARTED.plusMillis(5), List.of());

        assertThatThrownBy(() -> writer.record(execution, logEvent(7, ORG)).join())
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(query("select count(*) from executions")).containsExactly("0");
    }

    @Test
    void aClosedWriter_failsTheFutureOfAnAssertionId_ratherThanLeavingItOpen() {
        writer.close();

        assertThat(writer.firstUse(ORG, new AppId("app00000000000000001"), "jti-1", STARTED.plusSeconds(300),
                logEvent(1, ORG))).isCompletedExceptionally();
    }

    @Test
    void databaseOutOfReach_everyRequestIsToldTheStorageIsUnavailable() throws IOException {
        writer.close();
        writer = new GroupCommitWriter(unreachable());
        Execution execution = execution(1);
        execution.succeed(STARTED.plusMillis(5), List.of());

        CompletableFuture<Boolean> assertion = writer.firstUse(ORG, new AppId("app00000000000000001"), "jti-1",
                STARTED.plusSeconds(300), logEvent(1, ORG));
        CompletableFuture<Void> invocation = writer.record(execution, logEvent(2, ORG));

        assertThatThrownBy(assertion::join).hasCauseInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(invocation::join).hasCauseInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(() -> writer.recordDurably(logEvent(3, ORG))).isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void aBatchThatCannotReachTheDatabase_failsWhole_ratherThanEachRequestWaitingForAConnectionAlone()
            throws IOException {
        writer.close();
        AtomicInteger attempts = new AtomicInteger();
        writer = new GroupCommitWriter(beforeEachConnection(unreachable(), () -> {
            attempts.incrementAndGet();
            Thread.sleep(50);
        }));

        List<CompletableFuture<Void>> records = IntStream.range(0, 10)
                .mapToObj(n -> writer.record(logEvent(n, ORG)))
                .toList();

        for (CompletableFuture<Void> record : records) {
            assertThatThrownBy(record::join).hasCauseInstanceOf(StorageUnavailable.class);
        }
        assertThat(attempts.get()).isLessThan(records.size());
    }

    @Test
    void aBadRowInABatch_failsOnlyItsOwnRequest() throws Exception {
        // The slow connection makes the callers share one batch; an event whose id is taken breaks it.
        writer.recordDurably(logEvent(5, ORG));
        writer.close();
        writer = new GroupCommitWriter(slowToConnect(postgres.database().dataSource()));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            done.add(pool.submit(() -> writer.recordDurably(logEvent(n, ORG))));
        }
        int failed = 0;
        for (Future<?> future : done) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                failed++;
            }
        }
        pool.shutdown();

        assertThat(failed).isEqualTo(1);
        assertThat(query("select count(*) from system_log")).containsExactly("10");
    }

    @Test
    void oneAssertionIdPresentedManyTimesInOneBatch_isAFirstUseOnce() throws Exception {
        writer.close();
        writer = new GroupCommitWriter(slowToConnect(postgres.database().dataSource()));
        int callers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> firstUses = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            // half present the same jti, the others a jti of their own
            String jti = i % 2 == 0 ? "the-same-jti" : "jti-" + i;
            firstUses.add(pool.submit(() -> {
                start.await();
                return writer.firstUse(ORG, new AppId("app00000000000000001"), jti, STARTED.plusSeconds(300));
            }));
        }
        start.countDown();
        int first = 0;
        for (Future<Boolean> firstUse : firstUses) {
            first += firstUse.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(first).isEqualTo(1 + callers / 2);
        assertThat(query("select count(*) from assertion_replays")).containsExactly(String.valueOf(1 + callers / 2));
        assertThat(writer.commits()).isLessThan(callers);
    }

    @Test
    void oneAssertionIdPresentedManyTimesInOneBatch_logsOnlyTheAnswerToItsFirstUse() throws Exception {
        // The writer is held on its first request until all the callers have queued behind it.
        CountDownLatch release = new CountDownLatch(1);
        int callers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(callers + 1);
        Future<?> ahead = holdWriter(pool, release);
        List<Future<Boolean>> firstUses = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String jti = i % 2 == 0 ? "the-same-jti" : "jti-" + i;
            LogEvent answer = logEvent(i, ORG);
            firstUses.add(pool.submit(
                    () -> writer.firstUse(ORG, new AppId("app00000000000000001"), jti, STARTED.plusSeconds(300), answer)
                            .join()));
        }
        int queued = awaitQueued(callers);
        release.countDown();
        assertThat(queued).as("callers queued behind the held request").isEqualTo(callers);
        ahead.get();
        List<String> answersToFirstUses = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            if (firstUses.get(i).get()) {
                answersToFirstUses.add(String.format("log%017d", i));
            }
        }
        pool.shutdown();

        assertThat(writer.commits()).isEqualTo(2);
        assertThat(answersToFirstUses).hasSize(1 + callers / 2);
        assertThat(query("select id from system_log where id <> 'log00000000000000099'"))
                .containsExactlyInAnyOrderElementsOf(answersToFirstUses);
    }

    private static LogEvent logEvent(int n, OrgId org) {
        return new LogEvent(new LogEventId(String.format("log%017d", n)), org, STARTED, "token.issued",
                "app00000000000000001", "token-endpoint", LogEvent.Outcome.SUCCESS, Optional.empty());
    }

    /**
     * A new writer, held on its first request (log event 99) until {@code release} opens, so that the
     * requests made meanwhile share the next batch.
     *
     * @return the held request
     */
    private Future<?> holdWriter(ExecutorService pool, CountDownLatch release) throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        writer.close();
        writer = new GroupCommitWriter(firstConnectionHeld(postgres.database().dataSource(), writing, release));
        Future<?> ahead = pool.submit(() -> writer.recordDurably(logEvent(99, ORG)));
        writing.await();
        return ahead;
    }

    private record SharedBatch(Execution execution, Future<?> recorded, Future<Boolean> firstUse, int queued) {
    }

    /**
     * Execution 1 with log event {@code executionLogEvent}, and assertion jti-1 answered by log event 2,
     * queued behind a held writer so that they share one batch, then released.
     */
    private SharedBatch executionAndAssertionInOneBatch(int executionLogEvent) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<?> ahead = holdWriter(pool, release);
        Execution execution = execution(1);
        execution.succeed(STARTED.plusMillis(5), List.of());
        Future<?> recorded = pool.submit(
                () -> writer.recordDurably(execution, Optional.of(logEvent(executionLogEvent, ORG))));
        Future<Boolean> firstUse = writer.firstUse(ORG, new AppId("app00000000000000001"), "jti-1",
                STARTED.plusSeconds(300), logEvent(2, ORG));
        int queued = awaitQueued(2);
        release.countDown();
        ahead.get();
        pool.shutdown();
        return new SharedBatch(execution, recorded, firstUse, queued);
    }

    /** Waits, at most 30 s, for {@code requests} to queue behind the held one; returns how many did. */
    private int awaitQueued(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (writer.queued() < requests && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return writer.queued();
    }

    /** Signals {@code connecting} on the first connection asked for, and hands it out once {@code release} opens. */
    private static DataSource firstConnectionHeld(DataSource target, CountDownLatch connecting, CountDownLatch release) {
        AtomicBoolean first = new AtomicBoolean(true);
        return beforeEachConnection(target, () -> {
            if (first.getAndSet(false)) {
                connecting.countDown();
                release.await();
            }
        });
    }

    /** The driver's data source for a port where nothing listens: every connection is refused, as when the database is down. */
    private static DataSource unreachable() throws IOException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        try (ServerSocket socket = new ServerSocket(0)) {
            dataSource.setPortNumbers(new int[] {socket.getLocalPort()});
        }
        dataSource.setDatabaseName("postgres");
        return dataSource;
    }

    private static DataSource slowToConnect(DataSource target) {
        return beforeEachConnection(target, () -> Thread.sleep(50));
    }

    private interface Pause {
        void run() throws InterruptedException;
    }

    /** {@code target}, running {@code pause} before it hands out each connection. */
    private static DataSource beforeEachConnection(DataSource target, Pause pause) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        pause.run();
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
