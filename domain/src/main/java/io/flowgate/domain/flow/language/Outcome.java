package io.flowgate.domain.flow.language;

import io.flowgate.domain.execution.ExecutionStatus;
import java.util.Objects;
import java.util.Optional;

/** How a run ended. */
public sealed interface Outcome {

    /** The execution status this outcome is recorded as. */
    ExecutionStatus status();

    /** What went wrong, for the execution log; empty for a run that succeeded. */
    default Optional<String> error() {
        return Optional.empty();
    }

    /** {@code flow.return} or {@code flow.return_raw} ended the run. */
    record Returned(Response response) implements Outcome {
        public Returned {
            Objects.requireNonNull(response);
        }

        @Override
        public ExecutionStatus status() {
            return ExecutionStatus.SUCCEEDED;
        }
    }

    /** The last step ran and none returned: the caller gets 200 {@code {}}. */
    record NoReturn() implements Outcome {
        @Override
        public ExecutionStatus status() {
            return ExecutionStatus.SUCCEEDED;
        }
    }

    /** {@code flow.return_error} ended the run; its message is meant for the caller. */
    record ReturnedError(String message) implements Outcome {
        public ReturnedError {
            Objects.requireNonNull(message);
        }

        @Override
        public ExecutionStatus status() {
            return ExecutionStatus.FAILED;
        }

        @Override
        public Optional<String> error() {
            return Optional.of(message);
        }
    }

    /**
     * A step failed. {@code stepId} is the path to it ({@code lookup/greet} for step {@code greet} of a flow called
     * by step {@code lookup}); the message is for the execution log, not for the caller.
     */
    record Failed(String stepId, String message) implements Outcome {
        public Failed {
            Objects.requireNonNull(stepId);
            Objects.requireNonNull(message);
        }

        @Override
        public ExecutionStatus status() {
            return ExecutionStatus.FAILED;
        }

        @Override
        public Optional<String> error() {
            return Optional.of("step '" + stepId + "' failed: " + message);
        }
    }

    /** The deadline passed; checked before each step. */
    record TimedOut() implements Outcome {
        @Override
        public ExecutionStatus status() {
            return ExecutionStatus.TIMED_OUT;
        }

        @Override
        public Optional<String> error() {
            return Optional.of("the flow ran past its time limit");
        }
    }

    /** A bound of {@link Limits} was hit: too many steps or too much output. */
    record LimitExceeded(String message) implements Outcome {
        public LimitExceeded {
            Objects.requireNonNull(message);
        }

        @Override
        public ExecutionStatus status() {
            return ExecutionStatus.FAILED;
        }

        @Override
        public Optional<String> error() {
            return Optional.of(message);
        }
    }
}
