package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.Journal;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.application.port.out.StorageUnavailable;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.org.OrgId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Group commit for the writes of the token and invoke endpoints: callers queue their rows and
 * wait; one writer thread takes everything queued, writes each table's rows with one statement and
 * commits once, then releases all of them; while it commits, the next batch gathers. A batch of
 * executions and log events alone goes as a single statement that commits by itself, so the writer
 * waits for PostgreSQL once per batch instead of three times (invocations: about a tenth more a
 * second). One writer, not several: a commit costs the database far more CPU than the rows in it,
 * and more writers only make more, smaller commits (invoke on two cores: 5,570/s and 0.31 database
 * cores with one writer, 4,910/s with two, 4,290/s and 0.53 with four). Under load a commit covers
 * many requests; alone, a request waits for just its own commit. Each request's rows (an execution
 * and its log event) commit together, and a batch that fails is retried request by request, so one
 * bad row fails only its own request; a batch that cannot reach the database fails whole, with
 * {@link StorageUnavailable}.
 *
 * <p>Assertion ids go through here too: the primary key of {@code assertion_replays} decides
 * which insert is the first use, on every node, and the commit makes that decision durable before
 * a token is issued, together with the log event of the request's answer. Inserts run in key
 * order, so two batches (of this node or another) never wait on each other in a cycle. An
 * execution recorded twice (a run that answered early) is queued the second time only after its
 * first record committed, so the two never race.
 */
public final class GroupCommitWriter implements Journal, ReplayStore, AutoCloseable {

    private static final int MAX_BATCH = 256;
    private static final long WAIT_SECONDS = 30;
    // Each statement writes the whole batch from arrays, one row per element: PostgreSQL plans and
    // runs one statement instead of one per row (pgbench here: four times the rows per second).
    // Times travel as ISO-8601 text, which PostgreSQL reads exactly, whatever the session's time zone.
    private static final String UPSERT = """
            insert into executions (id, org_id, flow_id, flow_version, status, caller_client_id, caller_scopes,
                                    caller_security, started, finished, error, steps)
            select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as integer[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as timestamptz[]), cast(? as timestamptz[]), cast(? as text[]),
                                 cast(? as json[]))
            on conflict (id) do update set status = excluded.status, finished = excluded.finished,
                                           error = excluded.error, steps = excluded.steps""";
    private static final String LOG = """
            insert into system_log (id, org_id, published, event_type, actor, target, outcome, reason)
            select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))""";
    // Both in one statement, committed on its own: one round trip to PostgreSQL instead of three
    // (each statement and the commit). PostgreSQL runs a WITH that writes to completion even unread.
    private static final String UPSERT_AND_LOG = "with executions_written as (" + UPSERT + ")\n" + LOG;
    // Never read-then-write: a concurrent insert of the same key waits for the other transaction
    // and then does nothing, so exactly one caller sees its row inserted. Rows go in in key order.
    private static final String REPLAY = """
            insert into assertion_replays (org_id, client_id, jti, expires_at)
            select org_id, client_id, jti, expires_at
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]))
                 with ordinality as r (org_id, client_id, jti, expires_at, position)
            order by position
            on conflict do nothing
            returning org_id, client_id, jti""";

    /** One request's rows; {@code done} completes with true once committed (for a replay check: first use). */
    private sealed interface Pending {
        CompletableFuture<Boolean> done();
    }

    private record ExecutionRows(ExecutionEntity row, Optional<LogEvent> logEvent, CompletableFuture<Boolean> done)
            implements Pending {
    }

    private record LogRow(LogEvent event, CompletableFuture<Boolean> done) implements Pending {
    }

    /** {@code logEvent} is written only if the replay row is: on the assertion's first use. */
    private record ReplayRow(String orgId, String clientId, String jti, Instant expiresAt, Optional<LogEvent> logEvent,
                             CompletableFuture<Boolean> done) implements Pending {
    }

    private static final Comparator<ReplayRow> KEY_ORDER = Comparator.comparing(ReplayRow::orgId)
            .thenComparing(ReplayRow::clientId).thenComparing(ReplayRow::jti);

    private final DataSource dataSource;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean open = true;

