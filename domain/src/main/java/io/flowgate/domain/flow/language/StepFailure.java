package io.flowgate.domain.flow.language;

/** A step cannot produce its output; the run fails with this message in the execution log. */
public final class StepFailure extends RuntimeException {

    public StepFailure(String message) {
        super(message, null, false, false);
    }
}
