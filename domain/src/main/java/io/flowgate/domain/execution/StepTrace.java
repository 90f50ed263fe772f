package io.flowgate.domain.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What one step did in one run. Inputs and outputs are JSON text cut to {@link #MAX_PAYLOAD_CHARS}. */
public record StepTrace(String stepId, String card, ExecutionStatus status, Instant started, Duration duration,
                        String input, String output, String error) {

    public static final int MAX_PAYLOAD_CHARS = 4096;

    public StepTrace {
        Objects.requireNonNull(stepId);
        Objects.requireNonNull(card);
        Objects.requireNonNull(status);
        Objects.requireNonNull(started);
        Objects.requireNonNull(duration);
        input = truncate(input);
        output = truncate(output);
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_PAYLOAD_CHARS) {
            return text;
        }
        int end = MAX_PAYLOAD_CHARS - 1;
        // Never keep half of a surrogate pair: a lone surrogate is not valid text and cannot be stored as UTF-8.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