    /**
     * @param dataSource should not be the pool that request threads draw from, so that the writer
     *                   never waits for them
     */
    public GroupCommitWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::writeLoop, "flowgate-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void recordDurably(Execution execution, Optional<LogEvent> logEvent) {
        await(new ExecutionRows(ExecutionEntity.from(execution), logEvent, new CompletableFuture<>()),
                "execution " + execution.id());
    }

    @Override
    public CompletableFuture<Void> record(Execution execution, LogEvent logEvent) {
        return later(new ExecutionRows(ExecutionEntity.from(execution), Optional.of(logEvent), new CompletableFuture<>()),
                "execution " + execution.id()).thenApply(done -> null);
    }

    @Override
    public void recordDurably(LogEvent event) {
        await(new LogRow(event, new CompletableFuture<>()), "log event " + event.id());
    }

    @Override
    public CompletableFuture<Void> record(LogEvent event) {
        return later(new LogRow(event, new CompletableFuture<>()), "log event " + event.id()).thenApply(done -> null);
    }

    @Override
    public boolean firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt) {
        return await(new ReplayRow(orgId.value(), clientId.value(), jti, expiresAt, Optional.empty(),
                new CompletableFuture<>()), "the assertion id");
    }

    @Override
    public CompletableFuture<Boolean> firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt,
                                               LogEvent answered) {
        return later(new ReplayRow(orgId.value(), clientId.value(), jti, expiresAt, Optional.of(answered),
                new CompletableFuture<>()), "the assertion id");
    }

    @Override
    public int purgeExpired(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from assertion_replays where expires_at < ?")) {
            connection.setAutoCommit(false);
            delete.setTimestamp(1, Timestamp.from(now));
            int deleted = delete.executeUpdate();
            connection.commit();
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("expired assertion ids could not be purged", e);
        }
    }

    private boolean await(Pending pending, String what) {
        if (!open) {
            throw new IllegalStateException("the writer is closed");
        }
        queue.add(pending);
        try {
            return pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageUnavailable unavailable) {
                throw unavailable;
            }
            throw new IllegalStateException(what + " could not be recorded", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " could not be recorded", e);
        }
    }

    /**
     * {@link #await} without waiting: the future fails as {@code await} throws. It completes on the writer's
     * thread (or, past the wait, the timer's), which runs what the caller chained to it.
     */
    private CompletableFuture<Boolean> later(Pending pending, String what) {
        if (!open) {
            return CompletableFuture.failedFuture(new IllegalStateException("the writer is closed"));
        }
        queue.add(pending);
        return pending.done().orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).exceptionallyCompose(failure ->
                CompletableFuture.failedFuture(failure instanceof StorageUnavailable ? failure
                        : new IllegalStateException(what + " could not be recorded", failure)));
    }

    /** How many commits the writer has made: fewer than requests when requests shared them. */
    long commits() {
        return commits.get();
    }

    /** How many requests wait for the writer to take them. */
    int queued() {
        return queue.size();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeOrRetryAlone(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeOrRetryAlone(List<Pending> batch) {
        try {
            complete(batch, write(batch));
        } catch (SQLException | RuntimeException e) {
            if (ConnectionFailures.isConnectionFailure(e)) {
                // Not the rows' fault, so no retry one by one (each would wait for a connection in turn):
                // the whole batch fails at once, nothing of it written, and its requests are told to come back.
                StorageUnavailable unavailable = new StorageUnavailable(e);
                batch.forEach(pending -> pending.done().completeExceptionally(unavailable));
                return;
            }
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            for (Pending pending : batch) {
                writeOrRetryAlone(List.of(pending));
            }
        }
    }

    private static void complete(List<Pending> batch, List<Boolean> results) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    /** @return per pending, in order: whether its replay row was inserted (true for anything else) */
    private List<Boolean> write(List<Pending> batch) throws SQLException {
        List<ReplayRow> replays = new ArrayList<>();
        for (Pending pending : batch) {
            if (pending instanceof ReplayRow replay) {
                replays.add(replay);
            }
        }
        if (replays.isEmpty()) {
            writeInOneStatement(batch);
            return Collections.nCopies(batch.size(), true);
        }
        replays.sort(KEY_ORDER);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Set<ReplayRow> firstUses = insertReplays(connection, replays);
                insertExecutionsAndLogs(connection, batch, firstUses);
                connection.commit();
                commits.incrementAndGet();
                List<Boolean> results = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    results.add(!(pending instanceof ReplayRow) || firstUses.contains(pending));
                }
                return results;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        }
    }

    /** A connection that broke cannot roll back either; what broke it is the failure to report. */
    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Executions and log events alone: one statement, which commits as it completes. */
    private void writeInOneStatement(List<Pending> batch) throws SQLException {
        Columns executions = new Columns(batch.size());
        Columns logs = new Columns(batch.size());
        addExecutionsAndLogs(batch, Set.of(), executions, logs);
        String sql = executions.rows() == 0 ? LOG : logs.rows() == 0 ? UPSERT : UPSERT_AND_LOG;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            // Columns without rows bind nothing: the parameters are those of the statement chosen.
            logs.bind(statement, executions.bind(statement, 1));
            statement.executeUpdate();
            commits.incrementAndGet();
        }
    }

    /**
     * @return the rows that were inserted: first uses (compared by identity: when two requests carry one key, the
     *         first of them in the batch is its first use)
     */
    private static Set<ReplayRow> insertReplays(Connection connection, List<ReplayRow> replays) throws SQLException {
        Set<ReplayRow> firstUses = Collections.newSetFromMap(new IdentityHashMap<>());
        if (replays.isEmpty()) {
            return firstUses;
        }
        Columns columns = new Columns(replays.size());
        for (ReplayRow replay : replays) {
            columns.add(replay.orgId(), replay.clientId(), replay.jti(), replay.expiresAt());
        }
        try (PreparedStatement insert = connection.prepareStatement(REPLAY)) {
            columns.bind(insert, 1);
            Set<List<String>> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            for (ReplayRow replay : replays) {
                if (inserted.remove(List.of(replay.orgId(), replay.clientId(), replay.jti()))) {
                    firstUses.add(replay);
                }
            }
            return firstUses;
        }
    }

    private static void insertExecutionsAndLogs(Connection connection, List<Pending> batch, Set<ReplayRow> firstUses)
            throws SQLException {
        Columns executions = new Columns(batch.size());
        Columns logs = new Columns(batch.size());
        addExecutionsAndLogs(batch, firstUses, executions, logs);
        execute(connection, UPSERT, executions);
        execute(connection, LOG, logs);
    }

    private static void addExecutionsAndLogs(List<Pending> batch, Set<ReplayRow> firstUses, Columns executions,
                                             Columns logs) {
        for (Pending pending : batch) {
            if (pending instanceof ExecutionRows rows) {
                addExecution(executions, rows.row());
                rows.logEvent().ifPresent(event -> addLogEvent(logs, event));
            } else if (pending instanceof LogRow row) {
                addLogEvent(logs, row.event());
            } else if (pending instanceof ReplayRow replay && firstUses.contains(replay)) {
                replay.logEvent().ifPresent(event -> addLogEvent(logs, event));
            }
        }
    }

    private static void execute(Connection connection, String sql, Columns columns) throws SQLException {
        if (columns.rows() == 0) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            columns.bind(statement, 1);
            statement.executeUpdate();
        }
    }

    private static void addExecution(Columns executions, ExecutionEntity row) {
        executions.add(row.id, row.orgId, row.flowId, row.flowVersion, row.status, row.callerClientId,
                row.callerScopes, row.callerSecurity, row.started, row.finished, row.error, row.steps);
    }

    private static void addLogEvent(Columns logs, LogEvent event) {
        logs.add(event.id().value(), event.orgId().value(), event.published(), event.eventType(), event.actor(),
                event.target(), event.outcome().name(), event.reason().orElse(null));
    }

    /** A batch's rows turned into one array per column, each bound to one parameter of a statement. */
    private static final class Columns {

        private final List<List<Object>> columns = new ArrayList<>();
        private final int capacity;
        private int rows;

        Columns(int capacity) {
            this.capacity = capacity;
        }

        void add(Object... row) {
            while (columns.size() < row.length) {
                columns.add(new ArrayList<>(capacity));
            }
            for (int i = 0; i < row.length; i++) {
                Object value = row[i];
                columns.get(i).add(value instanceof Instant instant ? InstantText.format(instant) : value);
            }
            rows++;
        }

        int rows() {
            return rows;
        }

        /**
         * Integers go as an integer array, everything else as text that the statement casts. A Java array is
         * sent in PostgreSQL's binary array form: as an array literal, each of a step trace's quotes would be
         * escaped here (about 2 µs of the server's CPU per 10-step execution, bench/TraceBinding.java).
         *
         * @return the parameter after the last one bound
         */
        int bind(PreparedStatement statement, int firstParameter) throws SQLException {
            for (int i = 0; i < columns.size(); i++) {
                List<Object> column = columns.get(i);
                statement.setObject(firstParameter + i, column.get(0) instanceof Integer
                        ? column.toArray(new Integer[0]) : column.toArray(new String[0]));
            }
            return firstParameter + columns.size();
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
