package io.flowgate.application.port.out;

import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.log.LogEvent;
import java.util.Optional;

/**
 * Records executions durably on the invocation path. A call returns only after the execution's row
 * is committed; concurrent calls share commits, so durability costs one commit per batch, not per
 * request. Recording the same execution again (when a run that answered early ends) updates it.
 */
public interface ExecutionJournal {

    /**
     * @param logEvent a system log entry committed together with the execution (the "invoke allowed" entry)
     * @throws IllegalStateException when the record could not be made durable
     */
    void recordDurably(Execution execution, Optional<LogEvent> logEvent);
}
