package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.ExecutionJournal;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.log.LogEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Group commit: callers queue their execution and wait; one writer thread takes everything queued,
 * writes it in one JDBC batch and one commit, then releases all of them. Under load a commit covers
 * many requests; alone, a request waits for just its own commit.
 */
public final class GroupCommitExecutionJournal implements ExecutionJournal, AutoCloseable {

    private static final int MAX_BATCH = 256;
    private static final long WAIT_SECONDS = 30;
    private static final String UPSERT = """
            insert into executions (id, org_id, flow_id, flow_version, status, caller_client_id, caller_scopes,
                                    caller_security, started, finished, error, steps)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
            on conflict (id) do update set status = excluded.status, finished = excluded.finished,
                                           error = excluded.error, steps = excluded.steps""";

    private static final String LOG = """
            insert into system_log (id, org_id, published, event_type, actor, target, outcome, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private record Pending(ExecutionEntity row, Optional<LogEvent> logEvent, CompletableFuture<Void> committed) {
    }

    private final DataSource dataSource;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean open = true;

    public GroupCommitExecutionJournal(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::writeLoop, "flowgate-execution-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void recordDurably(Execution execution, Optional<LogEvent> logEvent) {
        if (!open) {
            throw new IllegalStateException("the execution journal is closed");
        }
        Pending pending = new Pending(ExecutionEntity.from(execution), logEvent, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.committed().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording execution " + execution.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("execution " + execution.id() + " could not be recorded", e);
        }
    }

    /** How many commits the journal has made: fewer than records when requests shared them. */
    long commits() {
        return commits.get();
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
                write(batch);
                batch.forEach(pending -> pending.committed().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                batch.forEach(pending -> pending.committed().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UPSERT);
             PreparedStatement log = connection.prepareStatement(LOG)) {
            connection.setAutoCommit(false);
            for (Pending pending : batch) {
                ExecutionEntity row = pending.row();
                statement.setString(1, row.id);
                statement.setString(2, row.orgId);
                statement.setString(3, row.flowId);
                statement.setInt(4, row.flowVersion);
                statement.setString(5, row.status);
                statement.setString(6, row.callerClientId);
                statement.setString(7, row.callerScopes);
                statement.setString(8, row.callerSecurity);
                statement.setTimestamp(9, Timestamp.from(row.started));
                statement.setTimestamp(10, row.finished == null ? null : Timestamp.from(row.finished));
                statement.setString(11, withoutNul(row.error));
                statement.setString(12, withoutNul(row.steps));
                statement.addBatch();
                if (pending.logEvent().isPresent()) {
                    addLogEvent(log, pending.logEvent().get());
                }
            }
            statement.executeBatch();
            log.executeBatch();
            connection.commit();
            commits.incrementAndGet();
        }
    }

    private static void addLogEvent(PreparedStatement log, LogEvent event) throws SQLException {
        log.setString(1, event.id().value());
        log.setString(2, event.orgId().value());
        log.setTimestamp(3, Timestamp.from(event.published()));
        log.setString(4, event.eventType());
        log.setString(5, event.actor());
        log.setString(6, event.target());
        log.setString(7, event.outcome().name());
        log.setString(8, event.reason().orElse(null));
        log.addBatch();
    }

    /**
     * PostgreSQL text cannot hold U+0000, and jsonb refuses its escape; a flow can produce one from
     * request data, which must not make the execution unrecordable. It becomes U+FFFD instead.
     */
    static String withoutNul(String text) {
        return text == null ? null : text.replace("\u0000", "\uFFFD").replace("\\u0000", "\\uFFFD");
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
