package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.Journal;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.org.OrgId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * wait; a writer thread takes everything queued, writes it in JDBC batches and one commit, then
 * releases all of them. A few writers share the queue, so that a batch is written while the one
 * before waits for the disk. Under load a commit covers many requests; alone, a request waits for just
 * its own commit. Each request's rows (an execution and its log event) commit together, and a
 * batch that fails is retried request by request, so one bad row fails only its own request.
 *
 * <p>Assertion ids go through here too: the primary key of {@code assertion_replays} decides
 * which insert is the first use, on every node, and the commit makes that decision durable before
 * a token is issued, together with the log event of the request's answer. Inserts run in key order, so two batches (of this node or another) never wait
 * on each other in a cycle. An execution recorded twice (a run that answered early) is queued the
 * second time only after its first record committed, so the two never race.
 */
public final class GroupCommitWriter implements Journal, ReplayStore, AutoCloseable {

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
    // Never read-then-write: a concurrent insert of the same key waits for the other transaction
    // and then does nothing, so exactly one caller sees a row inserted.
    private static final String REPLAY = """
            insert into assertion_replays (org_id, client_id, jti, expires_at) values (?, ?, ?, ?)
            on conflict do nothing""";

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
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean open = true;

    /**
     * @param dataSource should not be the pool that request threads draw from, so that the writers never wait for
     *                   them; it needs a connection per writer
     * @param writers how many batches may be in flight at once: while one waits for its commit to reach the disk,
     *                the next is written
     */
    public GroupCommitWriter(DataSource dataSource, int writers) {
        this.dataSource = dataSource;
        for (int i = 1; i <= writers; i++) {
            Thread writer = new Thread(this::writeLoop, "flowgate-group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            this.writers.add(writer);
        }
    }

    @Override
    public void recordDurably(Execution execution, Optional<LogEvent> logEvent) {
        await(new ExecutionRows(ExecutionEntity.from(execution), logEvent, new CompletableFuture<>()),
                "execution " + execution.id());
    }

    @Override
    public void recordDurably(LogEvent event) {
        await(new LogRow(event, new CompletableFuture<>()), "log event " + event.id());
    }

    @Override
    public boolean firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt) {
        return await(new ReplayRow(orgId.value(), clientId.value(), jti, expiresAt, Optional.empty(),
                new CompletableFuture<>()), "the assertion id");
    }

    @Override
    public boolean firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt, LogEvent answered) {
        return await(new ReplayRow(orgId.value(), clientId.value(), jti, expiresAt, Optional.of(answered),
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
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(what + " could not be recorded", e);
        }
    }

    /** How many commits the writer has made: fewer than requests when requests shared them. */
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
                connection.rollback();
                throw e;
            }
        }
    }

    /** @return the rows that were inserted: first uses (compared by identity, as two requests may carry one key) */
    private static Set<ReplayRow> insertReplays(Connection connection, List<ReplayRow> replays) throws SQLException {
        Set<ReplayRow> firstUses = Collections.newSetFromMap(new IdentityHashMap<>());
        if (replays.isEmpty()) {
            return firstUses;
        }
        try (PreparedStatement insert = connection.prepareStatement(REPLAY)) {
            for (ReplayRow replay : replays) {
                insert.setString(1, replay.orgId());
                insert.setString(2, replay.clientId());
                insert.setString(3, replay.jti());
                insert.setTimestamp(4, Timestamp.from(replay.expiresAt()));
                insert.addBatch();
            }
            int[] inserted = insert.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] == 1) {
                    firstUses.add(replays.get(i));
                }
            }
            return firstUses;
        }
    }

    private static void insertExecutionsAndLogs(Connection connection, List<Pending> batch, Set<ReplayRow> firstUses)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
             PreparedStatement log = connection.prepareStatement(LOG)) {
            boolean executions = false;
            boolean logs = false;
            for (Pending pending : batch) {
                if (pending instanceof ExecutionRows rows) {
                    addExecution(upsert, rows.row());
                    executions = true;
                    if (rows.logEvent().isPresent()) {
                        addLogEvent(log, rows.logEvent().get());
                        logs = true;
                    }
                } else if (pending instanceof LogRow row) {
                    addLogEvent(log, row.event());
                    logs = true;
                } else if (pending instanceof ReplayRow replay && replay.logEvent().isPresent()
                        && firstUses.contains(replay)) {
                    addLogEvent(log, replay.logEvent().get());
                    logs = true;
                }
            }
            if (executions) {
                upsert.executeBatch();
            }
            if (logs) {
                log.executeBatch();
            }
        }
    }

    private static void addExecution(PreparedStatement upsert, ExecutionEntity row) throws SQLException {
        upsert.setString(1, row.id);
        upsert.setString(2, row.orgId);
        upsert.setString(3, row.flowId);
        upsert.setInt(4, row.flowVersion);
        upsert.setString(5, row.status);
        upsert.setString(6, row.callerClientId);
        upsert.setString(7, row.callerScopes);
        upsert.setString(8, row.callerSecurity);
        upsert.setTimestamp(9, Timestamp.from(row.started));
        upsert.setTimestamp(10, row.finished == null ? null : Timestamp.from(row.finished));
        upsert.setString(11, withoutNul(row.error));
        upsert.setString(12, withoutNul(row.steps));
        upsert.addBatch();
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

    /** Writes what is queued, then stops the writers. */
    @Override
    public void close() {
        open = false;
        try {
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
