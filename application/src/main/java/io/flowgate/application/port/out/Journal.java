package io.flowgate.application.port.out;

import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.log.LogEvent;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the token and invoke endpoints write, made durable before they answer: executions and
 * system-log events. A call returns only after its rows are committed ({@link #record} instead
 * returns a future that completes then); concurrent calls share commits, so durability costs one
 * commit per batch, not per request.
 */
public interface Journal {

    /**
     * Recording the same execution again (when a run that answered early ends) updates it.
     *
     * @param logEvent a system log entry committed together with the execution (the "invoke allowed" entry)
     * @throws StorageUnavailable when the database could not be reached
     * @throws IllegalStateException when the record could not be made durable otherwise
     */
    void recordDurably(Execution execution, Optional<LogEvent> logEvent);

    /**
     * {@link #recordDurably(Execution, Optional)} without waiting: the future completes once the execution and
     * its log event are committed, or fails as that would throw.
     */
    CompletableFuture<Void> record(Execution execution, LogEvent logEvent);

    /**
     * @throws StorageUnavailable when the database could not be reached
     * @throws IllegalStateException when the event could not be made durable otherwise
     */
    void recordDurably(LogEvent event);

    /**
     * {@link #recordDurably(LogEvent)} without waiting: the future completes once the event is committed,
     * or fails as that would throw.
     */
    CompletableFuture<Void> record(LogEvent event);
}
